import type * as Target from '@target/11-await-delegation/await-delegation';
import { converse, type Conversation } from './support/conversation';
import { loadTarget } from './support/target';

const m = loadTarget<typeof Target>('11-await-delegation');

type Input = number | typeof Target.STOP;

/**
 * Every promise a test waits on goes through `within`: a wrong answer that never settles
 * fails after 200 ms instead of hanging the run.
 */
function within<T>(promise: PromiseLike<T>, ms = 200): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`did not settle within ${ms} ms`)), ms);
  });
  return Promise.race([Promise.resolve(promise), timeout]).finally(() => clearTimeout(timer));
}

/** A thenable that is not a Promise: `await` accepts it, `instanceof Promise` does not. */
function thenable<T>(settle: { value: T } | { error: unknown }): PromiseLike<T> {
  return {
    then(onFulfilled, onRejected) {
      return new Promise<T>((resolve, reject) => {
        setTimeout(() => ('value' in settle ? resolve(settle.value) : reject(settle.error)), 0);
      }).then(onFulfilled, onRejected);
    },
  };
}

/**
 * The `genFn` a test hands to run: it makes the generator and records it as `genFn()`, so a
 * failure shows every call run made on it (`next(21)`, `throw(Error("…"))`), what the
 * generator answered, and its state after. The generator is the test's own and correct; what
 * run sends it is what is checked, so there is no model to compare its answers with.
 */
function driven<R>(talk: Conversation, body: () => Generator<unknown, R, unknown>): () => Generator<unknown, R, unknown> {
  return () => talk.record(body(), 'genFn()');
}

/** What a correct averager's steps settle to: averager2 from exercise 09. */
function* modelAverager(): Generator<void, Target.Result, Input> {
  let total = 0;
  let count = 0;
  for (;;) {
    const term = yield;
    if (term === m.STOP) break;
    total += term;
    count += 1;
  }
  return { count, average: count === 0 ? null : total / count };
}

/** What a correct grouper's steps settle to: an averager after another, never done. */
function* modelGrouper(): Generator<void, never, Input> {
  for (;;) yield* modelAverager();
}

/**
 * A new asyncAverager, recorded: each step shows what its next() promise settled to, and the
 * first that differs from the model's is marked in a failure message.
 */
function averagerIn(talk: Conversation): AsyncGenerator<void, Target.Result, Input> {
  return talk.record(m.asyncAverager(), 'asyncAverager()', { model: modelAverager() });
}

function grouperIn(talk: Conversation, results: Record<string, Target.Result>, key: string): AsyncGenerator<void, never, Input> {
  return talk.record(m.asyncGrouper(results, key), 'grouper', { model: modelGrouper(), madeBy: `asyncGrouper(results, ${JSON.stringify(key)})` });
}

describe('run: awaiting what the generator yields', () => {
  test('run resolves with the generator return value', () =>
    converse(async (talk) => {
      await expect(within(m.run(driven(talk, function* () {
        return 'finished';
      })))).resolves.toBe('finished');
    }));

  test('run sends the value of a yielded promise back in', () =>
    converse(async (talk) => {
      const received: unknown[] = [];
      const result = m.run(driven(talk, function* () {
        received.push(yield Promise.resolve(21));
        received.push(yield new Promise((resolve) => setTimeout(() => resolve('later'), 1)));
        return 'done';
      }));
      await expect(within(result)).resolves.toBe('done');
      expect(received).toEqual([21, 'later']);
    }));

  test('run awaits a yielded thenable that is not a Promise and sends its value back in', () =>
    converse(async (talk) => {
      const received: unknown[] = [];
      const result = m.run(driven(talk, function* () {
        received.push(yield thenable({ value: 42 }));
        return 'done';
      }));
      await expect(within(result)).resolves.toBe('done');
      expect(received).toEqual([42]);
    }));

  test('run sends a plain yielded value back in as it is', () =>
    converse(async (talk) => {
      const plain = { answer: 42 };
      const received: unknown[] = [];
      const result = m.run(driven(talk, function* () {
        received.push(yield plain);
        received.push(yield 7);
        received.push(yield undefined);
        return 'done';
      }));
      await expect(within(result)).resolves.toBe('done');
      expect(received).toHaveLength(3);
      expect(received[0]).toBe(plain);
      expect(received.slice(1)).toEqual([7, undefined]);
    }));

  test('run resumes after a plain yielded value later, never synchronously', () =>
    converse(async (talk) => {
      const log: string[] = [];
      const result = m.run(driven(talk, function* () {
        const x = yield 5;
        log.push(`resumed with ${String(x)}`);
        return x;
      }));
      const loggedSynchronously = [...log];
      await expect(within(result)).resolves.toBe(5);
      expect(loggedSynchronously).toEqual([]);
      expect(log).toEqual(['resumed with 5']);
    }));
});

