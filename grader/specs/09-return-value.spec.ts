import type * as Target from '@target/09-return-value/return-value';
import { converse, type Conversation } from './support/conversation';
import { loadTarget } from './support/target';
import { thrownBy } from './support/throws';

const m = loadTarget<typeof Target>('09-return-value');

/** What a correct averager2 answers: a failure message is cut around the first step that differs. */
function* modelAverager2(): Generator<void, Target.Result, unknown> {
  let total = 0;
  let count = 0;
  while (true) {
    const term = yield;
    if (term === m.STOP) break;
    total += term as number;
    count += 1;
  }
  return { count, average: count === 0 ? null : total / count };
}

/** A new averager2, recorded; `name` tells two apart. */
function averager2In(talk: Conversation, name?: string) {
  return talk.record(m.averager2(), name ?? 'averager2()', { model: modelAverager2(), ...(name ? { madeBy: 'averager2()' } : {}) });
}

/**
 * A test coroutine, independent of the student's averager: it records what it receives,
 * yields `received * 2`, and returns `finalValue` when it receives 'end'. Its priming
 * yield is 0. Recorded, so a failure shows what the student's send or resultOf did to it.
 */
function recorder<R>(talk: Conversation, finalValue: R) {
  const received: unknown[] = [];
  const gen = (function* (): Generator<number, R, unknown> {
    let input = yield 0;
    while (input !== 'end') {
      received.push(input);
      input = yield Number(input) * 2;
    }
    return finalValue;
  })();
  return { gen: talk.record(gen, 'recorder'), received };
}

describe('averager2', () => {
  test('priming yields undefined and the averager is not done', () => {
    converse((talk) => {
      expect(averager2In(talk).next()).toEqual({ value: undefined, done: false });
    });
  });

  test('every number sent yields undefined', () => {
    converse((talk) => {
      const avg = averager2In(talk);
      avg.next();
      expect([avg.next(10), avg.next(30), avg.next(6.5)]).toEqual([
        { value: undefined, done: false },
        { value: undefined, done: false },
        { value: undefined, done: false },
      ]);
    });
  });

  test('10, 30, 6.5 then STOP ends it with { count: 3, average: 15.5 }', () => {
    converse((talk) => {
      const avg = averager2In(talk);
      avg.next();
      avg.next(10);
      avg.next(30);
      avg.next(6.5);
      expect(avg.next(m.STOP)).toEqual({ value: { count: 3, average: 15.5 }, done: true });
    });
  });

  test('STOP straight after priming ends it with { count: 0, average: null }', () => {
    converse((talk) => {
      const avg = averager2In(talk);
      avg.next();
      expect(avg.next(m.STOP)).toEqual({ value: { count: 0, average: null }, done: true });
    });
  });

  test('0 is counted as a term, not taken as the stop signal', () => {
    converse((talk) => {
      const avg = averager2In(talk);
      avg.next();
      expect(avg.next(0)).toEqual({ value: undefined, done: false });
      avg.next(10);
      expect(avg.next(m.STOP)).toEqual({ value: { count: 2, average: 5 }, done: true });
    });
  });

  test('two averagers fed side by side keep their own counts and totals', () => {
    converse((talk) => {
      const a = averager2In(talk, 'a');
      const b = averager2In(talk, 'b');
      a.next();
      b.next();
      a.next(10);
      b.next(1);
      a.next(30);
      b.next(2);
      b.next(6);
      expect(a.next(m.STOP)).toEqual({ value: { count: 2, average: 20 }, done: true });
      expect(b.next(m.STOP)).toEqual({ value: { count: 3, average: 3 }, done: true });
    });
  });

  test('an averager made after another has finished counts only its own terms', () => {
    converse((talk) => {
      const feed = (name: string) => {
        const avg = averager2In(talk, name);
        avg.next();
        avg.next(10);
        avg.next(20);
        return avg.next(m.STOP).value;
      };
      const first = feed('first');
      // Whatever the first one gave, the second, fed the same terms, gives the same.
      expect(feed('second')).toEqual(first);
    });
  });
});

