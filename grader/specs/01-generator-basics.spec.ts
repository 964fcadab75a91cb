import type * as Target from '@target/01-generator-basics/generator-basics';
import { converse, type Conversation } from './support/conversation';
import { loadTarget } from './support/target';

const m = loadTarget<typeof Target>('01-generator-basics');

// What correct generators answer: a failure message is cut around the first step that differs.

function* modelCountdown(n: number): Generator<number, void, unknown> {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('not a whole number >= 0');
  for (let i = n; i > 0; i--) yield i;
}

function* modelNaturals(start = 1): Generator<number, never, unknown> {
  for (let i = start; ; i++) yield i;
}

function* modelLazyMap<T, U>(source: Iterable<T>, fn: (item: T) => U): Generator<U, void, unknown> {
  for (const item of source) yield fn(item);
}

/** A new countdown, recorded: what it is asked and what it answers shows in a failure message. */
function countdownIn(talk: Conversation, n: number, name?: string): Generator<number, void, unknown> {
  const call = `countdown(${n})`;
  return talk.record(m.countdown(n), name ?? call, { model: modelCountdown(n), ...(name ? { madeBy: call } : {}) });
}

/** A new naturals, recorded the same way. */
function naturalsIn(talk: Conversation, start?: number, name?: string): Generator<number, never, unknown> {
  const call = start === undefined ? 'naturals()' : `naturals(${start})`;
  const gen = start === undefined ? m.naturals() : m.naturals(start);
  return talk.record(gen, name ?? call, { model: modelNaturals(start), ...(name ? { madeBy: call } : {}) });
}

/**
 * A fake source that counts how it is used. Its items are 1, 2, 3, … (`length` of them, or
 * endless). `calls.next` counts pulls, `calls.return` counts early-stop signals. Given a
 * conversation, each iterator it hands out is recorded as `source`, so a failure shows every
 * pull and every `return()` the code under test made, nested under the call that made it.
 * A plain iterator has no body waiting to start, so it is recorded as already suspended:
 * no "created" line takes the room of a pull in the message.
 */
function spySource(talk?: Conversation, length = Infinity) {
  const calls = { next: 0, return: 0 };
  const iterable: Iterable<number> = {
    [Symbol.iterator](): Iterator<number> {
      let produced = 0;
      const iterator: Iterator<number> = {
        next() {
          calls.next++;
          if (produced < length) {
            produced++;
            return { value: produced, done: false };
          }
          return { value: undefined, done: true };
        },
        return() {
          calls.return++;
          return { value: undefined, done: true };
        },
      };
      return talk ? talk.record(iterator, 'source', { state: 'GEN_SUSPENDED' }) : iterator;
    },
  };
  return { iterable, calls };
}

/** Calls next() `count` times, so a wrong answer shows up as a wrong list instead of a hang. */
function pull<T>(iterator: Iterator<T>, count: number): IteratorResult<T>[] {
  const results: IteratorResult<T>[] = [];
  for (let i = 0; i < count; i++) results.push(iterator.next());
  return results;
}

describe('countdown', () => {
  test('countdown(3) yields 3, 2, 1 and then is done', () => {
    converse((talk) => {
      expect(pull(countdownIn(talk, 3), 4)).toEqual([
        { value: 3, done: false },
        { value: 2, done: false },
        { value: 1, done: false },
        { value: undefined, done: true },
      ]);
    });
  });

  test('countdown(0) yields nothing', () => {
    converse((talk) => {
      expect(countdownIn(talk, 0).next()).toEqual({ value: undefined, done: true });
    });
  });

  test('countdown(-1) throws nothing when called, and RangeError on the first next()', () => {
    converse((talk) => {
      let gen: Generator<number, void, unknown> | undefined;
      expect(() => {
        gen = countdownIn(talk, -1);
      }).not.toThrow();
      expect(() => gen?.next()).toThrow(RangeError);
    });
  });

  test('countdown(1.5) throws nothing when called, and RangeError on the first next()', () => {
    converse((talk) => {
      let gen: Generator<number, void, unknown> | undefined;
      expect(() => {
        gen = countdownIn(talk, 1.5);
      }).not.toThrow();
      expect(() => gen?.next()).toThrow(RangeError);
    });
  });
});

describe('naturals', () => {
  test('naturals() yields 1, 2, 3, … without ever being done', () => {
    converse((talk) => {
      expect(pull(naturalsIn(talk), 5)).toEqual([1, 2, 3, 4, 5].map((value) => ({ value, done: false })));
    });
  });

  test('naturals(start) counts up from start, 0 included', () => {
    converse((talk) => {
      expect(pull(naturalsIn(talk, 0), 3)).toEqual([0, 1, 2].map((value) => ({ value, done: false })));
      expect(pull(naturalsIn(talk, 10), 3)).toEqual([10, 11, 12].map((value) => ({ value, done: false })));
    });
  });
});

