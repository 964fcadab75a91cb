import type * as Target from '@target/02-two-way-send/two-way-send';
import { converse, type Conversation } from './support/conversation';
import { loadTarget } from './support/target';

const m = loadTarget<typeof Target>('02-two-way-send');

/** What a correct coroutine2 answers and logs: a failure message is cut around the first step that differs. */
function* modelCoroutine2(x: number, log: string[]): Generator<number, number, number> {
  log.push(`started: ${x}`);
  const y = yield x;
  log.push(`received: ${y}`);
  const z = yield x + y;
  log.push(`received: ${z}`);
  return x + y + z;
}

/** A new coroutine2(x, log), recorded with what each step logs; `name` tells two apart. */
function coroutine2In(talk: Conversation, x: number, log?: string[], name?: string) {
  const call = `coroutine2(${x}${log ? ', log' : ''})`;
  const modelLog: string[] = [];
  const gen = log ? m.coroutine2(x, log) : m.coroutine2(x);
  return talk.record(gen, name ?? call, {
    model: modelCoroutine2(x, modelLog),
    ...(log ? { log, modelLog } : {}),
    ...(name ? { madeBy: call } : {}),
  });
}

/** A coroutine2(30) with its log, already moved through `steps` calls: next(), next(20), next(30). */
function advanced(talk: Conversation, steps: number) {
  const log: string[] = [];
  const gen = coroutine2In(talk, 30, log);
  const sent = [undefined, 20, 30];
  const results = sent.slice(0, steps).map((value) => (value === undefined ? gen.next() : gen.next(value)));
  return { gen, log, results };
}

describe('creating coroutine2', () => {
  test('creating it runs nothing: the log stays empty', () => {
    const log: string[] = [];
    m.coroutine2(30, log);
    expect(log).toEqual([]);
  });
});

describe('the first next()', () => {
  test('the first next() logs "started: 30"', () => {
    converse((talk) => {
      expect(advanced(talk, 1).log).toEqual(['started: 30']);
    });
  });

  test('the first next() yields x', () => {
    converse((talk) => {
      expect(advanced(talk, 1).results[0]).toEqual({ value: 30, done: false });
    });
  });

  test('the argument of the first next() is ignored', () => {
    converse((talk) => {
      const log: string[] = [];
      const gen = coroutine2In(talk, 30, log);
      expect(gen.next(999)).toEqual({ value: 30, done: false });
      expect(gen.next(20)).toEqual({ value: 50, done: false });
      expect(log).toEqual(['started: 30', 'received: 20']);
    });
  });
});

describe('next(20)', () => {
  test('next(20) logs "received: 20"', () => {
    converse((talk) => {
      expect(advanced(talk, 2).log).toEqual(['started: 30', 'received: 20']);
    });
  });

  test('next(20) yields x + y', () => {
    converse((talk) => {
      expect(advanced(talk, 2).results[1]).toEqual({ value: 50, done: false });
    });
  });
});

describe('next(30)', () => {
  test('next(30) logs "received: 30"', () => {
    converse((talk) => {
      expect(advanced(talk, 3).log).toEqual(['started: 30', 'received: 20', 'received: 30']);
    });
  });

  test('next(30) returns x + y + z with done: true', () => {
    converse((talk) => {
      expect(advanced(talk, 3).results[2]).toEqual({ value: 80, done: true });
    });
  });
});

describe('after the return', () => {
  test('any later next() gives value undefined and done: true', () => {
    converse((talk) => {
      const { gen } = advanced(talk, 3);
      expect(gen.next()).toEqual({ value: undefined, done: true });
      expect(gen.next(5)).toEqual({ value: undefined, done: true });
    });
  });

  test('a later next() logs nothing', () => {
    converse((talk) => {
      const { gen, log } = advanced(talk, 3);
      gen.next();
      gen.next(5);
      expect(log).toEqual(['started: 30', 'received: 20', 'received: 30']);
    });
  });
});

describe('other values and calls', () => {
  test('the results follow the x, y and z actually given', () => {
    converse((talk) => {
      const gen = coroutine2In(talk, 1, []);
      expect([gen.next(), gen.next(2), gen.next(3)]).toEqual([
        { value: 1, done: false },
        { value: 3, done: false },
        { value: 6, done: true },
      ]);
    });
  });

  test('the log argument is optional', () => {
    converse((talk) => {
      const gen = coroutine2In(talk, 30);
      expect([gen.next(), gen.next(20), gen.next(30)]).toEqual([
        { value: 30, done: false },
        { value: 50, done: false },
        { value: 80, done: true },
      ]);
    });
  });

  test('two coroutines run side by side keep separate values and logs', () => {
    converse((talk) => {
      const logA: string[] = [];
      const logB: string[] = [];
      const a = coroutine2In(talk, 30, logA, 'a');
      const b = coroutine2In(talk, 5, logB, 'b');
      const results = [a.next(), b.next(), a.next(20), b.next(1), a.next(30), b.next(2)];
      expect(results).toEqual([
        { value: 30, done: false },
        { value: 5, done: false },
        { value: 50, done: false },
        { value: 6, done: false },
        { value: 80, done: true },
        { value: 8, done: true },
      ]);
      expect(logA).toEqual(['started: 30', 'received: 20', 'received: 30']);
      expect(logB).toEqual(['started: 5', 'received: 1', 'received: 2']);
    });
  });
});
