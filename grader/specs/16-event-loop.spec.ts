import type * as Target from '@target/16-event-loop/event-loop';
import { converse, type Conversation } from './support/conversation';
import { loadTarget } from './support/target';
import { thrownBy } from './support/throws';

const m = loadTarget<typeof Target>('16-event-loop');

type Coro<T = unknown> = Target.Coro<T>;

/**
 * Every test builds a loop and a shared log; tasks write `<what> at <time>` to the log, so
 * the log shows both the order in which the loop ran them and what the clock said.
 *
 * `recorded(coro, name)` records a coroutine before the loop gets it: a failure message shows each
 * call the loop made on it (`next()`, `throw(CancelledError)`, `return()`), what it yielded
 * (the requests that came up from sleep, gather and waitFor) and what it wrote to the log.
 */
function setup(talk: Conversation): {
  loop: Target.EventLoop;
  log: string[];
  note: (what: string) => void;
  recorded: <T>(coro: Coro<T>, name: string) => Coro<T>;
} {
  const loop = new m.EventLoop();
  const log: string[] = [];
  return {
    loop,
    log,
    note: (what) => log.push(`${what} at ${loop.time}`),
    recorded: (coro, name) => talk.record(coro, name, { log }),
  };
}

/** Sleeps, notes it woke, returns `value`. */
function* sleeper<T>(note: (what: string) => void, name: string, delay: number, value: T): Coro<T> {
  yield* m.sleep(delay);
  note(`${name} woke`);
  return value;
}

/** Sleeps, then throws `error`. */
function* failer(delay: number, error: unknown): Coro<never> {
  yield* m.sleep(delay);
  throw error;
}

/** Notes what reaches it while it sleeps, and passes it on. */
function* watchful(note: (what: string) => void, name: string, delay: number): Coro<string> {
  try {
    yield* m.sleep(delay);
    note(`${name} woke`);
    return name;
  } catch (error) {
    note(`${name} caught ${(error as Error).name}`);
    throw error;
  } finally {
    note(`${name} finally`);
  }
}

/** Notes each of its turns (a bare yield each) and what reaches it; passes a cancellation on. */
function* spinner(note: (what: string) => void, name: string, turns = 50): Coro<string> {
  try {
    for (let i = 1; i <= turns; i++) {
      note(`${name} turn ${i}`);
      yield;
    }
    return name;
  } catch (error) {
    note(`${name} caught ${(error as Error).name}`);
    throw error;
  } finally {
    note(`${name} finally`);
  }
}

/** The calls the loop made on the coroutine recorded as `name` after it closed it with `return()`. */
function callsAfterReturn(talk: Conversation, name: string): string[] {
  const calls = talk.entries.filter((e) => e.kind === 'call' && e.name === name).map((e) => e.call);
  const closed = calls.findIndex((call) => call.startsWith('return('));
  return closed < 0 ? ['(never closed with return())'] : calls.slice(closed + 1);
}

/**
 * A task waits (in gather or waitFor) for one that sleeps 5; main cancels the waiting task at
 * time 1. The awaited task runs on to its result, and the waiter, which caught its
 * CancelledError, waits for it no more.
 */
function cancelWhileWaiting(wait: (awaited: Target.Task<string>) => Coro<unknown>): void {
  converse((talk) => {
    const { loop, log, note, recorded } = setup(talk);
    let awaited: Target.Task<string> | undefined;
    function* waiter(): Coro<void> {
      try {
        yield* wait(awaited!);
      } catch (error) {
        note(`waiter caught ${(error as Error).name}`);
      }
      yield* m.sleep(10);
      note('waiter slept');
    }
    function* main(): Coro<unknown> {
      awaited = loop.spawn(recorded(sleeper(note, 'awaited', 5, 'result'), 'awaited'));
      const waiting = loop.spawn(recorded(waiter(), 'waiter'));
      yield* m.sleep(1);
      waiting.cancel();
      yield* m.sleep(20);
      return [awaited.cancelled, awaited.result()];
    }
    expect(loop.run(recorded(main(), 'main'))).toEqual([false, 'result']);
    expect(log).toEqual(['waiter caught CancelledError at 1', 'awaited woke at 5', 'waiter slept at 11']);
  });
}

