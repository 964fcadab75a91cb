/**
 * Examples for `npm run trace -- 03`: each one drives your TrackedGenerator step by step. The
 * trace prints every call, what came back, and the state after it as the trace itself sees it;
 * the lines "t.state is …" are what your wrapper reports, read after each step (and once from
 * inside the body). Calls your wrapper passes on to the generator show indented under them.
 * The grader does not use this file: change the examples, or add your own.
 *
 * `npm run trace -- 03`의 예제입니다. 한국어 로캘이거나 `--lang ko`를 붙이면 각 예제의 제목으로
 * titleKo가 나옵니다. 채점기는 이 파일을 쓰지 않으니, 예제를 고치거나 새로 더해 보세요.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './generator-state';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'created, running (read from inside the body), suspended, closed',
    titleKo: '생성됨, 실행 중(본문 안에서 읽음), 멈춤, 닫힘',
    run(m, talk) {
      let t: Exercise.TrackedGenerator<number, string, number> | undefined = undefined;
      function* body(): Generator<number, string, number> {
        talk.note(`t.state is ${t?.state} (read inside the body)`);
        const got = yield 1;
        yield got * 2;
        return 'done';
      }
      const tracked = new m.TrackedGenerator(talk.record(body(), 'body()'));
      t = tracked;
      talk.record(tracked, 't', { madeBy: 'new TrackedGenerator(body())' });
      talk.note(`t.state is ${tracked.state}`);
      for (const step of [() => tracked.next(), () => tracked.next(21), () => tracked.next(), () => tracked.next()]) {
        step();
        talk.note(`t.state is ${tracked.state}`);
      }
    },
  },
  {
    title: 'throw() on a created one closes it without running the body',
    titleKo: '생성 상태에 부른 throw()는 본문을 실행하지 않고 닫습니다',
    run(m, talk) {
      function* body(): Generator<number, void, unknown> {
        yield 1;
      }
      const t = talk.record(new m.TrackedGenerator(body()), 't', { madeBy: 'new TrackedGenerator(body())' });
      try {
        t.throw(new Error('boom'));
      } catch {
        // The step shows what was thrown.
      }
      talk.note(`t.state is ${t.state}`);
    },
  },
];

export default examples;
