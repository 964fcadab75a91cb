import type * as Target from '@target/09-return-value/return-value';
import { loadTarget } from './support/target';
import { thrownBy } from './support/throws';

const m = loadTarget<typeof Target>('09-return-value');

/**
 * A test coroutine, independent of the student's averager: it records what it receives,
 * yields `received * 2`, and returns `finalValue` when it receives 'end'. Its priming
 * yield is 0.
 */
function recorder<R>(finalValue: R) {
  const received: unknown[] = [];
  const gen = (function* (): Generator<number, R, unknown> {
    let input = yield 0;
    while (input !== 'end') {
      received.push(input);
      input = yield Number(input) * 2;
    }
    return finalValue;
  })();
  return { gen, received };
}

describe('averager2', () => {
  test('priming yields undefined and the averager is not done', () => {
    expect(m.averager2().next()).toEqual({ value: undefined, done: false });
  });

  test('every number sent yields undefined', () => {
    const avg = m.averager2();
    avg.next();
    expect([avg.next(10), avg.next(30), avg.next(6.5)]).toEqual([
      { value: undefined, done: false },
      { value: undefined, done: false },
      { value: undefined, done: false },
    ]);
  });

  test('10, 30, 6.5 then STOP ends it with { count: 3, average: 15.5 }', () => {
    const avg = m.averager2();
    avg.next();
    avg.next(10);
    avg.next(30);
    avg.next(6.5);
    expect(avg.next(m.STOP)).toEqual({ value: { count: 3, average: 15.5 }, done: true });
  });

  test('STOP straight after priming ends it with { count: 0, average: null }', () => {
    const avg = m.averager2();
    avg.next();
    expect(avg.next(m.STOP)).toEqual({ value: { count: 0, average: null }, done: true });
  });

  test('0 is counted as a term, not taken as the stop signal', () => {
    const avg = m.averager2();
    avg.next();
    expect(avg.next(0)).toEqual({ value: undefined, done: false });
    avg.next(10);
    expect(avg.next(m.STOP)).toEqual({ value: { count: 2, average: 5 }, done: true });
  });

  test('two averagers fed side by side keep their own counts and totals', () => {
    const a = m.averager2();
    const b = m.averager2();
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

describe('send and StopIteration', () => {
  test('send passes the value into the generator and returns what it yields next', () => {
    const { gen, received } = recorder('result');
    gen.next();
    expect(m.send(gen, 21)).toBe(42);
    expect(received).toEqual([21]);
  });

  test('send throws a StopIteration, which is an Error, when the generator returns', () => {
    const { gen } = recorder('result');
    gen.next();
    const error = thrownBy(() => m.send(gen, 'end'));
    expect(error).toBeInstanceOf(m.StopIteration);
    expect(error).toBeInstanceOf(Error);
  });

  test("the StopIteration's name is 'StopIteration'", () => {
    const { gen } = recorder('result');
    gen.next();
    const error = thrownBy(() => m.send(gen, 'end'));
    expect((error as Error).name).toBe('StopIteration');
  });

  test("the StopIteration's value is the generator's return value itself", () => {
    const returned = { count: 1, average: 7 };
    const { gen } = recorder(returned);
    gen.next();
    const error = thrownBy(() => m.send(gen, 'end'));
    expect(error).toBeInstanceOf(m.StopIteration);
    expect((error as Target.StopIteration).value).toBe(returned);
  });

  test('send on a finished generator throws StopIteration again, with value undefined', () => {
    const { gen } = recorder('result');
    gen.next();
    thrownBy(() => m.send(gen, 'end'));
    for (let i = 0; i < 2; i++) {
      const error = thrownBy(() => m.send(gen, 5));
      expect(error).toBeInstanceOf(m.StopIteration);
      expect((error as Target.StopIteration).value).toBeUndefined();
    }
  });
});

describe('resultOf', () => {
  test('resultOf returns what the generator returns after its last input', () => {
    const returned = ['the', 'end'];
    const { gen } = recorder(returned);
    expect(m.resultOf(gen, [1, 2, 'end'])).toBe(returned);
  });

  test('resultOf primes the generator, so the first input reaches its body', () => {
    const { gen, received } = recorder('result');
    m.resultOf(gen, [7, 'end']);
    expect(received).toEqual([7]);
  });

  test('resultOf sends every input, in order', () => {
    const { gen, received } = recorder('result');
    m.resultOf(gen, [3, 1, 4, 1, 5, 'end']);
    expect(received).toEqual([3, 1, 4, 1, 5]);
  });

  test('resultOf takes its inputs from any iterable, a generator included', () => {
    const { gen, received } = recorder('result');
    function* inputs() {
      yield 'a';
      yield 'b';
      yield 'end';
    }
    expect(m.resultOf(gen, inputs())).toBe('result');
    expect(received).toEqual(['a', 'b']);
  });

  test('resultOf returns the value that ended the generator, even if inputs are left over', () => {
    const returned = { count: 2, average: 1.5 };
    const { gen } = recorder(returned);
    expect(m.resultOf(gen, [1, 2, 'end', 3, 4])).toBe(returned);
  });

  test("resultOf throws an Error containing 'did not finish' when the inputs run out first", () => {
    const { gen } = recorder('result');
    const error = thrownBy(() => m.resultOf(gen, [1, 2]));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('did not finish');
  });

  test('resultOf drives averager2 to its result: 10, 30, 6.5, STOP', () => {
    expect(m.resultOf(m.averager2(), [10, 30, 6.5, m.STOP])).toEqual({ count: 3, average: 15.5 });
  });
});