describe('EventLoop', () => {
  test('run(main) returns what main returns, and the clock starts at 0', () => {
    converse((talk) => {
      const { loop, recorded } = setup(talk);
      expect(loop.time).toBe(0);
      function* main(): Coro<string> {
        yield;
        return `done at ${loop.time}`;
      }
      expect(loop.run(recorded(main(), 'main'))).toBe('done at 0');
    });
  });

  test('run(main) throws the very error that escapes main', () => {
    converse((talk) => {
      const { loop, recorded } = setup(talk);
      const problem = new Error('main failed');
      expect(thrownBy(() => loop.run(recorded(failer(3, problem), 'main')))).toBe(problem);
      expect(loop.time).toBe(3);
    });
  });

  test('tasks run in spawn order, each until it yields, and a bare yield sends a task to the back of the queue', () => {
    converse((talk) => {
      const { loop, log, recorded } = setup(talk);
      function* steps(name: string, count: number): Coro<void> {
        for (let i = 1; i <= count; i++) {
          log.push(`${name}${i}`);
          if (i < count) yield;
        }
      }
      loop.spawn(recorded(steps('a', 3), 'a'));
      loop.spawn(recorded(steps('b', 1), 'b'));
      function* main(): Coro<void> {
        yield* steps('m', 2);
      }
      loop.run(recorded(main(), 'main'));
      expect(log).toEqual(['a1', 'b1', 'm1', 'a2', 'm2']);
    });
  });

  test('a task resumed after a bare yield gets undefined back, whatever it yielded; yield* sleep() gives undefined too', () => {
    converse((talk) => {
      const { loop, recorded } = setup(talk);
      function* main(): Coro<unknown[]> {
        const got: unknown[] = [];
        got.push(yield);
        got.push(yield 'anything');
        got.push(yield { delay: 5 });
        got.push(yield* m.sleep(1));
        got.push(yield* m.sleep(0));
        return got;
      }
      expect(loop.run(recorded(main(), 'main'))).toStrictEqual([undefined, undefined, undefined, undefined, undefined]);
    });
  });

  test('spawn returns a Task at once, without giving up the turn; the new task runs after those already queued', () => {
    converse((talk) => {
      const { loop, log, recorded } = setup(talk);
      function* child(): Coro<void> {
        log.push('child');
      }
      function* other(): Coro<void> {
        yield;
        log.push('other');
      }
      function* main(): Coro<void> {
        loop.spawn(recorded(other(), 'other'));
        yield;
        const task = loop.spawn(recorded(child(), 'child'));
        log.push(task instanceof m.Task ? 'main got a Task' : 'main got something else');
        yield;
        yield;
      }
      loop.run(recorded(main(), 'main'));
      expect(log).toEqual(['main got a Task', 'other', 'child']);
    });
  });

  test('run() returns as soon as main is done, and leaves the other tasks where they are', () => {
    converse((talk) => {
      const { loop, log, note, recorded } = setup(talk);
      const background = loop.spawn(recorded(sleeper(note, 'background', 10, 'late'), 'background'));
      loop.run(recorded(sleeper(note, 'main', 1, 'early'), 'main'));
      expect(log).toEqual(['main woke at 1']);
      expect(loop.time).toBe(1);
      expect(background.done).toBe(false);
    });
  });

  test('when main waits for something that can never happen, run() throws an Error mentioning deadlock', () => {
    converse((talk) => {
      const { loop, recorded } = setup(talk);
      const tasks: { a?: Target.Task; b?: Target.Task } = {};
      function* waitsFor(which: 'a' | 'b'): Coro<unknown> {
        return yield* m.gather(tasks[which]!);
      }
      tasks.a = loop.spawn(recorded(waitsFor('b'), 'a'));
      tasks.b = loop.spawn(recorded(waitsFor('a'), 'b'));
      function* main(): Coro<unknown> {
        return yield* m.gather(tasks.a!);
      }
      const thrown = thrownBy(() => loop.run(recorded(main(), 'main')));
      expect(thrown).toBeInstanceOf(Error);
      expect((thrown as Error).message).toContain('deadlock');
    });
  });
});

