/**
 * Examples for `npm run trace -- 08`: each one drives a generator step by step (your demoFinally,
 * or one the example writes for your close()), and the trace prints every call, what came back,
 * what the step logged, and the generator's state after it. The grader does not use this file:
 * change the examples, or add your own.
 *
 * `npm run trace -- 08`의 예제입니다. 한국어 로캘이거나 `--lang ko`를 붙이면 각 예제의 제목으로
 * titleKo가 나옵니다. 채점기는 이 파일을 쓰지 않으니, 예제를 고치거나 새로 더해 보세요.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './cleanup';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'return() on a primed demoFinally runs its finally once; a second return() does nothing',
    titleKo: '프라이밍된 demoFinally에 부른 return()은 finally를 한 번 실행하고, 두 번째 return()은 아무 일도 하지 않습니다',
    run(m, talk) {
      const log: string[] = [];
      const gen = talk.record(m.demoFinally(log), 'demoFinally(log)', { log });
      gen.next();
      gen.next('spam');
      gen.throw(new m.DemoException());
      gen.return(undefined);
      gen.return(undefined);
    },
  },
  {
    title: 'breaking out of a for…of calls return() for you',
    titleKo: 'for…of에서 break로 빠져나가면 return()이 대신 불립니다',
    run(m, talk) {
      const log: string[] = [];
      const gen = talk.record(m.demoFinally(log), 'demoFinally(log)', { log });
      for (const _ of gen) break;
    },
  },
  {
    title: 'your close() on a generator whose finally yields: it refused to stop',
    titleKo: 'finally가 yield하는 제너레이터에 부른 여러분의 close(): 제너레이터가 멈추기를 거부했습니다',
    run(m, talk) {
      function* stubborn(): Generator<string, void, unknown> {
        try {
          yield 'working';
        } finally {
          yield 'not stopping';
        }
      }
      const gen = talk.record(stubborn(), 'stubborn()');
      gen.next();
      try {
        m.close(gen);
        talk.note('close returned normally');
      } catch (error) {
        talk.note(`close threw ${String(error)}`);
      }
    },
  },
];

export default examples;