describe('run: rejections and errors', () => {
  test('a rejected promise is thrown in at its yield, where try/catch handles it', () =>
    converse(async (talk) => {
      const problem = new Error('network down');
      const caught: unknown[] = [];
      const result = m.run(driven(talk, function* () {
        try {
          yield Promise.reject(problem);
          caught.push('not thrown in');
        } catch (error) {
          caught.push(error);
        }
        const after = yield Promise.resolve('still running');
        return after;
      }));
      await expect(within(result)).resolves.toBe('still running');
      expect(caught).toHaveLength(1);
      expect(caught[0]).toBe(problem);
    }));

  test('a rejecting thenable is thrown in at its yield as well', () =>
    converse(async (talk) => {
      const problem = new Error('refused');
      const result = m.run(driven(talk, function* () {
        try {
          yield thenable({ error: problem });
          return 'not thrown in';
        } catch (error) {
          return error;
        }
      }));
      await expect(within(result)).resolves.toBe(problem);
    }));

  test('run rejects with the very reason of a rejection the generator does not catch', () =>
    converse(async (talk) => {
      const problem = new Error('uncaught rejection');
      const result = m.run(driven(talk, function* () {
        yield Promise.reject(problem);
        return 'not thrown in';
      }));
      await expect(within(result)).rejects.toBe(problem);
    }));

  test('run rejects with the very error the generator throws after a yield', () =>
    converse(async (talk) => {
      const problem = new TypeError('bad value');
      const result = m.run(driven(talk, function* () {
        yield Promise.resolve(1);
        throw problem;
      }));
      await expect(within(result)).rejects.toBe(problem);
    }));

  test('an error thrown before the first yield rejects run instead of throwing synchronously', () =>
    converse(async (talk) => {
      const problem = new Error('failed at once');
      let result: Promise<unknown> | undefined;
      expect(() => {
        result = m.run(driven(talk, function* () {
          throw problem;
        }));
      }).not.toThrow();
      await expect(within(result!)).rejects.toBe(problem);
    }));

  test('run rejects, and does not throw, when genFn itself throws', async () => {
    const problem = new Error('no generator');
    let result: Promise<unknown> | undefined;
    expect(() => {
      result = m.run(() => {
        throw problem;
      });
    }).not.toThrow();
    await expect(within(result!)).rejects.toBe(problem);
  });
});

describe('run: yield* inside the driven generator', () => {
  function* fetchSum(): Generator<unknown, number, unknown> {
    const a = (yield Promise.resolve(1)) as number;
    const b = (yield 2) as number;
    const c = (yield thenable({ value: 3 })) as number;
    return a + b + c;
  }

  // The inner generator is recorded too: the calls yield* passes on to it nest under run's.
  test('yield* passes awaited values to the inner generator and returns its result', () =>
    converse(async (talk) => {
      const result = m.run(driven(talk, function* () {
        const sum = yield* talk.record(fetchSum(), 'fetchSum()');
        return sum * 10;
      }));
      await expect(within(result)).resolves.toBe(60);
    }));

  test('a rejection reaches the try/catch of a generator delegated to with yield*', () =>
    converse(async (talk) => {
      const problem = new Error('inner failure');
      function* guarded(): Generator<unknown, unknown, unknown> {
        try {
          yield Promise.reject(problem);
          return 'not thrown in';
        } catch (error) {
          return error;
        }
      }
      const result = m.run(driven(talk, function* () {
        return yield* talk.record(guarded(), 'guarded()');
      }));
      await expect(within(result)).resolves.toBe(problem);
    }));
});

