/**
 * Examples for `npm run trace -- 10`: each one drives a generator step by step, and the trace
 * prints every call, what came back, and the generator's state after it. Calls the grouper passes
 * on to its averager through `yield*` show indented under the call that caused them. The grader
 * does not use this file: change the examples, or add your own.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './delegation';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'grouper: what is sent goes through to the averager; STOP stores its result and starts a new one',
    run(m, talk) {
      const results: Record<string, Exercise.Result> = {};
      let made = 0;
      const makeSub = () => talk.record(m.averager(), `averager${(made += 1)}`);
      const group = talk.record(m.grouper(results, 'girls;kg', makeSub), 'grouper', { madeBy: 'grouper(results, key, makeSub)' });
      group.next();
      group.next(40.9);
      group.next(38.5);
      group.next(m.STOP);
      talk.note(`results is now ${JSON.stringify(results)}`);
      group.return(undefined as never);
    },
  },
  {
    title: 'walk: values come out depth-first, and the count comes back with done: true',
    run(m, talk) {
      const tree = { value: 'a', children: [{ value: 'b', children: [{ value: 'd' }] }, { value: 'c' }] };
      const gen = talk.record(m.walk(tree), 'walk(tree)');
      for (let i = 0; i < 5; i++) gen.next();
    },
  },
];

export default examples;