describe('send and StopIteration', () => {
  test('send passes the value into the generator and returns what it yields next', () => {
    converse((talk) => {
      const { gen, received } = recorder(talk, 'result');
      gen.next();
      expect(m.send(gen, 21)).toBe(42);
      expect(received).toEqual([21]);
    });
  });

  test('send throws a StopIteration, which is an Error, when the generator returns', () => {
    converse((talk) => {
      const { gen } = recorder(talk, 'result');
      gen.next();
      const error = thrownBy(() => m.send(gen, 'end'));
      expect(error).toBeInstanceOf(m.StopIteration);
      expect(error).toBeInstanceOf(Error);
    });
  });

  test("the StopIteration's name is 'StopIteration'", () => {
    converse((talk) => {
      const { gen } = recorder(talk, 'result');
      gen.next();
      const error = thrownBy(() => m.send(gen, 'end'));
      expect((error as Error).name).toBe('StopIteration');
    });
  });

  test("the StopIteration's value is the generator's return value itself", () => {
    converse((talk) => {
      const returned = { count: 1, average: 7 };
      const { gen } = recorder(talk, returned);
      gen.next();
      const error = thrownBy(() => m.send(gen, 'end'));
      expect(error).toBeInstanceOf(m.StopIteration);
      expect((error as Target.StopIteration).value).toBe(returned);
    });
  });

  test('send on a finished generator throws StopIteration again, with value undefined', () => {
    converse((talk) => {
      const { gen } = recorder(talk, 'result');
      gen.next();
      thrownBy(() => m.send(gen, 'end'));
      for (let i = 0; i < 2; i++) {
        const error = thrownBy(() => m.send(gen, 5));
        expect(error).toBeInstanceOf(m.StopIteration);
        expect((error as Target.StopIteration).value).toBeUndefined();
      }
    });
  });
});

describe('resultOf', () => {
  test('resultOf returns what the generator returns after its last input', () => {
    converse((talk) => {
      const returned = ['the', 'end'];
      const { gen } = recorder(talk, returned);
      expect(m.resultOf(gen, [1, 2, 'end'])).toBe(returned);
    });
  });

  test('resultOf primes the generator, so the first input reaches its body', () => {
    converse((talk) => {
      const { gen, received } = recorder(talk, 'result');
      m.resultOf(gen, [7, 'end']);
      expect(received).toEqual([7]);
    });
  });

  test('resultOf sends every input, in order', () => {
    converse((talk) => {
      const { gen, received } = recorder(talk, 'result');
      m.resultOf(gen, [3, 1, 4, 1, 5, 'end']);
      expect(received).toEqual([3, 1, 4, 1, 5]);
    });
  });

  test('resultOf takes its inputs from any iterable, a generator included', () => {
    converse((talk) => {
      const { gen, received } = recorder(talk, 'result');
      function* inputs() {
        yield 'a';
        yield 'b';
        yield 'end';
      }
      expect(m.resultOf(gen, talk.record(inputs(), 'inputs()'))).toBe('result');
      expect(received).toEqual(['a', 'b']);
    });
  });

  test('resultOf returns the value that ended the generator, even if inputs are left over', () => {
    converse((talk) => {
      const returned = { count: 2, average: 1.5 };
      const { gen } = recorder(talk, returned);
      expect(m.resultOf(gen, [1, 2, 'end', 3, 4])).toBe(returned);
    });
  });

  test("resultOf throws an Error containing 'did not finish' when the inputs run out first", () => {
    converse((talk) => {
      const { gen } = recorder(talk, 'result');
      const error = thrownBy(() => m.resultOf(gen, [1, 2]));
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain('did not finish');
    });
  });

  test('resultOf lets an error the generator throws come out unchanged', () => {
    converse((talk) => {
      const problem = new Error('the generator failed');
      const gen = talk.record(
        (function* (): Generator<number, string, unknown> {
          const input = yield 0;
          if (input === 'fail') throw problem;
          return 'no error';
        })(),
        'failing',
      );
      expect(thrownBy(() => m.resultOf(gen, ['fail', 'end']))).toBe(problem);
    });
  });

  test('resultOf drives averager2 to its result: 10, 30, 6.5, STOP', () => {
    converse((talk) => {
      expect(m.resultOf(averager2In(talk), [10, 30, 6.5, m.STOP])).toEqual({ count: 3, average: 15.5 });
    });
  });
});