describe('sleep', () => {
  test('sleep(delay) resumes the task once the clock has moved on by delay, without real waiting', () => {
    converse((talk) => {
      const { loop, log, note, recorded } = setup(talk);
      const started = Date.now();
      loop.run(recorded(sleeper(note, 'main', 1e9, undefined), 'main'));
      expect(log).toEqual(['main woke at 1000000000']);
      expect(Date.now() - started).toBeLessThan(1000);
    });
  });

  test('sleeping tasks wake in order of wake-up time, and at equal times in the order they went to sleep', () => {
    converse((talk) => {
      const { loop, log, note, recorded } = setup(talk);
      loop.spawn(recorded(sleeper(note, 'a', 3, 0), 'a'));
      loop.spawn(recorded(sleeper(note, 'b', 1, 0), 'b'));
      loop.spawn(recorded(sleeper(note, 'c', 3, 0), 'c'));
      loop.spawn(recorded(sleeper(note, 'd', 2, 0), 'd'));
      loop.run(recorded(sleeper(note, 'main', 4, 0), 'main'));
      expect(log).toEqual(['b woke at 1', 'd woke at 2', 'a woke at 3', 'c woke at 3', 'main woke at 4']);
    });
  });

  test('sleeps overlap: tasks sleeping 3, 1 and 2 at the same time are all done at time 3', () => {
    converse((talk) => {
      const { loop, note, recorded } = setup(talk);
      function* main(): Coro<void> {
        const tasks = [3, 1, 2].map((d) => loop.spawn(recorded(sleeper(note, `s${d}`, d, d), `s${d}`)));
        yield* m.gather(...tasks);
      }
      loop.run(recorded(main(), 'main'));
      expect(loop.time).toBe(3);
    });
  });

  test('sleep(0) sends the task to the back of the queue and the clock does not move', () => {
    converse((talk) => {
      const { loop, log, note, recorded } = setup(talk);
      function* a(): Coro<void> {
        note('a1');
        yield* m.sleep(0);
        note('a2');
      }
      loop.spawn(recorded(a(), 'a'));
      function* main(): Coro<void> {
        note('m1');
        yield;
        note('m2');
      }
      loop.run(recorded(main(), 'main'));
      expect(log).toEqual(['a1 at 0', 'm1 at 0', 'a2 at 0', 'm2 at 0']);
    });
  });

  test('the clock moves only when no task is ready: a sleeper waits while another task keeps yielding', () => {
    converse((talk) => {
      const { loop, log, note, recorded } = setup(talk);
      loop.spawn(recorded(sleeper(note, 'sleeper', 1, 0), 'sleeper'));
      function* busy(): Coro<void> {
        for (let i = 1; i <= 3; i++) {
          note(`busy${i}`);
          yield;
        }
      }
      function* main(): Coro<void> {
        yield* busy();
        yield* m.sleep(5);
      }
      loop.run(recorded(main(), 'main'));
      expect(log).toEqual(['busy1 at 0', 'busy2 at 0', 'busy3 at 0', 'sleeper woke at 1']);
    });
  });

  test('a negative delay throws RangeError in the task that calls sleep', () => {
    converse((talk) => {
      const { loop, recorded } = setup(talk);
      function* main(): Coro<unknown> {
        try {
          yield* m.sleep(-1);
          return 'no error';
        } catch (error) {
          return error;
        }
      }
      expect(loop.run(recorded(main(), 'main'))).toBeInstanceOf(RangeError);
    });
  });
});

