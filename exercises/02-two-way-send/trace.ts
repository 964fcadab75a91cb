/**
 * Examples for `npm run trace -- 02`: each one drives your coroutine2 step by step, and the trace
 * prints every call, what came back, what the step logged, and the generator's state after it.
 * The grader does not use this file: change the examples, or add your own.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './two-way-send';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'coroutine2(30): next(), next(20), next(30), then one next() too many',
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
