import type * as Target from '@target/08-cleanup/cleanup';
import { converse, type Conversation } from './support/conversation';
import { loadTarget } from './support/target';
import { thrownBy } from './support/throws';

const m = loadTarget<typeof Target>('08-cleanup');

const STARTED = '-> coroutine started';
const HANDLED = '*** DemoException handled. Continuing...';
const ENDING = '-> coroutine ending';

/** What a correct demoFinally answers and logs, so that a failure shows the first step that differs. */
function* modelDemo(log: string[]): Generator<void, void, unknown> {
  log.push(STARTED);
  try {
    while (true) {
      let received: unknown;
      try {
        received = yield;
      } catch (error) {
        if (!(error instanceof m.DemoException)) throw error;
        log.push(HANDLED);
        continue;
      }
      log.push(`-> coroutine received: ${String(received)}`);
    }
  } finally {
    log.push(ENDING);
  }
}

/** A new demoFinally(log), recorded with what each step logs. */
function demoIn(talk: Conversation) {
  const log: string[] = [];
  const modelLog: string[] = [];
  const gen = talk.record(m.demoFinally(log), 'demoFinally(log)', { log, model: modelDemo(modelLog), modelLog });
  return { gen, log };
}

/** A demoFinally generator that has been primed, with its log. */
function primedDemo(talk: Conversation) {
  const demo = demoIn(talk);
  demo.gen.next();
  return demo;
}

describe('demoFinally', () => {
  test('priming logs "-> coroutine started" and pauses at a yield', () => {
    converse((talk) => {
      const { gen, log } = demoIn(talk);
      expect(gen.next()).toEqual({ value: undefined, done: false });
      expect(log).toEqual([STARTED]);
    });
  });

  test('sent values are logged with String(value), with no ending line', () => {
    converse((talk) => {
      const { gen, log } = primedDemo(talk);
      expect(gen.next(11)).toEqual({ value: undefined, done: false });
      expect(gen.next('eggs')).toEqual({ value: undefined, done: false });
      expect(log).toEqual([STARTED, '-> coroutine received: 11', '-> coroutine received: eggs']);
    });
  });

  test('return() on a primed one is done with value undefined and logs the ending line', () => {
    converse((talk) => {
      const { gen, log } = primedDemo(talk);
      gen.next(1);
      expect(gen.return(undefined)).toEqual({ value: undefined, done: true });
      expect(log).toEqual([STARTED, '-> coroutine received: 1', ENDING]);
    });
  });

  test('a second return() logs nothing more', () => {
    converse((talk) => {
      const { gen, log } = primedDemo(talk);
      gen.return(undefined);
      gen.return(undefined);
      expect(log).toEqual([STARTED, ENDING]);
    });
  });

  test('return() before priming is done and logs nothing, since the body never started', () => {
    converse((talk) => {
      const { gen, log } = demoIn(talk);
      expect(gen.return(undefined)).toEqual({ value: undefined, done: true });
      expect(log).toEqual([]);
    });
  });

  test('breaking out of a for…of over it runs the cleanup', () => {
    converse((talk) => {
      const { gen, log } = demoIn(talk);
      for (const _ of gen) {
        break;
      }
      expect(log).toEqual([STARTED, ENDING]);
    });
  });

  test('a thrown-in DemoException is handled: it yields again and logs no ending line', () => {
    converse((talk) => {
      const { gen, log } = primedDemo(talk);
      expect(gen.throw(new m.DemoException())).toEqual({ value: undefined, done: false });
      expect(log).toEqual([STARTED, HANDLED]);
    });
  });

  test('after handling a DemoException it still receives values', () => {
    converse((talk) => {
      const { gen, log } = primedDemo(talk);
      gen.throw(new m.DemoException());
      gen.next('ham');
      expect(log).toEqual([STARTED, HANDLED, '-> coroutine received: ham']);
    });
  });

  test('any other error thrown in logs the ending line and comes back out as the same object', () => {
    converse((talk) => {
      const { gen, log } = primedDemo(talk);
      const error = new TypeError('not a demo');
      expect(thrownBy(() => gen.throw(error))).toBe(error);
      expect(log).toEqual([STARTED, ENDING]);
    });
  });
});

