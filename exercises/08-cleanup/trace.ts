/**
 * Examples for `npm run trace -- 08`: each one drives a generator step by step (your demoFinally,
 * or one the example writes for your close()), and the trace prints every call, what came back,
 * what the step logged, and the generator's state after it. The grader does not use this file:
 * change the examples, or add your own.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './cleanup';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'return() on a primed demoFinally runs its finally once; a second return() does nothing',
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
    run(m, talk) {
      const log: string[] = [];
      const gen = talk.record(m.demoFinally(log), 'demoFinally(log)', { log });
      for (const _ of gen) break;
    },
  },
  {
    title: 'your close() on a generator whose finally yields: it refused to stop',
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
