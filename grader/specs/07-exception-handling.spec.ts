import type * as Target from '@target/07-exception-handling/exception-handling';
import { converse, type Conversation } from './support/conversation';
import { loadTarget } from './support/target';
import { thrownBy } from './support/throws';

const m = loadTarget<typeof Target>('07-exception-handling');

const STARTED = '-> coroutine started';
const HANDLED = '*** DemoException handled. Continuing...';

/** What a correct demoExcHandling answers and logs, so that a failure shows the first step that differs. */
function* modelDemo(log: string[]): Generator<void, never, unknown> {
  log.push(STARTED);
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
}

/** A new demoExcHandling(log), recorded with what each step logs. */
function demoIn(talk: Conversation) {
  const log: string[] = [];
  const modelLog: string[] = [];
  const gen = talk.record(m.demoExcHandling(log), 'demoExcHandling(log)', { log, model: modelDemo(modelLog), modelLog });
  return { gen, log };
}

/** A demoExcHandling generator that has been primed, with its log. */
function primedDemo(talk: Conversation) {
  const demo = demoIn(talk);
  demo.gen.next();
  return demo;
}

describe('demoExcHandling', () => {
  test('priming logs "-> coroutine started" and pauses at a yield', () => {
    converse((talk) => {
      const { gen, log } = demoIn(talk);
      expect(gen.next()).toEqual({ value: undefined, done: false });
      expect(log).toEqual([STARTED]);
    });
  });

  test('each sent value is logged with String(value) and the coroutine keeps going', () => {
    converse((talk) => {
      const { gen, log } = primedDemo(talk);
      expect(gen.next(42)).toEqual({ value: undefined, done: false });
      expect(gen.next('spam')).toEqual({ value: undefined, done: false });
      expect(gen.next(null)).toEqual({ value: undefined, done: false });
      expect(log).toEqual([
        STARTED,
        '-> coroutine received: 42',
        '-> coroutine received: spam',
        '-> coroutine received: null',
      ]);
    });
  });

  test('a thrown-in DemoException is handled: one log line, and it yields again', () => {
    converse((talk) => {
      const { gen, log } = primedDemo(talk);
      expect(gen.throw(new m.DemoException())).toEqual({ value: undefined, done: false });
      expect(log).toEqual([STARTED, HANDLED]);
    });
  });

  test('after handling a DemoException the coroutine still receives values', () => {
    converse((talk) => {
      const { gen, log } = primedDemo(talk);
      gen.throw(new m.DemoException());
      expect(gen.next(7)).toEqual({ value: undefined, done: false });
      expect(log).toEqual([STARTED, HANDLED, '-> coroutine received: 7']);
    });
  });

  test('a subclass of DemoException is handled like a DemoException', () => {
    converse((talk) => {
      class SpecialDemo extends m.DemoException {}
      const { gen, log } = primedDemo(talk);
      expect(gen.throw(new SpecialDemo())).toEqual({ value: undefined, done: false });
      expect(log).toEqual([STARTED, HANDLED]);
    });
  });

  test('any other error thrown in comes back out as the very same object', () => {
    converse((talk) => {
      const { gen } = primedDemo(talk);
      const error = new TypeError('not a demo');
      expect(thrownBy(() => gen.throw(error))).toBe(error);
    });
  });

  test('a plain Error (the parent class of DemoException) is not handled', () => {
    converse((talk) => {
      const { gen, log } = primedDemo(talk);
      const error = new Error('plain');
      expect(thrownBy(() => gen.throw(error))).toBe(error);
      expect(log).toEqual([STARTED]);
    });
  });

  test('after an unhandled error the coroutine is closed and logs nothing more', () => {
    converse((talk) => {
      const { gen, log } = primedDemo(talk);
      thrownBy(() => gen.throw(new RangeError('fatal')));
      expect(gen.next(1)).toEqual({ value: undefined, done: true });
      expect(log).toEqual([STARTED]);
    });
  });

  test('a DemoException thrown in before priming propagates and nothing is logged', () => {
    converse((talk) => {
      const { gen, log } = demoIn(talk);
      const error = new m.DemoException();
      expect(thrownBy(() => gen.throw(error))).toBe(error);
      expect(log).toEqual([]);
    });
  });
});

/** Hooks that record, in order, which of them ran and with what. */
function recordingHooks<T>() {
  const events: string[] = [];
  const seen: { error?: unknown; value?: T } = {};
  const hooks = {
    onError: (error: unknown) => {
      events.push('onError');
      seen.error = error;
    },
    onElse: (value: T) => {
      events.push('onElse');
      seen.value = value;
    },
    onFinally: () => {
      events.push('onFinally');
    },
  };
  return { events, seen, hooks };
}

describe('attempt', () => {
  test('when fn returns, attempt returns its value and calls onElse with it, then onFinally', () => {
    const { events, seen, hooks } = recordingHooks<number>();
    expect(m.attempt(() => 5, hooks)).toBe(5);
    expect(events).toEqual(['onElse', 'onFinally']);
    expect(seen.value).toBe(5);
  });

  test('when fn throws, attempt calls onError with that error, then onFinally, and returns undefined', () => {
    const { events, seen, hooks } = recordingHooks<number>();
    const error = new Error('boom');
    const result = m.attempt((): number => {
      throw error;
    }, hooks);
    expect(result).toBeUndefined();
    expect(events).toEqual(['onError', 'onFinally']);
    expect(seen.error).toBe(error);
  });

  test('attempt calls fn exactly once', () => {
    let calls = 0;
    m.attempt(() => ++calls, {});
    expect(calls).toBe(1);
  });

  test('attempt with no hooks at all returns what fn returns', () => {
    expect(m.attempt(() => 'value', {})).toBe('value');
  });

  test('a thrown falsy value (0) still counts as an error, not as a return', () => {
    const { events, seen, hooks } = recordingHooks<string>();
    const result = m.attempt((): string => {
      throw 0;
    }, hooks);
    expect(result).toBeUndefined();
    expect(events).toEqual(['onError', 'onFinally']);
    expect(seen.error).toBe(0);
  });

  test('without onError the error of fn propagates, after onFinally ran once', () => {
    const events: string[] = [];
    const error = new Error('unhandled');
    const thrown = thrownBy(() =>
      m.attempt(
        (): number => {
          throw error;
        },
        { onElse: () => events.push('onElse'), onFinally: () => events.push('onFinally') },
      ),
    );
    expect(thrown).toBe(error);
    expect(events).toEqual(['onFinally']);
  });

  test('an error thrown by onElse is not passed to onError: it propagates, after onFinally ran once', () => {
    const events: string[] = [];
    const error = new Error('from onElse');
    const thrown = thrownBy(() =>
      m.attempt(() => 1, {
        onError: () => events.push('onError'),
        onElse: () => {
          events.push('onElse');
          throw error;
        },
        onFinally: () => events.push('onFinally'),
      }),
    );
    expect(thrown).toBe(error);
    expect(events).toEqual(['onElse', 'onFinally']);
  });

  test('an error thrown by onError propagates, after onFinally ran once', () => {
    const events: string[] = [];
    const error = new Error('from onError');
    const thrown = thrownBy(() =>
      m.attempt(
        (): number => {
          throw new Error('from fn');
        },
        {
          onError: () => {
            events.push('onError');
            throw error;
          },
          onElse: () => events.push('onElse'),
          onFinally: () => events.push('onFinally'),
        },
      ),
    );
    expect(thrown).toBe(error);
    expect(events).toEqual(['onError', 'onFinally']);
  });
});