describe('gather', () => {
  test('gives the results in argument order, not finishing order, once the slowest task is done', () => {
    converse((talk) => {
      const { loop, note, recorded } = setup(talk);
      function* main(): Coro<string[]> {
        const a = loop.spawn(recorded(sleeper(note, 'a', 3, 'A'), 'a'));
        const b = loop.spawn(recorded(sleeper(note, 'b', 1, 'B'), 'b'));
        const c = loop.spawn(recorded(sleeper(note, 'c', 2, 'C'), 'c'));
        const results = yield* m.gather(a, b, c);
        return [...results, `at ${loop.time}`];
      }
      expect(loop.run(recorded(main(), 'main'))).toEqual(['A', 'B', 'C', 'at 3']);
    });
  });

  test('returns at once, without giving up the turn, when every task is already done or there are none', () => {
    converse((talk) => {
      const { loop, log, recorded } = setup(talk);
      function* quick(): Coro<number> {
        return 42;
      }
      function* witness(): Coro<void> {
        log.push('witness ran');
      }
      function* main(): Coro<void> {
        const done = loop.spawn(recorded(quick(), 'quick'));
        yield* m.sleep(1);
        loop.spawn(recorded(witness(), 'witness'));
        const results = yield* m.gather(done);
        const none = yield* m.gather();
        log.push(`got ${JSON.stringify(results)} and ${JSON.stringify(none)}`);
        yield;
      }
      loop.run(recorded(main(), 'main'));
      expect(log).toEqual(['got [42] and []', 'witness ran']);
    });
  });

  test('throws a failure into the waiting task as soon as it happens, and the other tasks keep running', () => {
    converse((talk) => {
      const { loop, note, recorded } = setup(talk);
      const problem = new Error('b failed');
      let slow: Target.Task<string> | undefined;
      function* main(): Coro<unknown> {
        slow = loop.spawn(recorded(sleeper(note, 'slow', 5, 'finished'), 'slow'));
        const failing = loop.spawn(recorded(failer(1, problem), 'failing'));
        let caught: unknown;
        try {
          yield* m.gather(slow, failing);
        } catch (error) {
          caught = error;
        }
        const when = loop.time;
        yield* m.sleep(10);
        return [caught === problem, when, slow.done && slow.result()];
      }
      expect(loop.run(recorded(main(), 'main'))).toEqual([true, 1, 'finished']);
    });
  });

  test('with several failures it throws the error of the first to fail, at once and without giving up the turn when all failed already', () => {
    converse((talk) => {
      const { loop, log, note, recorded } = setup(talk);
      const lateProblem = new Error('late failed');
      const earlyProblem = new Error('early failed');
      function* witness(): Coro<void> {
        note('witness ran');
      }
      function* main(): Coro<void> {
        // Given first, failing last: the argument order is not the order of failure.
        const late = loop.spawn(recorded(failer(2, lateProblem), 'late'));
        const early = loop.spawn(recorded(failer(1, earlyProblem), 'early'));
        yield* m.sleep(3);
        loop.spawn(recorded(witness(), 'witness'));
        try {
          yield* m.gather(late, early);
          note('no error');
        } catch (error) {
          note(error === earlyProblem ? 'main caught the early failure' : `main caught ${String(error)}`);
        }
        yield;
      }
      loop.run(recorded(main(), 'main'));
      expect(log).toEqual(['main caught the early failure at 3', 'witness ran at 3']);
    });
  });

  test('cancelling a task that waits in gather does not cancel the tasks it waits for, and it waits for them no more', () => {
    cancelWhileWaiting((awaited) => m.gather(awaited));
  });

  test('a task that is cancelled while gathered makes gather throw CancelledError', () => {
    converse((talk) => {
      const { loop, note, recorded } = setup(talk);
      function* main(): Coro<unknown> {
        const victim = loop.spawn(recorded(sleeper(note, 'victim', 5, 'never'), 'victim'));
        function* canceller(): Coro<void> {
          yield* m.sleep(1);
          victim.cancel();
        }
        loop.spawn(recorded(canceller(), 'canceller'));
        try {
          yield* m.gather(victim);
          return 'no error';
        } catch (error) {
          return [error instanceof m.CancelledError, loop.time];
        }
      }
      expect(loop.run(recorded(main(), 'main'))).toEqual([true, 1]);
    });
  });
});

