import type * as Target from '@target/03-generator-state/generator-state';
import { converse, type Conversation } from './support/conversation';
import { loadTarget } from './support/target';
import { thrownBy } from './support/throws';

const m = loadTarget<typeof Target>('03-generator-state');

type Tracked<Y, R, S> = Target.TrackedGenerator<Y, R, S>;
type Calls = { next: number; throw: number; return: number };

/**
 * Stands between the wrapper and a real generator and counts every call the wrapper makes
 * on it, so tests can tell whether the wrapper touched the generator at all.
 */
function spied<Y, R, S>(gen: Generator<Y, R, S>): { gen: Generator<Y, R, S>; calls: Calls } {
  const calls: Calls = { next: 0, throw: 0, return: 0 };
  const spy = {
    next(...args: [] | [S]) {
      calls.next += 1;
      return gen.next(...args);
    },
    throw(error: unknown) {
      calls.throw += 1;
      return gen.throw(error);
    },
    return(value: R) {
      calls.return += 1;
      return gen.return(value);
    },
    [Symbol.iterator]() {
      return this;
    },
  };
  return { gen: spy as unknown as Generator<Y, R, S>, calls };
}

function* oneTwo(): Generator<number, string, unknown> {
  yield 1;
  yield 2;
  return 'end';
}

describe('state through a run', () => {
  test('a new wrapper is GEN_CREATED and has not started the body', () => {
    converse((talk) => {
      const log: string[] = [];
      function* body(): Generator<number, void, unknown> {
        log.push('ran');
        yield 1;
      }
      const t = new m.TrackedGenerator(talk.record(body(), 'body()'));
      expect(t.state).toBe('GEN_CREATED');
      expect(log).toEqual([]);
    });
  });

  test('the body reads GEN_RUNNING while next() runs it', () => {
    converse((talk) => {
      const seen: string[] = [];
      function* body(): Generator<number, void, unknown> {
        seen.push(t.state);
        yield 1;
        seen.push(t.state);
      }
      const t: Tracked<number, void, unknown> = new m.TrackedGenerator(talk.record(body(), 'body()'));
      t.next();
      t.next();
      expect(seen).toEqual(['GEN_RUNNING', 'GEN_RUNNING']);
    });
  });

  test('after a yield it is GEN_SUSPENDED, and values pass through both ways', () => {
    converse((talk) => {
      function* body(): Generator<string, void, number> {
        const got = yield 'first';
        yield `got ${got}`;
      }
      const t = new m.TrackedGenerator(talk.record(body(), 'body()'));
      expect(t.next()).toEqual({ value: 'first', done: false });
      expect(t.state).toBe('GEN_SUSPENDED');
      expect(t.next(42)).toEqual({ value: 'got 42', done: false });
      expect(t.state).toBe('GEN_SUSPENDED');
    });
  });

  test('once next() reports done it is GEN_CLOSED, with the return value passed through', () => {
    converse((talk) => {
      const t = new m.TrackedGenerator(talk.record(oneTwo(), 'oneTwo()'));
      t.next();
      t.next();
      expect(t.next()).toEqual({ value: 'end', done: true });
      expect(t.state).toBe('GEN_CLOSED');
    });
  });

  test('an exception escaping the body reaches the caller unchanged and closes it', () => {
    converse((talk) => {
      const boom = new RangeError('boom');
      function* body(): Generator<number, void, unknown> {
        yield 1;
        throw boom;
      }
      const t = new m.TrackedGenerator(talk.record(body(), 'body()'));
      t.next();
      expect(thrownBy(() => t.next())).toBe(boom);
      expect(t.state).toBe('GEN_CLOSED');
    });
  });

  test('for…of over a tracked generator gives its values and leaves it GEN_CLOSED', () => {
    converse((talk) => {
      const t = new m.TrackedGenerator(talk.record(oneTwo(), 'oneTwo()'));
      const seen: number[] = [];
      for (const value of t) {
        seen.push(value);
        if (seen.length > 5) break; // a wrapper that never reports done fails instead of hanging
      }
      expect(seen).toEqual([1, 2]);
      expect(t.state).toBe('GEN_CLOSED');
    });
  });
});

