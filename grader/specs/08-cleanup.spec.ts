import type * as Target from '@target/08-cleanup/cleanup';
import { loadTarget } from './support/target';
import { thrownBy } from './support/throws';

const m = loadTarget<typeof Target>('08-cleanup');

const STARTED = '-> coroutine started';
const HANDLED = '*** DemoException handled. Continuing...';
const ENDING = '-> coroutine ending';

/** A demoFinally generator that has been primed, with its log. */
function primedDemo() {
  const log: string[] = [];
  const gen = m.demoFinally(log);
  gen.next();
  return { gen, log };
}

describe('demoFinally', () => {
  test('priming logs "-> coroutine started" and pauses at a yield', () => {
    const log: string[] = [];
    const gen = m.demoFinally(log);
    expect(gen.next()).toEqual({ value: undefined, done: false });
    expect(log).toEqual([STARTED]);
  });

  test('sent values are logged with String(value), with no ending line', () => {
    const { gen, log } = primedDemo();
    expect(gen.next(11)).toEqual({ value: undefined, done: false });
    expect(gen.next('eggs')).toEqual({ value: undefined, done: false });
    expect(log).toEqual([STARTED, '-> coroutine received: 11', '-> coroutine received: eggs']);
  });

  test('return() on a primed one is done with value undefined and logs the ending line', () => {
    const { gen, log } = primedDemo();
    gen.next(1);
    expect(gen.return(undefined)).toEqual({ value: undefined, done: true });
    expect(log).toEqual([STARTED, '-> coroutine received: 1', ENDING]);
  });

  test('a second return() logs nothing more', () => {
    const { gen, log } = primedDemo();
    gen.return(undefined);
    gen.return(undefined);
    expect(log).toEqual([STARTED, ENDING]);
  });

  test('return() before priming is done and logs nothing, since the body never started', () => {
    const log: string[] = [];
    const gen = m.demoFinally(log);
    expect(gen.return(undefined)).toEqual({ value: undefined, done: true });
    expect(log).toEqual([]);
  });

  test('breaking out of a for…of over it runs the cleanup', () => {
    const log: string[] = [];
    for (const _ of m.demoFinally(log)) {
      break;
    }
    expect(log).toEqual([STARTED, ENDING]);
  });

  test('a thrown-in DemoException is handled: it yields again and logs no ending line', () => {
    const { gen, log } = primedDemo();
    expect(gen.throw(new m.DemoException())).toEqual({ value: undefined, done: false });
    expect(log).toEqual([STARTED, HANDLED]);
  });

  test('after handling a DemoException it still receives values', () => {
    const { gen, log } = primedDemo();
    gen.throw(new m.DemoException());
    gen.next('ham');
    expect(log).toEqual([STARTED, HANDLED, '-> coroutine received: ham']);
  });

  test('any other error thrown in logs the ending line and comes back out as the same object', () => {
    const { gen, log } = primedDemo();
    const error = new TypeError('not a demo');
    expect(thrownBy(() => gen.throw(error))).toBe(error);
    expect(log).toEqual([STARTED, ENDING]);
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
    const log: string[] = [];
    const gen = watched(log);
    gen.next();
    m.close(gen);
    expect(log).toEqual(['body', 'finally']);
    expect(gen.next()).toEqual({ value: undefined, done: true });
  });

  test('close runs finally blocks but not catch blocks', () => {
    const log: string[] = [];
    const gen = watched(log);
    gen.next();
    m.close(gen);
    expect(log).not.toContain('catch');
  });

  test('close on a created generator finishes it without running its body', () => {
    const log: string[] = [];
    const gen = watched(log);
    m.close(gen);
    expect(gen.next()).toEqual({ value: undefined, done: true });
    expect(log).toEqual([]);
  });

  test('close on a finished generator does nothing and throws nothing', () => {
    const log: string[] = [];
    const gen = watched(log);
    for (let i = 0; i < 4; i++) gen.next();
    expect(log).toEqual(['body', 'finally']);
    expect(() => m.close(gen)).not.toThrow();
    expect(log).toEqual(['body', 'finally']);
  });

  test('close ends the generator with return(), calling neither next() nor throw()', () => {
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
    m.close(fake as unknown as Generator<unknown, unknown, unknown>);
    expect(calls).toEqual({ next: 0, throw: 0, return: 1 });
  });

  test('close throws an Error saying "generator ignored GeneratorExit" when the generator yields instead of finishing', () => {
    const gen = stubborn();
    gen.next();
    const thrown = thrownBy(() => m.close(gen));
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toContain('generator ignored GeneratorExit');
  });

  test('an error thrown by the generator\'s finally propagates out of close as the same object', () => {
    const error = new RangeError('cleanup failed');
    function* failingCleanup(): Generator<number, void, unknown> {
      try {
        yield 1;
      } finally {
        throw error;
      }
    }
    const gen = failingCleanup();
    gen.next();
    expect(thrownBy(() => m.close(gen))).toBe(error);
  });
});