describe('waitFor', () => {
  test('returns the task\'s result when it finishes within the timeout', () => {
    converse((talk) => {
      const { loop, note, recorded } = setup(talk);
      function* main(): Coro<unknown> {
        const task = loop.spawn(recorded(sleeper(note, 't', 2, 'result'), 't'));
        const value = yield* m.waitFor(task, 5);
        return [value, loop.time];
      }
      expect(loop.run(recorded(main(), 'main'))).toEqual(['result', 2]);
    });
  });

  test('throws the task\'s own error when it fails within the timeout', () => {
    converse((talk) => {
      const { loop, recorded } = setup(talk);
      const problem = new Error('task failed');
      function* main(): Coro<unknown> {
        const task = loop.spawn(recorded(failer(2, problem), 't'));
        try {
          yield* m.waitFor(task, 5);
          return 'no error';
        } catch (error) {
          return [error === problem, loop.time];
        }
      }
      expect(loop.run(recorded(main(), 'main'))).toEqual([true, 2]);
    });
  });

  test('returns or throws at once, without giving up the turn, when the task is already done', () => {
    converse((talk) => {
      const { loop, log, note, recorded } = setup(talk);
      const problem = new Error('task failed');
      function* quick(): Coro<number> {
        return 42;
      }
      function* witness(): Coro<void> {
        note('witness ran');
      }
      function* main(): Coro<void> {
        const done = loop.spawn(recorded(quick(), 'quick'));
        const failed = loop.spawn(recorded(failer(0, problem), 'failed'));
        yield* m.sleep(1);
        loop.spawn(recorded(witness(), 'witness'));
        const value = yield* m.waitFor(done, 5);
        let caught: unknown;
        try {
          yield* m.waitFor(failed, 5);
        } catch (error) {
          caught = error;
        }
        note(`got ${value}, and ${caught === problem ? 'the task\'s own error' : String(caught)}`);
        yield;
      }
      loop.run(recorded(main(), 'main'));
      expect(log).toEqual(["got 42, and the task's own error at 1", 'witness ran at 1']);
    });
  });

  test('cancelling a task that waits in waitFor does not cancel the task it waits for', () => {
    cancelWhileWaiting((awaited) => m.waitFor(awaited, 100));
  });

  test('a timeout below 0 throws RangeError in the task that calls waitFor; a timeout of 0 is due at once', () => {
    converse((talk) => {
      const { loop, log, note, recorded } = setup(talk);
      let task: Target.Task<string> | undefined;
      function* main(): Coro<void> {
        task = loop.spawn(recorded(watchful(note, 't', 5), 't'));
        try {
          yield* m.waitFor(task, -1);
          note('no error for -1');
        } catch (error) {
          note(error instanceof RangeError ? 'RangeError for -1' : `${String(error)} for -1`);
        }
        try {
          yield* m.waitFor(task, 0);
          note('no error for 0');
        } catch (error) {
          note(`main caught ${(error as Error).name}`);
        }
      }
      loop.run(recorded(main(), 'main'));
      expect(log).toEqual(['RangeError for -1 at 0', 't caught CancelledError at 0', 't finally at 0', 'main caught TimeoutError at 0']);
      expect(task!.cancelled).toBe(true);
    });
  });

  test('on timeout it cancels the task, waits until the task has finished its cleanup, then throws TimeoutError', () => {
    converse((talk) => {
      const { loop, log, note, recorded } = setup(talk);
      let task: Target.Task | undefined;
      function* slow(): Coro<void> {
        try {
          yield* m.sleep(10);
          note('slow woke');
        } catch (error) {
          note(`slow caught ${(error as Error).name}`);
          yield* m.sleep(2);
          note('slow cleaned up');
          throw error;
        }
      }
      function* main(): Coro<unknown> {
        task = loop.spawn(recorded(slow(), 'slow'));
        try {
          yield* m.waitFor(task, 3);
          return 'no error';
        } catch (error) {
          note(`main caught ${(error as Error).name}`);
          return error;
        }
      }
      expect(loop.run(recorded(main(), 'main'))).toBeInstanceOf(m.TimeoutError);
      expect(log).toEqual(['slow caught CancelledError at 3', 'slow cleaned up at 5', 'main caught TimeoutError at 5']);
      expect(task!.cancelled).toBe(true);
    });
  });

  test("on timeout it cancels the task: the task's catch sees a CancelledError at that time", () => {
    converse((talk) => {
      const { loop, log, note, recorded } = setup(talk);
      let task: Target.Task | undefined;
      function* main(): Coro<void> {
        task = loop.spawn(recorded(watchful(note, 'slow', 10), 'slow'));
        try {
          yield* m.waitFor(task, 3);
        } catch {
          // When the TimeoutError comes is the test above's concern.
        }
        // Long enough for a task that was not cancelled to wake.
        yield* m.sleep(20);
      }
      loop.run(recorded(main(), 'main'));
      expect(log).toEqual(['slow caught CancelledError at 3', 'slow finally at 3']);
      expect(task!.cancelled).toBe(true);
    });
  });
});

