/**
 * Examples for `npm run trace -- 11`: each one hands a small generator to your run(), or feeds
 * your asyncGrouper, and the trace prints every call made on the generator, what came back, and
 * its state after. For a generator that run drives, those calls are the ones your run makes:
 * `next(21)` with what a promise settled to, `throw(…)` for a rejection. The grader does not use
 * this file: change the examples, or add your own.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './await-delegation';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'run waits for each promise or thenable, and sends a plain value back too, one microtask later (never synchronously)',
    async run(m, talk) {
      const thenable = { then: (resolve: (value: string) => void) => resolve('from a thenable') };
      function* job(): Generator<unknown, string, unknown> {
        const a = yield Promise.resolve(21);
        const b = yield thenable;
        const c = yield 5;
        return `${String(a)}, ${String(b)}, ${String(c)}`;
      }
      const result = m.run(() => talk.record(job(), 'job()'));
      talk.note('run has returned its promise; job() waits at its first yield');
      talk.note(`run's promise resolved with ${JSON.stringify(await result)}`);
    },
  },
  {
    title: 'a rejection is thrown in at its yield: a try/catch there handles it; one nothing catches rejects run',
    async run(m, talk) {
      function* job(): Generator<unknown, string, unknown> {
        try {
          yield Promise.reject(new Error('network down'));
        } catch (error) {
          console.log(`job caught ${String(error)}`);
        }
        const retried = yield Promise.resolve('second try');
        console.log(`job got ${String(retried)}`);
        yield Promise.reject(new Error('disk full'));
        return 'never here';
      }
      // Called outside the try: run itself must never throw, only reject.
      const result = m.run(() => talk.record(job(), 'job()'));
      try {
        await result;
      } catch (error) {
        talk.note(`run's promise rejected with ${String(error)}`);
      }
    },
  },
  {
    title: 'yield* inside the driven generator: the calls run makes pass on to the inner generator',
    async run(m, talk) {
      function* fetchPair(): Generator<unknown, number, unknown> {
        const a = (yield Promise.resolve(1)) as number;
        const b = (yield 2) as number;
        return a + b;
      }
      function* job(): Generator<unknown, number, unknown> {
        const sum = yield* talk.record(fetchPair(), 'fetchPair()');
        return sum * 10;
      }
      talk.note(`run's promise resolved with ${await m.run(() => talk.record(job(), 'job()'))}`);
    },
  },
  {
    title: 'asyncGrouper: numbers go on to its averager through yield*; STOP stores the result and starts anew',
    async run(m, talk) {
      const results: Record<string, Exercise.Result> = {};
      // An async generator: each step shows what its next() promise settled to.
      const grouper = talk.record(m.asyncGrouper(results, 'girls;kg'), 'grouper', { madeBy: 'asyncGrouper(results, key)' });
      await grouper.next();
      await grouper.next(40.9);
      await grouper.next(38.5);
      await grouper.next(m.STOP);
      talk.note(`results is now ${JSON.stringify(results)}`);
      await grouper.next(44.3);
      await grouper.next(m.STOP);
      talk.note(`results is now ${JSON.stringify(results)}`);
    },
  },
];

export default examples;