describe('take', () => {
  test('take returns the first n items of an endless source', () => {
    converse((talk) => {
      expect(m.take(spySource(talk).iterable, 3)).toEqual([1, 2, 3]);
    });
  });

  test('take pulls exactly n times to get n items', () => {
    converse((talk) => {
      const { iterable, calls } = spySource(talk);
      m.take(iterable, 3);
      expect(calls.next).toBe(3);
    });
  });

  test('take calls return() once when it stops early', () => {
    converse((talk) => {
      const { iterable, calls } = spySource(talk);
      m.take(iterable, 3);
      expect(calls.return).toBe(1);
    });
  });

  test('take with n = 0 returns an empty array and pulls nothing', () => {
    converse((talk) => {
      const { iterable, calls } = spySource(talk);
      expect(m.take(iterable, 0)).toEqual([]);
      expect(calls.next).toBe(0);
    });
  });

  test('take gives every item of a source shorter than n', () => {
    expect(m.take(['a', 'b'], 5)).toEqual(['a', 'b']);
  });

  test('take stops pulling once the source reports done', () => {
    converse((talk) => {
      const { iterable, calls } = spySource(talk, 2);
      expect(m.take(iterable, 5)).toEqual([1, 2]);
      expect(calls.next).toBe(3);
    });
  });
});

describe('lazyMap', () => {
  test('lazyMap yields fn(item) for each item, then is done', () => {
    converse((talk) => {
      const times10 = (x: number) => x * 10;
      const mapped = talk.record(m.lazyMap([1, 2, 3], times10), 'lazyMap([1, 2, 3], x => x * 10)', {
        model: modelLazyMap([1, 2, 3], times10),
      });
      expect(pull(mapped, 4)).toEqual([
        { value: 10, done: false },
        { value: 20, done: false },
        { value: 30, done: false },
        { value: undefined, done: true },
      ]);
    });
  });

  test('creating a lazyMap calls fn not even once', () => {
    const seen: number[] = [];
    m.lazyMap(spySource().iterable, (x: number) => seen.push(x));
    expect(seen).toEqual([]);
  });

  test('lazyMap calls fn once per pulled item, in order, and no further', () => {
    converse((talk) => {
      // Each step shows the items fn was called with during it; the model's own fn and
      // source tell what a correct lazyMap would have called it with.
      const seen: number[] = [];
      const modelSeen: number[] = [];
      const noting = (list: number[]) => (x: number) => {
        list.push(x);
        return x;
      };
      const mapped = talk.record(m.lazyMap(spySource(talk).iterable, noting(seen)), 'mapped', {
        madeBy: 'lazyMap(source, fn)',
        log: seen,
        model: modelLazyMap(modelNaturals(), noting(modelSeen)),
        modelLog: modelSeen,
      });
      mapped.next();
      expect(seen).toEqual([1]);
      mapped.next();
      expect(seen).toEqual([1, 2]);
    });
  });

  test('lazyMap works on an endless source', () => {
    converse((talk) => {
      const square = (x: number) => x * x;
      const squares = talk.record(m.lazyMap(spySource(talk).iterable, square), 'squares', {
        madeBy: 'lazyMap(source, x => x * x)',
        model: modelLazyMap(modelNaturals(), square),
      });
      expect(pull(squares, 4)).toEqual([1, 4, 9, 16].map((value) => ({ value, done: false })));
    });
  });
});

describe('independent generators', () => {
  test('two countdowns made by the same function keep separate state', () => {
    converse((talk) => {
      const a = countdownIn(talk, 3, 'a');
      const b = countdownIn(talk, 3, 'b');
      a.next();
      a.next();
      expect(b.next()).toEqual({ value: 3, done: false });
      expect(a.next()).toEqual({ value: 1, done: false });
      expect(b.next()).toEqual({ value: 2, done: false });
    });
  });

  test('two naturals made by the same function keep separate state', () => {
    converse((talk) => {
      const a = naturalsIn(talk, undefined, 'a');
      const b = naturalsIn(talk, 100, 'b');
      a.next();
      a.next();
      expect(b.next()).toEqual({ value: 100, done: false });
      expect(a.next()).toEqual({ value: 3, done: false });
      expect(b.next()).toEqual({ value: 101, done: false });
    });
  });
});
