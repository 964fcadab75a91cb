import type * as Target from '@target/06-averager/averager';
import { converse, type Conversation } from './support/conversation';
import { loadTarget } from './support/target';
import { thrownBy } from './support/throws';

const m = loadTarget<typeof Target>('06-averager');

/** What a correct averager answers: a failure message is cut around the first step that differs. */
function* modelAverager(): Generator<number | null, never, unknown> {
  let total = 0;
  let count = 0;
  let average: number | null = null;
  while (true) {
    const value: unknown = yield average;
    if (typeof value !== 'number') throw new TypeError('not a number');
    total += value;
    count += 1;
    average = total / count;
  }
}

/** A new averager, recorded; `name` tells two apart. */
function averagerIn(talk: Conversation, name?: string): Generator<number | null, never, number> {
  return talk.record(m.averager(), name ?? 'averager()', { model: modelAverager(), ...(name ? { madeBy: 'averager()' } : {}) });
}

/** A primed averager, recorded. */
function started(talk: Conversation, name?: string): Generator<number | null, never, number> {
  const gen = averagerIn(talk, name);
  gen.next();
  return gen;
}

/** Sends each value in turn and collects what the averager yields back. */
function sendAll(gen: Generator<number | null, never, number>, values: number[]): unknown[] {
  return values.map((value) => gen.next(value).value);
}

describe('averager: priming', () => {
  test('priming yields null, because there is no average yet', () => {
    converse((talk) => {
      expect(averagerIn(talk).next()).toEqual({ value: null, done: false });
    });
  });
});

describe('averager: running average', () => {
  test('the first value sent is the first average', () => {
    converse((talk) => {
      expect(started(talk).next(10)).toEqual({ value: 10, done: false });
    });
  });

  test('sending 10, 30, 5, 20 yields 10, 20, 15, 16.25', () => {
    converse((talk) => {
      expect(sendAll(started(talk), [10, 30, 5, 20])).toEqual([10, 20, 15, 16.25]);
    });
  });

  test('zero counts as a value', () => {
    converse((talk) => {
      expect(sendAll(started(talk), [10, 0, 20, 0])).toEqual([10, 5, 10, 7.5]);
    });
  });

  test('negative values count', () => {
    converse((talk) => {
      expect(sendAll(started(talk), [10, -20, -5])).toEqual([10, -5, -5]);
    });
  });

  test('the average of 1 to 100 is 50.5', () => {
    converse((talk) => {
      const gen = started(talk);
      let last: unknown;
      for (let n = 1; n <= 100; n += 1) last = gen.next(n).value;
      expect(last).toBeCloseTo(50.5, 9);
    });
  });

  test('two averagers keep separate averages', () => {
    converse((talk) => {
      const a = started(talk, 'a');
      const b = started(talk, 'b');
      expect(a.next(10).value).toBe(10);
      expect(b.next(100).value).toBe(100);
      expect(a.next(20).value).toBe(15);
      expect(b.next(200).value).toBe(150);
    });
  });
});

describe('averager: values that are not numbers', () => {
  test('a bare next() after priming throws TypeError', () => {
    converse((talk) => {
      expect(thrownBy(() => started(talk).next())).toBeInstanceOf(TypeError);
    });
  });

  test('sending a string throws TypeError, even a string of digits', () => {
    converse((talk) => {
      const gen = started(talk);
      gen.next(10);
      expect(thrownBy(() => gen.next('30' as unknown as number))).toBeInstanceOf(TypeError);
    });
  });

  test('after the TypeError the averager is closed', () => {
    converse((talk) => {
      const gen = started(talk);
      gen.next(10);
      thrownBy(() => gen.next(undefined as unknown as number));
      expect(gen.next(30)).toEqual({ value: undefined, done: true });
    });
  });
});
