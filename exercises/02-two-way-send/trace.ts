/**
 * Examples for `npm run trace -- 02`: each one drives your coroutine2 step by step, and the trace
 * prints every call, what came back, what the step logged, and the generator's state after it.
 * The grader does not use this file: change the examples, or add your own.
 *
 * `npm run trace -- 02`의 예제입니다. 한국어 로캘이거나 `--lang ko`를 붙이면 각 예제의 제목으로
 * titleKo가 나옵니다. 채점기는 이 파일을 쓰지 않으니, 예제를 고치거나 새로 더해 보세요.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './two-way-send';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'coroutine2(30): next(), next(20), next(30), then one next() too many',
    titleKo: 'coroutine2(30): next(), next(20), next(30), 그리고 하나 더 부른 next()',
    run(m, talk) {
      const log: string[] = [];
      const gen = talk.record(m.coroutine2(30, log), 'coroutine2(30, log)', { log });
      gen.next();
      gen.next(20);
      gen.next(30);
      gen.next();
    },
  },
  {
    title: 'the value given to the first next() goes nowhere: no yield is waiting for it yet',
    titleKo: '첫 next()에 준 값은 어디에도 가지 않습니다. 그 값을 기다리는 yield가 아직 없습니다',
    run(m, talk) {
      const log: string[] = [];
      const gen = talk.record(m.coroutine2(1, log), 'coroutine2(1, log)', { log });
      gen.next(999);
      gen.next(2);
      gen.next(3);
    },
  },
];

export default examples;
