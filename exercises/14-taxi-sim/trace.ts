/**
 * Examples for `npm run trace -- 14`: each one drives your taxiProcess step by step (by hand, or
 * through your Simulator), and the trace prints every call, the event that came back, and the
 * generator's state after it. The grader does not use this file: change the examples, or add
 * your own.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './taxi-sim';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'taxi 13, two trips, by hand: each send is the time of its next event',
    run(m, talk) {
      const taxi = talk.record(m.taxiProcess(13, 2, 0), 'taxiProcess(13, 2, 0)');
      let event = taxi.next();
      for (const wait of [7, 23, 5, 48, 1, 1]) {
        if (event.done) break;
        event = taxi.next(event.value.time + wait);
      }
    },
  },
  {
    title: 'your Simulator drives two taxis; every trip takes 5',
    run(m, talk) {
      const procs = new Map([
        [0, talk.record(m.taxiProcess(0, 1, 0), 'taxi0', { madeBy: 'taxiProcess(0, 1, 0)' })],
        [1, talk.record(m.taxiProcess(1, 1, 3), 'taxi1', { madeBy: 'taxiProcess(1, 1, 3)' })],
      ]);
      const { pending } = new m.Simulator(procs, () => 5).run(100);
      talk.note(`run(100) ended with ${pending} events pending`);
    },
  },
];

export default examples;
