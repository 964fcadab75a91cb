/**
 * Examples for `npm run trace -- 07`: each one drives your demoExcHandling step by step, and the
 * trace prints every call (`throw()` included), what came back, what the step logged, and the
 * generator's state after it. The grader does not use this file: change the examples, or add
 * your own.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './exception-handling';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'a DemoException thrown in is handled, and the coroutine keeps receiving',
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
