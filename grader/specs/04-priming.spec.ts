import type * as Target from '@target/04-priming/priming';
import { converse, type Conversation } from './support/conversation';
import { loadTarget } from './support/target';
import { thrownBy } from './support/throws';

const m = loadTarget<typeof Target>('04-priming');

/** A hand-made generator stand-in that counts its next() calls; recorded, so a failure shows them. */
function fakeGenerator(talk: Conversation, firstResult: IteratorResult<string, string>) {
  const calls = { next: 0 };
  const gen = {
    next: () => {
      calls.next += 1;
      return calls.next === 1 ? firstResult : { value: 'later', done: false as const };
    },
    return: (value: string) => ({ value, done: true as const }),
    throw: (error: unknown) => {
      throw error;
    },
    [Symbol.iterator]() {
      return this;
    },
  };
  return { gen: talk.record(gen as unknown as Generator<string, string, number>, 'fake generator'), calls };
}

/**
 * `body` as the function `coroutine` wraps, each generator it makes recorded: a failure then
 * shows the calls `coroutine` made on it and the ones the test made after.
 */
function recordedBody<A extends unknown[], Y, R, S>(talk: Conversation, name: string, body: (...args: A) => Generator<Y, R, S>) {
  return (...args: A): Generator<Y, R, S> => talk.record(body(...args), name);
}

describe('coroutine', () => {
  test('the wrapped function hands back a generator that already ran to its first yield', () => {
    converse((talk) => {
      const log: string[] = [];
      const wrapped = m.coroutine(
        recordedBody(talk, 'body()', function* () {
          log.push('started');
          yield 'ready';
          log.push('resumed');
        }),
      );
      wrapped();
      expect(log).toEqual(['started']);
    });
  });

  test('the first value sent is received by the body', () => {
    converse((talk) => {
      const received: number[] = [];
      const wrapped = m.coroutine(
        recordedBody(talk, 'body()', function* (): Generator<string, void, number> {
          const first = yield 'ready';
          received.push(first);
          const second = yield `got ${first}`;
          received.push(second);
        }),
      );
      const gen = wrapped();
      expect(gen.next(10)).toEqual({ value: 'got 10', done: false });
      expect(received).toEqual([10]);
    });
  });

  test('it calls fn exactly once per call, with the same arguments', () => {
    const seen: unknown[][] = [];
    const wrapped = m.coroutine(function* (a: number, b: string) {
      seen.push([a, b]);
      yield a;
    });
    wrapped(1, 'one');
    wrapped(2, 'two');
    expect(seen).toEqual([
      [1, 'one'],
      [2, 'two'],
    ]);
  });

  test('fn runs with the same this as the wrapped function', () => {
    const seen: unknown[] = [];
    const target = {
      label: 'target',
      start: m.coroutine(function* (this: unknown) {
        seen.push(this);
        yield 0;
      }),
    };
    target.start();
    expect(seen.length).toBe(1);
    expect(seen[0]).toBe(target);
  });

  test('it calls next() exactly once on the new generator', () => {
    converse((talk) => {
      const { gen, calls } = fakeGenerator(talk, { value: 'ready', done: false });
      m.coroutine(() => gen)();
      expect(calls.next).toBe(1);
    });
  });

  test('it returns the very generator object fn made, not a copy or the first result', () => {
    converse((talk) => {
      const { gen } = fakeGenerator(talk, { value: 'ready', done: false });
      const result = m.coroutine(() => gen)();
      expect(result).toBe(gen);
    });
  });

  test('each call primes a generator of its own', () => {
    converse((talk) => {
      let made = 0;
      const wrapped = m.coroutine((): Generator<number, void, number> =>
        talk.record(
          (function* (): Generator<number, void, number> {
            let total = 0;
            while (true) total += yield total;
          })(),
          `gen${(made += 1)}`,
        ),
      );
      const a = wrapped();
      const b = wrapped();
      expect(a).not.toBe(b);
      expect(a.next(5)).toEqual({ value: 5, done: false });
      expect(b.next(1)).toEqual({ value: 1, done: false });
    });
  });

  test('an exception thrown while priming reaches the caller unchanged', () => {
    converse((talk) => {
      const boom = new RangeError('boom');
      const wrapped = m.coroutine(
        recordedBody(talk, 'body()', function* () {
          throw boom;
          yield 0;
        }),
      );
      expect(thrownBy(() => wrapped())).toBe(boom);
    });
  });

  test('a generator that is already done after priming makes the call throw a TypeError about priming', () => {
    converse((talk) => {
      const wrapped = m.coroutine(
        recordedBody(talk, 'body()', function* () {
          return 'finished too early';
        }),
      );
      const error = thrownBy(() => wrapped());
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toContain('priming');
    });
  });
});

describe('primed', () => {
  test('a @primed method returns a generator that already ran to its first yield', () => {
    const log: string[] = [];
    class Numbers {
      @m.primed
      *numbers(): Generator<number, void, number> {
        log.push('started');
        yield 0;
      }
    }
    new Numbers().numbers();
    expect(log).toEqual(['started']);
  });

  test('a @primed method receives the first value sent', () => {
    class Doubler {
      @m.primed
      *double(): Generator<number | undefined, void, number> {
        let value = yield undefined;
        while (true) value = yield value * 2;
      }
    }
    const gen = new Doubler().double();
    expect(gen.next(21)).toEqual({ value: 42, done: false });
  });

  test('a @primed method sees its instance as this and gets the call arguments', () => {
    class Scaler {
      constructor(readonly factor: number) {}

      @m.primed
      *scale(offset: number): Generator<number, void, number> {
        let value = yield offset;
        while (true) value = yield value * this.factor + offset;
      }
    }
    const gen = new Scaler(3).scale(1);
    expect(gen.next(5)).toEqual({ value: 16, done: false });
  });

  test('a @primed method calls the original method once per call', () => {
    let made = 0;
    class Counter {
      @m.primed
      *count(): Generator<number, void, number> {
        made += 1;
        yield made;
      }
    }
    const counter = new Counter();
    counter.count();
    counter.count();
    expect(made).toBe(2);
  });

  test('a @primed method whose generator is done after priming throws a TypeError about priming', () => {
    class Empty {
      @m.primed
      *nothing(): Generator<number, string, number> {
        return 'finished too early';
      }
    }
    const error = thrownBy(() => new Empty().nothing());
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain('priming');
  });
});