describe('throw()', () => {
  test('throw() on a created one throws the error without running the body and closes it', () => {
    converse((talk) => {
      const log: string[] = [];
      function* body(): Generator<number, void, unknown> {
        try {
          log.push('ran');
          yield 1;
        } finally {
          log.push('finally');
        }
      }
      const t = new m.TrackedGenerator(talk.record(body(), 'body()'));
      const boom = new Error('boom');
      expect(thrownBy(() => t.throw(boom))).toBe(boom);
      expect(log).toEqual([]);
      expect(t.state).toBe('GEN_CLOSED');
    });
  });

  test('a throw() the body catches and follows with a yield leaves it GEN_SUSPENDED', () => {
    converse((talk) => {
      function* body(): Generator<string, void, unknown> {
        for (;;) {
          try {
            yield 'waiting';
          } catch (error) {
            yield `caught ${(error as Error).message}`;
          }
        }
      }
      const t = new m.TrackedGenerator(talk.record(body(), 'body()'));
      t.next();
      expect(t.throw(new Error('oops'))).toEqual({ value: 'caught oops', done: false });
      expect(t.state).toBe('GEN_SUSPENDED');
    });
  });

  test('the body reads GEN_RUNNING inside the catch block a throw() enters', () => {
    converse((talk) => {
      const seen: string[] = [];
      function* body(): Generator<number, void, unknown> {
        try {
          yield 1;
        } catch {
          seen.push(t.state);
          yield 2;
        }
      }
      const t: Tracked<number, void, unknown> = new m.TrackedGenerator(talk.record(body(), 'body()'));
      t.next();
      t.throw(new Error('oops'));
      expect(seen).toEqual(['GEN_RUNNING']);
    });
  });

  test('a throw() the body does not catch reaches the caller unchanged and closes it', () => {
    converse((talk) => {
      const t = new m.TrackedGenerator(talk.record(oneTwo(), 'oneTwo()'));
      t.next();
      const boom = { reason: 'not even an Error' };
      expect(thrownBy(() => t.throw(boom))).toBe(boom);
      expect(t.state).toBe('GEN_CLOSED');
    });
  });
});

describe('return()', () => {
  test('return(v) on a created one gives { value: v, done: true } without running the body', () => {
    converse((talk) => {
      const log: string[] = [];
      function* body(): Generator<number, string, unknown> {
        try {
          log.push('ran');
          yield 1;
          return 'normal';
        } finally {
          log.push('finally');
        }
      }
      const t = new m.TrackedGenerator(talk.record(body(), 'body()'));
      expect(t.return('early')).toEqual({ value: 'early', done: true });
      expect(log).toEqual([]);
      expect(t.state).toBe('GEN_CLOSED');
    });
  });

  test('return(v) on a suspended one runs its finally, gives { value: v, done: true } and closes it', () => {
    converse((talk) => {
      const log: string[] = [];
      function* body(): Generator<number, string, unknown> {
        try {
          yield 1;
          yield 2;
          return 'normal';
        } finally {
          log.push('finally');
        }
      }
      const t = new m.TrackedGenerator(talk.record(body(), 'body()'));
      t.next();
      expect(t.return('early')).toEqual({ value: 'early', done: true });
      expect(log).toEqual(['finally']);
      expect(t.state).toBe('GEN_CLOSED');
    });
  });

  test('the body reads GEN_RUNNING inside the finally block a return() runs', () => {
    converse((talk) => {
      const seen: string[] = [];
      function* body(): Generator<number, string, unknown> {
        try {
          yield 1;
          return 'normal';
        } finally {
          seen.push(t.state);
        }
      }
      const t: Tracked<number, string, unknown> = new m.TrackedGenerator(talk.record(body(), 'body()'));
      t.next();
      t.return('early');
      expect(seen).toEqual(['GEN_RUNNING']);
    });
  });

  test('return(v) whose finally yields gives done: false and leaves it GEN_SUSPENDED', () => {
    converse((talk) => {
      function* body(): Generator<string, string, unknown> {
        try {
          yield 'working';
          return 'normal';
        } finally {
          yield 'cleaning up';
        }
      }
      const t = new m.TrackedGenerator(talk.record(body(), 'body()'));
      t.next();
      const result = t.return('early');
      expect(result.done).toBe(false);
      expect(t.state).toBe('GEN_SUSPENDED');
    });
  });
});

