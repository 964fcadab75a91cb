/**
 * Examples for `npm run trace -- 07`: each one drives your demoExcHandling step by step, and the
 * trace prints every call (`throw()` included), what came back, what the step logged, and the
 * generator's state after it. The grader does not use this file: change the examples, or add
 * your own.
 *
 * `npm run trace -- 07`의 예제입니다. 한국어 로캘이거나 `--lang ko`를 붙이면 각 예제의 제목으로
 * titleKo가 나옵니다. 채점기는 이 파일을 쓰지 않으니, 예제를 고치거나 새로 더해 보세요.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './exception-handling';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'a DemoException thrown in is handled, and the coroutine keeps receiving',
    titleKo: '안으로 던진 DemoException은 처리되고, 코루틴은 계속 값을 받습니다',
    run(m, talk) {
      const log: string[] = [];
      const gen = talk.record(m.demoExcHandling(log), 'demoExcHandling(log)', { log });
      gen.next();
      gen.next(11);
      gen.throw(new m.DemoException());
      gen.next(22);
    },
  },
  {
    title: 'any other error comes back out, and the coroutine is closed',
    titleKo: '그 밖의 에러는 다시 밖으로 나오고, 코루틴은 닫힙니다',
    run(m, talk) {
      const log: string[] = [];
      const gen = talk.record(m.demoExcHandling(log), 'demoExcHandling(log)', { log });
      gen.next();
      try {
        gen.throw(new TypeError('not a demo'));
      } catch {
        // The trace shows what came out; the example goes on, to show the state after it.
      }
      gen.next(33);
    },
  },
  {
    title: 'throw() before priming: the body never started, so nothing can catch it',
    titleKo: '프라이밍 전의 throw(): 본문이 시작도 안 했으니 아무도 잡을 수 없습니다',
    run(m, talk) {
      const log: string[] = [];
      const gen = talk.record(m.demoExcHandling(log), 'demoExcHandling(log)', { log });
      try {
        gen.throw(new m.DemoException());
      } catch {
        // As above: the step shows the error.
      }
      gen.next();
    },
  },
];

export default examples;