/** A generator with a catch and a finally that report to `log`; it yields 1, 2, 3. */
function* watched(log: string[]): Generator<number, void, unknown> {
  log.push('body');
  try {
    yield 1;
    yield 2;
    yield 3;
  } catch {
    log.push('catch');
  } finally {
    log.push('finally');
  }
}

/** A generator whose finally yields, refusing to stop (Python: "ignored GeneratorExit"). */
function* stubborn(): Generator<string, void, unknown> {
  try {
    yield 'working';
  } finally {
    yield 'not stopping';
  }
}

describe('close', () => {
  test('close on a paused generator runs its finally block and leaves it finished', () => {
    converse((talk) => {
      const log: string[] = [];
      const gen = talk.record(watched(log), 'watched(log)', { log });
      gen.next();
      m.close(gen);
      expect(log).toEqual(['body', 'finally']);
      expect(gen.next()).toEqual({ value: undefined, done: true });
    });
  });

  test('close runs finally blocks but not catch blocks', () => {
    converse((talk) => {
      const log: string[] = [];
      const gen = talk.record(watched(log), 'watched(log)', { log });
      gen.next();
      m.close(gen);
      expect(log).not.toContain('catch');
    });
  });

  test('close on a created generator finishes it without running its body', () => {
    converse((talk) => {
      const log: string[] = [];
      const gen = talk.record(watched(log), 'watched(log)', { log });
      m.close(gen);
      expect(gen.next()).toEqual({ value: undefined, done: true });
      expect(log).toEqual([]);
    });
  });

  test('close on a finished generator does nothing and throws nothing', () => {
    converse((talk) => {
      const log: string[] = [];
      const gen = talk.record(watched(log), 'watched(log)', { log });
      for (let i = 0; i < 4; i++) gen.next();
      expect(log).toEqual(['body', 'finally']);
      expect(() => m.close(gen)).not.toThrow();
      expect(log).toEqual(['body', 'finally']);
    });
  });

  test('close ends the generator with return(), calling neither next() nor throw()', () => {
    converse((talk) => {
      const calls = { next: 0, throw: 0, return: 0 };
      const fake = {
        next() {
          calls.next++;
          return { value: undefined, done: true as const };
        },
        throw(error: unknown): IteratorResult<unknown, unknown> {
          calls.throw++;
          throw error;
        },
        return(value: unknown) {
          calls.return++;
          return { value, done: true as const };
        },
        [Symbol.iterator]() {
          return this;
        },
      };
      m.close(talk.record(fake as unknown as Generator<unknown, unknown, unknown>, 'a fake generator', { state: 'GEN_SUSPENDED' }));
      expect(calls).toEqual({ next: 0, throw: 0, return: 1 });
    });
  });

  test('close throws an Error saying "generator ignored GeneratorExit" when the generator yields instead of finishing', () => {
    converse((talk) => {
      const gen = talk.record(stubborn(), 'stubborn()');
      gen.next();
      const thrown = thrownBy(() => m.close(gen));
      expect(thrown).toBeInstanceOf(Error);
      expect((thrown as Error).message).toContain('generator ignored GeneratorExit');
    });
  });

  test('an error thrown by the generator\'s finally propagates out of close as the same object', () => {
    converse((talk) => {
      const error = new RangeError('cleanup failed');
      function* failingCleanup(): Generator<number, void, unknown> {
        try {
          yield 1;
        } finally {
          throw error;
        }
      }
      const gen = talk.record(failingCleanup(), 'failingCleanup()');
      gen.next();
      expect(thrownBy(() => m.close(gen))).toBe(error);
    });
  });
});
