/**
 * Examples for `npm run trace -- 09`: each one drives a generator step by step (your averager2,
 * driven by the example or by your send and resultOf), and the trace prints every call, what
 * came back, and the generator's state after it. The grader does not use this file: change the
 * examples, or add your own.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './return-value';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'averager2 yields nothing useful until STOP; then it returns its result',
    run(m, talk) {
      const avg = talk.record(m.averager2(), 'averager2()');
      avg.next();
      avg.next(10);
      avg.next(30);
      avg.next(6.5);
      avg.next(m.STOP);
    },
  },
  {
    title: 'your send(): the step that returns becomes a StopIteration, and so does every later one',
    run(m, talk) {
      const avg = talk.record(m.averager2(), 'averager2()');
      avg.next();
      m.send(avg, 10);
      for (const value of [m.STOP, 20]) {
        try {
          m.send(avg, value);
        } catch (error) {
          talk.note(`send threw ${error instanceof m.StopIteration ? `a StopIteration whose value is ${JSON.stringify(error.value)}` : String(error)}`);
        }
      }
    },
  },
  {
    title: 'your resultOf() primes, sends each input, and hands back the return value',
    run(m, talk) {
      const avg = talk.record(m.averager2(), 'averager2()');
      const result = m.resultOf(avg, [10, 30, 6.5, m.STOP]);
      talk.note(`resultOf returned ${JSON.stringify(result)}`);
    },
  },
];

export default examples;