describe('Task', () => {
  test('cancel() throws CancelledError into the task at its yield: its catch and finally run, and then it is cancelled', () => {
    converse((talk) => {
      const { loop, log, note, recorded } = setup(talk);
      const task = loop.spawn(recorded(watchful(note, 't', 10), 't'));
      function* main(): Coro<unknown> {
        yield* m.sleep(1);
        const answer = task.cancel();
        yield* m.sleep(1);
        return answer;
      }
      expect(loop.run(recorded(main(), 'main'))).toBe(true);
      expect(log).toEqual(['t caught CancelledError at 1', 't finally at 1']);
      expect(task.done).toBe(true);
      expect(task.cancelled).toBe(true);
      expect(thrownBy(() => task.result())).toBeInstanceOf(m.CancelledError);
    });
  });

  test('cancel() wakes a sleeping task at once: it does not wait for its timer', () => {
    converse((talk) => {
      const { loop, log, note, recorded } = setup(talk);
      const task = loop.spawn(recorded(watchful(note, 't', 100), 't'));
      function* main(): Coro<unknown> {
        yield* m.sleep(1);
        task.cancel();
        try {
          yield* m.gather(task);
        } catch {
          // the cancellation, passed on by gather
        }
        return loop.time;
      }
      expect(loop.run(recorded(main(), 'main'))).toBe(1);
      expect(log).toEqual(['t caught CancelledError at 1', 't finally at 1']);
    });
  });

  test('a task may catch the cancellation and finish normally; then it is not cancelled', () => {
    converse((talk) => {
      const { loop, recorded } = setup(talk);
      function* stubborn(): Coro<string> {
        try {
          yield* m.sleep(10);
          return 'slept';
        } catch {
          return 'recovered';
        }
      }
      const task = loop.spawn(recorded(stubborn(), 'stubborn'));
      function* main(): Coro<unknown> {
        yield* m.sleep(1);
        task.cancel();
        return yield* m.gather(task);
      }
      expect(loop.run(recorded(main(), 'main'))).toEqual(['recovered']);
      expect(task.cancelled).toBe(false);
      expect(task.result()).toBe('recovered');
    });
  });

  test('cancel() returns false for a task that is done and true for one that is not', () => {
    converse((talk) => {
      const { loop, note, recorded } = setup(talk);
      const quick = loop.spawn(recorded(sleeper(note, 'quick', 1, 'q'), 'quick'));
      const slow = loop.spawn(recorded(sleeper(note, 'slow', 10, 's'), 'slow'));
      function* main(): Coro<boolean[]> {
        yield* m.sleep(2);
        return [quick.cancel(), slow.cancel()];
      }
      expect(loop.run(recorded(main(), 'main'))).toEqual([false, true]);
      expect(quick.result()).toBe('q');
    });
  });

  test('cancel() of a task already in the queue keeps its place: it takes the CancelledError before the tasks queued after it run', () => {
    converse((talk) => {
      const { loop, log, note, recorded } = setup(talk);
      function* main(): Coro<void> {
        const a = loop.spawn(recorded(spinner(note, 'a'), 'a'));
        loop.spawn(recorded(spinner(note, 'b', 2), 'b'));
        // a and b take a turn each, so that they are queued when main runs again: a, then b.
        yield;
        a.cancel();
        yield;
      }
      loop.run(recorded(main(), 'main'));
      expect(log).toEqual(['a turn 1 at 0', 'b turn 1 at 0', 'a caught CancelledError at 0', 'a finally at 0', 'b turn 2 at 0']);
    });
  });

  test('cancel() twice before the task\'s next turn returns true both times, and the task gets a single CancelledError', () => {
    converse((talk) => {
      const { loop, log, note, recorded } = setup(talk);
      function* patient(): Coro<string> {
        try {
          yield* m.sleep(10);
        } catch (error) {
          note(`caught ${(error as Error).name}`);
        }
        try {
          yield* m.sleep(1);
          note('slept again');
        } catch (error) {
          note(`caught ${(error as Error).name} again`);
        }
        return 'recovered';
      }
      const task = loop.spawn(recorded(patient(), 'patient'));
      function* main(): Coro<boolean[]> {
        yield* m.sleep(1);
        const answers = [task.cancel(), task.cancel()];
        yield* m.sleep(5);
        return answers;
      }
      expect(loop.run(recorded(main(), 'main'))).toEqual([true, true]);
      expect(log).toEqual(['caught CancelledError at 1', 'slept again at 2']);
      expect(task.result()).toBe('recovered');
    });
  });

  test('a task that cancels itself gets the CancelledError at its next yield, at once: it does not sleep first', () => {
    converse((talk) => {
      const { loop, log, note, recorded } = setup(talk);
      let self: Target.Task<string> | undefined;
      function* selfCancelling(): Coro<string> {
        note(`cancel() answered ${String(self!.cancel())}`);
        try {
          yield* m.sleep(10);
          return 'slept';
        } catch (error) {
          note(`caught ${(error as Error).name}`);
          throw error;
        }
      }
      function* main(): Coro<void> {
        self = loop.spawn(recorded(selfCancelling(), 'self'));
        try {
          yield* m.gather(self);
        } catch {
          // its cancellation, passed on by gather
        }
      }
      loop.run(recorded(main(), 'main'));
      expect(log).toEqual(['cancel() answered true at 0', 'caught CancelledError at 0']);
      expect(self!.cancelled).toBe(true);
    });
  });

  test('a task cancelled before it ever ran finishes without running its body', () => {
    converse((talk) => {
      const { loop, log, note, recorded } = setup(talk);
      function* main(): Coro<void> {
        const task = loop.spawn(recorded(watchful(note, 't', 1), 't'));
        task.cancel();
        try {
          yield* m.gather(task);
        } catch (error) {
          note(`main caught ${(error as Error).name}`);
        }
      }
      loop.run(recorded(main(), 'main'));
      expect(log).toEqual(['main caught CancelledError at 0']);
    });
  });

  test('close() ends the task at once with return(): its finally runs, its catch does not, and it counts as cancelled', () => {
    converse((talk) => {
      const { loop, log, note, recorded } = setup(talk);
      const task = loop.spawn(recorded(watchful(note, 't', 10), 't'));
      function* main(): Coro<void> {
        yield* m.sleep(1);
        task.close();
        note('main after close');
        yield* m.sleep(20);
      }
      loop.run(recorded(main(), 'main'));
      expect(log).toEqual(['t finally at 1', 'main after close at 1']);
      expect(task.done).toBe(true);
      expect(task.cancelled).toBe(true);
      expect(thrownBy(() => task.result())).toBeInstanceOf(m.CancelledError);
    });
  });

  test('close() takes a task out of the queue: it is never resumed again, and stays cancelled', () => {
    converse((talk) => {
      const { loop, log, note, recorded } = setup(talk);
      const tasks: Target.Task<string>[] = [];
      function* main(): Coro<void> {
        tasks.push(loop.spawn(recorded(spinner(note, 'a'), 'a')), loop.spawn(recorded(spinner(note, 'b'), 'b')));
        // a and b take a turn each, so that they are queued, a first, when main closes them.
        yield;
        for (const task of tasks) task.close();
        yield* m.sleep(1);
      }
      loop.run(recorded(main(), 'main'));
      expect(log).toEqual(['a turn 1 at 0', 'b turn 1 at 0', 'a finally at 0', 'b finally at 0']);
      expect(tasks.map((t) => t.cancelled)).toEqual([true, true]);
      expect(callsAfterReturn(talk, 'a')).toEqual([]);
      expect(callsAfterReturn(talk, 'b')).toEqual([]);
    });
  });

  test('close() does nothing to a task that is done: it keeps its result and is not cancelled', () => {
    converse((talk) => {
      const { loop, note, recorded } = setup(talk);
      const problem = new Error('task failed');
      const returned = loop.spawn(recorded(sleeper(note, 'returned', 1, 'value'), 'returned'));
      const failed = loop.spawn(recorded(failer(1, problem), 'failed'));
      function* main(): Coro<void> {
        yield* m.sleep(2);
        returned.close();
        failed.close();
      }
      loop.run(recorded(main(), 'main'));
      expect([returned.cancelled, returned.result()]).toEqual([false, 'value']);
      expect(failed.cancelled).toBe(false);
      expect(thrownBy(() => failed.result())).toBe(problem);
    });
  });

  test('closing a task wakes the tasks waiting for it', () => {
    converse((talk) => {
      const { loop, note, recorded } = setup(talk);
      const task = loop.spawn(recorded(sleeper(note, 't', 10, 'never'), 't'));
      function* closer(): Coro<void> {
        yield* m.sleep(2);
        task.close();
      }
      loop.spawn(recorded(closer(), 'closer'));
      function* main(): Coro<unknown> {
        try {
          yield* m.gather(task);
          return 'no error';
        } catch (error) {
          return [error instanceof m.CancelledError, loop.time];
        }
      }
      expect(loop.run(recorded(main(), 'main'))).toEqual([true, 2]);
    });
  });

  test('result() throws an Error mentioning "not done" while the task runs, and done turns true when it finishes', () => {
    converse((talk) => {
      const { loop, note, recorded } = setup(talk);
      const task = loop.spawn(recorded(sleeper(note, 't', 1, 'value'), 't'));
      expect(task.done).toBe(false);
      const early = thrownBy(() => task.result());
      expect(early).toBeInstanceOf(Error);
      expect((early as Error).message).toContain('not done');
      loop.run(recorded(sleeper(note, 'main', 2, undefined), 'main'));
      expect(task.done).toBe(true);
      expect(task.cancelled).toBe(false);
      expect(task.result()).toBe('value');
    });
  });

  test('an error in a spawned task does not stop the loop: the task keeps it, and result() throws it', () => {
    converse((talk) => {
      const { loop, log, note, recorded } = setup(talk);
      const problem = new Error('background failed');
      const task = loop.spawn(recorded(failer(1, problem), 't'));
      loop.run(recorded(sleeper(note, 'main', 3, undefined), 'main'));
      expect(log).toEqual(['main woke at 3']);
      expect(task.done).toBe(true);
      expect(task.cancelled).toBe(false);
      expect(thrownBy(() => task.result())).toBe(problem);
    });
  });
});
