import type * as Target from '@target/05-summer/summer';
import { converse, type Conversation } from './support/conversation';
import { loadTarget } from './support/target';
import { thrownBy } from './support/throws';

const m = loadTarget<typeof Target>('05-summer');

/** What a correct summer answers: a failure message is cut around the first step that differs. */
function* modelSummer(start = 0): Generator<number, never, unknown> {
  let total = start;
  while (true) {
    const value: unknown = yield total;
    if (typeof value !== 'number') throw new TypeError('not a number');
    total += value;
  }
}

/** A new summer, recorded: what it is sent and what it answers shows in a failure message. */
function summerIn(talk: Conversation, start?: number, name?: string) {
  const call = start === undefined ? 'summer()' : `summer(${start})`;
  const gen = start === undefined ? m.summer() : m.summer(start);
  return talk.record(gen, name ?? call, { model: modelSummer(start), ...(name ? { madeBy: call } : {}) });
}

/** Sends each value in turn and collects what the summer yields back. */
function sendAll(gen: Generator<number, never, number>, values: number[]): unknown[] {
  return values.map((value) => gen.next(value).value);
}

describe('summer: priming', () => {
  test('priming yields 0 when no start value is given', () => {
    converse((talk) => {
      expect(summerIn(talk).next()).toEqual({ value: 0, done: false });
    });
  });

  test('priming yields the start value given', () => {
    converse((talk) => {
      expect(summerIn(talk, 7).next()).toEqual({ value: 7, done: false });
    });
  });
});

describe('summer: running total', () => {
  test('sending 10 then 5 yields 10 then 15', () => {
    converse((talk) => {
      const gen = summerIn(talk);
      gen.next();
      expect(gen.next(10)).toEqual({ value: 10, done: false });
      expect(gen.next(5)).toEqual({ value: 15, done: false });
    });
  });

  test('the total starts from the start value', () => {
    converse((talk) => {
      const gen = summerIn(talk, 100);
      gen.next();
      expect(sendAll(gen, [1, 2])).toEqual([101, 103]);
    });
  });

  test('zero is added like any other number', () => {
    converse((talk) => {
      const gen = summerIn(talk);
      gen.next();
      expect(sendAll(gen, [4, 0, 0, 6])).toEqual([4, 4, 4, 10]);
    });
  });

  test('negative and fractional numbers are added too', () => {
    converse((talk) => {
      const gen = summerIn(talk);
      gen.next();
      expect(sendAll(gen, [5, -8, 0.5])).toEqual([5, -3, -2.5]);
    });
  });

  test('a hundred sends add up to their sum', () => {
    converse((talk) => {
      const gen = summerIn(talk);
      gen.next();
      let last: unknown;
      for (let n = 1; n <= 100; n += 1) last = gen.next(n).value;
      expect(last).toBe(5050);
    });
  });

  test('two summers keep separate totals', () => {
    converse((talk) => {
      const a = summerIn(talk, undefined, 'a');
      const b = summerIn(talk, 1000, 'b');
      a.next();
      b.next();
      expect(a.next(1).value).toBe(1);
      expect(b.next(2).value).toBe(1002);
      expect(a.next(3).value).toBe(4);
      expect(b.next(4).value).toBe(1006);
    });
  });
});

describe('summer: values that are not numbers', () => {
  test('a bare next() after priming throws TypeError', () => {
    converse((talk) => {
      const gen = summerIn(talk);
      gen.next();
      expect(thrownBy(() => gen.next())).toBeInstanceOf(TypeError);
    });
  });

  test('sending a string throws TypeError, even a string of digits', () => {
    converse((talk) => {
      const gen = summerIn(talk);
      gen.next();
      gen.next(1);
      expect(thrownBy(() => gen.next('5' as unknown as number))).toBeInstanceOf(TypeError);
    });
  });

  test('sending null throws TypeError', () => {
    converse((talk) => {
      const gen = summerIn(talk);
      gen.next();
      expect(thrownBy(() => gen.next(null as unknown as number))).toBeInstanceOf(TypeError);
    });
  });

  test('after the TypeError the summer is closed', () => {
    converse((talk) => {
      const gen = summerIn(talk);
      gen.next();
      gen.next(10);
      thrownBy(() => gen.next('ten' as unknown as number));
      expect(gen.next(5)).toEqual({ value: undefined, done: true });
    });
  });

  test("a summer never yields anything but a number: no NaN, no string such as '105'", () => {
    converse((talk) => {
      const gen = summerIn(talk);
      gen.next();
      gen.next(10);
      const yielded: unknown[] = [];
      for (const sent of [undefined, '5', 1]) {
        try {
          const result = gen.next(sent as unknown as number);
          if (!result.done) yielded.push(result.value);
        } catch {
          // Throwing is what a summer does here; this test is about what it yields.
        }
      }
      expect(yielded.filter((value) => typeof value !== 'number' || Number.isNaN(value))).toEqual([]);
    });
  });
});
