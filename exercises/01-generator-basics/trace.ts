/**
 * Examples for `npm run trace -- 01`: each one drives your generators step by step, and the trace
 * prints every call, what came back, and the generator's state after it. Calls that `take` and
 * `lazyMap` make on their source show indented under the call that caused them. The grader does
 * not use this file: change the examples, or add your own, to see what your code does.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './generator-basics';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'countdown(3) hands out 3, 2, 1 and is done; countdown(-1) is quiet until its first next()',
    run(m, talk) {
      const three = talk.record(m.countdown(3), 'countdown(3)');
      // Made, but not started: a bad argument is not noticed yet.
      const bad = talk.record(m.countdown(-1), 'countdown(-1)');
      for (let i = 0; i < 5; i++) three.next();
      try {
        bad.next();
      } catch {
        // The trace shows what was thrown; the example goes on, to show the state after it.
      }
      bad.next();
    },
  },
  {
    title: 'naturals() and naturals(100): two generators, two counters, neither ever done',
    run(m, talk) {
      const a = talk.record(m.naturals(), 'a', { madeBy: 'naturals()' });
      const b = talk.record(m.naturals(100), 'b', { madeBy: 'naturals(100)' });
      a.next();
      a.next();
      b.next();
      a.next();
      b.next();
    },
  },
  {
    title: 'take pulls only what it keeps: return() when it stops early, nothing more after done',
    run(m, talk) {
      const endless = talk.record(m.naturals(), 'naturals()');
      const short = talk.record(m.countdown(2), 'countdown(2)');
      talk.note(`take(naturals(), 3) gave ${JSON.stringify(m.take(endless, 3))}`);
      talk.note(`take(countdown(2), 5) gave ${JSON.stringify(m.take(short, 5))}`);
    },
  },
  {
    title: 'lazyMap pulls one item and calls fn once for each next(), even from an endless source',
    run(m, talk) {
      const src = talk.record(m.naturals(), 'src', { madeBy: 'naturals()' });
      const squares = talk.record(
        m.lazyMap(src, (x) => {
          talk.note(`fn(${x}) called`);
          return x * x;
        }),
        'squares',
        { madeBy: 'lazyMap(src, fn)' },
      );
      squares.next();
      squares.next();
      squares.next();
    },
  },
];

export default examples;
