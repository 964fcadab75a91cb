/**
 * Examples for `npm run trace -- 06`: each one drives your averager() step by step, and the trace
 * prints every call, what came back, and the generator's state after it. The grader does not
 * use this file: change the examples, or add your own.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './averager';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'priming hands out null, then each value sent gives the average so far',
    run(m, talk) {
      const gen = talk.record(m.averager(), 'averager()');
      gen.next();
      gen.next(10);
      gen.next(30);
      gen.next(5);
      gen.next(20);
    },
  },
  {
    title: 'a bare next() sends undefined: refused with a TypeError, and the averager is closed',
    run(m, talk) {
      const gen = talk.record(m.averager(), 'averager()');
      gen.next();
      gen.next(10);
      try {
        gen.next();
      } catch {
        // The trace shows what was thrown; the example goes on, to show the state after it.
      }
      gen.next(30);
    },
  },
];

export default examples;
