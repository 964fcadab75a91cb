import type * as Target from '@target/01-generator-basics/generator-basics';
import { loadTarget } from './support/target';

const m = loadTarget<typeof Target>('01-generator-basics');

/**
 * A fake source that counts how it is used. Its items are 1, 2, 3, … (`length` of them, or
 * endless). `calls.next` counts pulls, `calls.return` counts early-stop signals.
 */
function spySource(length = Infinity) {
  const calls = { next: 0, return: 0 };
  const iterable: Iterable<number> = {
    [Symbol.iterator](): Iterator<number> {
      let produced = 0;
      return {
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
    expect(pull(m.countdown(3), 4)).toEqual([
      { value: 3, done: false },
      { value: 2, done: false },
      { value: 1, done: false },
      { value: undefined, done: true },
    ]);
  });

  test('countdown(0) yields nothing', () => {
    expect(m.countdown(0).next()).toEqual({ value: undefined, done: true });
  });

  test('countdown(-1) throws nothing when called, and RangeError on the first next()', () => {
    let gen: Generator<number, void, unknown> | undefined;
    expect(() => {
      gen = m.countdown(-1);
    }).not.toThrow();
    expect(() => gen?.next()).toThrow(RangeError);
  });

  test('countdown(1.5) throws nothing when called, and RangeError on the first next()', () => {
    let gen: Generator<number, void, unknown> | undefined;
    expect(() => {
      gen = m.countdown(1.5);
    }).not.toThrow();
    expect(() => gen?.next()).toThrow(RangeError);
  });
});

describe('naturals', () => {
  test('naturals() yields 1, 2, 3, … without ever being done', () => {
    expect(pull(m.naturals(), 5)).toEqual([1, 2, 3, 4, 5].map((value) => ({ value, done: false })));
  });

  test('naturals(start) counts up from start, 0 included', () => {
    expect(pull(m.naturals(0), 3)).toEqual([0, 1, 2].map((value) => ({ value, done: false })));
    expect(pull(m.naturals(10), 3)).toEqual([10, 11, 12].map((value) => ({ value, done: false })));
  });
});

describe('take', () => {
  test('take returns the first n items of an endless source', () => {
    expect(m.take(spySource().iterable, 3)).toEqual([1, 2, 3]);
  });

  test('take pulls exactly n times to get n items', () => {
    const { iterable, calls } = spySource();
    m.take(iterable, 3);
    expect(calls.next).toBe(3);
  });

  test('take calls return() once when it stops early', () => {
    const { iterable, calls } = spySource();
    m.take(iterable, 3);
    expect(calls.return).toBe(1);
  });

  test('take with n = 0 returns an empty array and pulls nothing', () => {
    const { iterable, calls } = spySource();
    expect(m.take(iterable, 0)).toEqual([]);
    expect(calls.next).toBe(0);
  });

  test('take gives every item of a source shorter than n', () => {
    expect(m.take(['a', 'b'], 5)).toEqual(['a', 'b']);
  });

  test('take stops pulling once the source reports done', () => {
    const { iterable, calls } = spySource(2);
    expect(m.take(iterable, 5)).toEqual([1, 2]);
    expect(calls.next).toBe(3);
  });
});

describe('lazyMap', () => {
  test('lazyMap yields fn(item) for each item, then is done', () => {
    expect(pull(m.lazyMap([1, 2, 3], (x: number) => x * 10), 4)).toEqual([
      { value: 10, done: false },
      { value: 20, done: false },
      { value: 30, done: false },
      { value: undefined, done: true },
    ]);
  });

  test('creating a lazyMap calls fn not even once', () => {
    const seen: number[] = [];
    m.lazyMap(spySource().iterable, (x: number) => seen.push(x));
    expect(seen).toEqual([]);
  });

  test('lazyMap calls fn once per pulled item, in order, and no further', () => {
    const seen: number[] = [];
    const mapped = m.lazyMap(spySource().iterable, (x: number) => {
      seen.push(x);
      return x;
    });
    mapped.next();
    expect(seen).toEqual([1]);
    mapped.next();
    expect(seen).toEqual([1, 2]);
  });

  test('lazyMap works on an endless source', () => {
    const squares = m.lazyMap(spySource().iterable, (x: number) => x * x);
    expect(pull(squares, 4)).toEqual([1, 4, 9, 16].map((value) => ({ value, done: false })));
  });
});

describe('independent generators', () => {
  test('two countdowns made by the same function keep separate state', () => {
    const a = m.countdown(3);
    const b = m.countdown(3);
    a.next();
    a.next();
    expect(b.next()).toEqual({ value: 3, done: false });
    expect(a.next()).toEqual({ value: 1, done: false });
    expect(b.next()).toEqual({ value: 2, done: false });
  });

  test('two naturals made by the same function keep separate state', () => {
    const a = m.naturals();
    const b = m.naturals(100);
    a.next();
    a.next();
    expect(b.next()).toEqual({ value: 100, done: false });
    expect(a.next()).toEqual({ value: 3, done: false });
    expect(b.next()).toEqual({ value: 101, done: false });
  });
});