describe('a closed wrapper', () => {
  test('next() on a closed one gives { value: undefined, done: true } without touching the generator', () => {
    converse((talk) => {
      const { gen, calls } = spied(talk.record(oneTwo(), 'oneTwo()'));
      const t = new m.TrackedGenerator(gen);
      for (let i = 0; i < 3; i += 1) t.next();
      expect(t.state).toBe('GEN_CLOSED');
      const before = { ...calls };
      expect(t.next()).toEqual({ value: undefined, done: true });
      expect(calls).toEqual(before);
    });
  });

  test('return(v) on a closed one gives { value: v, done: true } without touching the generator', () => {
    converse((talk) => {
      function* failing(): Generator<number, string, unknown> {
        yield 1;
        throw new Error('failed');
      }
      const { gen, calls } = spied(talk.record(failing(), 'failing()'));
      const t = new m.TrackedGenerator(gen);
      t.next();
      thrownBy(() => t.next());
      expect(t.state).toBe('GEN_CLOSED');
      const before = { ...calls };
      expect(t.return('late')).toEqual({ value: 'late', done: true });
      expect(calls).toEqual(before);
    });
  });

  test('throw(e) on a closed one throws e without touching the generator', () => {
    converse((talk) => {
      const { gen, calls } = spied(talk.record(oneTwo(), 'oneTwo()'));
      const t = new m.TrackedGenerator(gen);
      thrownBy(() => t.throw(new Error('first')));
      expect(t.state).toBe('GEN_CLOSED');
      const before = { ...calls };
      const second = new Error('second');
      expect(thrownBy(() => t.throw(second))).toBe(second);
      expect(calls).toEqual(before);
    });
  });
});

describe('calls from inside the running body', () => {
  /**
   * Runs a body that makes one call on its own wrapper, through a spy, and reports what that
   * call threw and how many calls the wrapped generator had received at that moment.
   */
  function reenter(talk: Conversation, call: (self: Tracked<number, string, unknown>) => unknown) {
    const report: { error?: unknown; calls?: Calls; stateAfter?: string } = {};
    function* body(): Generator<number, string, unknown> {
      try {
        call(t);
      } catch (error) {
        report.error = error;
      }
      report.calls = { ...calls };
      report.stateAfter = t.state;
      yield 1;
      return 'end';
    }
    const { gen, calls } = spied(talk.record(body(), 'body()'));
    const t: Tracked<number, string, unknown> = new m.TrackedGenerator(gen);
    const first = t.next();
    return { report, first, t };
  }

  test.each([
    ['next()', (self: Tracked<number, string, unknown>) => self.next()],
    ['throw()', (self: Tracked<number, string, unknown>) => self.throw(new Error('inner'))],
    ['return()', (self: Tracked<number, string, unknown>) => self.return('inner')],
  ])('calling %s on its own wrapper throws a TypeError saying "already executing" and never reaches the generator', (_name, call) => {
    converse((talk) => {
      const { report } = reenter(talk, call);
      expect(report.error).toBeInstanceOf(TypeError);
      expect((report.error as Error).message).toContain('already executing');
      // Only the outer next() that started the body has reached the wrapped generator.
      expect(report.calls).toEqual({ next: 1, throw: 0, return: 0 });
    });
  });

  test('after a refused call the body still reads GEN_RUNNING and carries on to its yield', () => {
    converse((talk) => {
      const { report, first, t } = reenter(talk, (self) => self.next());
      expect(report.stateAfter).toBe('GEN_RUNNING');
      expect(first).toEqual({ value: 1, done: false });
      expect(t.state).toBe('GEN_SUSPENDED');
    });
  });
});

describe('track()', () => {
  test('track(fn) makes functions that pass their arguments to fn and return a fresh TrackedGenerator', () => {
    const log: string[] = [];
    function* countTo(n: number, label: string): Generator<string, void, unknown> {
      log.push('ran');
      for (let i = 1; i <= n; i += 1) yield `${label}${i}`;
    }
    const tracked = m.track(countTo);
    const t = tracked(2, 'x');
    expect(t).toBeInstanceOf(m.TrackedGenerator);
    expect(t.state).toBe('GEN_CREATED');
    expect(log).toEqual([]);
    expect([t.next(), t.next(), t.next()]).toEqual([
      { value: 'x1', done: false },
      { value: 'x2', done: false },
      { value: undefined, done: true },
    ]);
    expect(t.state).toBe('GEN_CLOSED');
  });
});

describe('getGeneratorState()', () => {
  test('getGeneratorState(g) reports g.state at every stage', () => {
    converse((talk) => {
      const seen: string[] = [];
      function* body(): Generator<number, void, unknown> {
        seen.push(m.getGeneratorState(t));
        yield 1;
      }
      const t: Tracked<number, void, unknown> = new m.TrackedGenerator(talk.record(body(), 'body()'));
      seen.push(m.getGeneratorState(t));
      t.next();
      seen.push(m.getGeneratorState(t));
      t.next();
      seen.push(m.getGeneratorState(t));
      expect(seen).toEqual(['GEN_CREATED', 'GEN_RUNNING', 'GEN_SUSPENDED', 'GEN_CLOSED']);
    });
  });
});