describe('asyncAverager', () => {
  test('asyncAverager is an async generator: next() returns a promise', () =>
    converse(async (talk) => {
      const avg = averagerIn(talk);
      expect(typeof avg[Symbol.asyncIterator]).toBe('function');
      const first = avg.next();
      expect(typeof (first as { then?: unknown }).then).toBe('function');
      await expect(within(first)).resolves.toEqual({ value: undefined, done: false });
    }));

  test('asyncAverager yields undefined for each number and returns count and average on STOP', () =>
    converse(async (talk) => {
      const avg = averagerIn(talk);
      const steps: unknown[] = [await within(avg.next())];
      for (const term of [10, 30, 6.5]) steps.push(await within(avg.next(term)));
      steps.push(await within(avg.next(m.STOP)));
      expect(steps).toEqual([
        { value: undefined, done: false },
        { value: undefined, done: false },
        { value: undefined, done: false },
        { value: undefined, done: false },
        { value: { count: 3, average: 15.5 }, done: true },
      ]);
    }));

  test('asyncAverager returns count 0 and average null on STOP straight after priming', () =>
    converse(async (talk) => {
      const avg = averagerIn(talk);
      await within(avg.next());
      await expect(within(avg.next(m.STOP))).resolves.toEqual({
        value: { count: 0, average: null },
        done: true,
      });
    }));

  test('asyncAverager counts 0 as a term, not as a stop', () =>
    converse(async (talk) => {
      const avg = averagerIn(talk);
      await within(avg.next());
      await expect(within(avg.next(0))).resolves.toEqual({ value: undefined, done: false });
      await within(avg.next(10));
      await expect(within(avg.next(m.STOP))).resolves.toEqual({
        value: { count: 2, average: 5 },
        done: true,
      });
    }));
});

describe('asyncGrouper', () => {
  async function feed(grouper: AsyncGenerator<void, never, Input>, values: Input[]): Promise<IteratorResult<void, never>[]> {
    const steps: IteratorResult<void, never>[] = [];
    for (const value of values) steps.push(await within(grouper.next(value)));
    return steps;
  }

  test('asyncGrouper is an async generator: next() returns a promise', () =>
    converse(async (talk) => {
      const grouper = grouperIn(talk, {}, 'k');
      expect(typeof grouper[Symbol.asyncIterator]).toBe('function');
      const first = grouper.next();
      expect(typeof (first as { then?: unknown }).then).toBe('function');
      await expect(within(first)).resolves.toEqual({ value: undefined, done: false });
    }));

  test('asyncGrouper does not set the key before the first STOP', () =>
    converse(async (talk) => {
      const results: Record<string, Target.Result> = {};
      const grouper = grouperIn(talk, results, 'girls;kg');
      await within(grouper.next());
      await feed(grouper, [10, 30]);
      expect(results).toEqual({});
    }));

  test('after STOP asyncGrouper stores the averager result and is not done', () =>
    converse(async (talk) => {
      const results: Record<string, Target.Result> = {};
      const grouper = grouperIn(talk, results, 'girls;kg');
      await within(grouper.next());
      const steps = await feed(grouper, [10, 30, 6.5, m.STOP]);
      expect(steps.at(-1)).toEqual({ value: undefined, done: false });
      expect(results).toEqual({ 'girls;kg': { count: 3, average: 15.5 } });
    }));

  test('asyncGrouper starts a fresh averager after each STOP', () =>
    converse(async (talk) => {
      const results: Record<string, Target.Result> = {};
      const grouper = grouperIn(talk, results, 'boys;m');
      await within(grouper.next());
      await feed(grouper, [10, 30, 6.5, m.STOP]);
      const steps = await feed(grouper, [1, 2, m.STOP]);
      expect(steps.every((step) => step.done === false)).toBe(true);
      expect(results).toEqual({ 'boys;m': { count: 2, average: 1.5 } });
    }));

  test('asyncGrouper stores count 0 and average null for STOP straight after priming', () =>
    converse(async (talk) => {
      const results: Record<string, Target.Result> = { other: { count: 1, average: 2 } };
      const grouper = grouperIn(talk, results, 'empty');
      await within(grouper.next());
      await feed(grouper, [m.STOP]);
      expect(results).toEqual({ other: { count: 1, average: 2 }, empty: { count: 0, average: null } });
    }));
});
