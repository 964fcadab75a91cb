/**
 * 16 · Event loop — a small asyncio on a virtual clock.
 *
 * Tasks are generators. A task never waits by itself: it yields a request ("wake me at time
 * t", "wake me when one of these tasks is done") and the loop resumes it when that has
 * happened. `sleep`, `gather` and `waitFor` are ordinary generators used with `yield*`, the
 * way Python 3.4's asyncio used `yield from asyncio.sleep(1)`: delegation carries their
 * requests up to the loop and their results back down. The clock is virtual, as in
 * exercise 14: it jumps to the next timer when nobody is ready to run, so a day of sleeping
 * takes no time at all, and every run is the same.
 */

/** Thrown into a task at its `yield` by `cancel()`; it may catch it and clean up. */
export class CancelledError extends Error {
  override name = 'CancelledError';
}

/** Thrown by `waitFor` when the task did not finish in time. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

export type Coro<T = unknown> = Generator<unknown, T, unknown>;

// The requests a task can yield to the loop. They are private to this module: code outside
// it asks through sleep, gather and waitFor, and any other yielded value just gives up the turn.

class Sleep {
  constructor(readonly delay: number) {}
}

/** Wake me when any of these tasks is done, or after `timeout` if one is given. */
class WaitAny {
  constructor(
    readonly tasks: Task[],
    readonly timeout?: number,
  ) {}
}

type Outcome<T> = { kind: 'pending' } | { kind: 'returned'; value: T } | { kind: 'failed'; error: unknown; cancelled: boolean };

interface Timer {
  time: number;
  task: Task;
}

export class Task<T = unknown> {
  /** @internal The loop reads and writes these; user code goes through the methods below. */
  outcome: Outcome<T> = { kind: 'pending' };
  /** @internal When it finished, counting across the loop: gather reports the first failure. */
  finishedAt = 0;
  /** @internal A cancellation to deliver at its next turn. */
  cancelPending = false;
  /** @internal The tasks sleeping in a WaitAny on this one, in the order they began to wait. */
  readonly waiters: Task[] = [];
  /** @internal What this task waits on now, so that waking it can undo all of it. */
  timer: Timer | undefined;
  waitingOn: Task[] = [];

  constructor(
    private readonly loop: EventLoop,
    /** @internal */ readonly gen: Coro<T>,
  ) {}

  get done(): boolean {
    return this.outcome.kind !== 'pending';
  }

  get cancelled(): boolean {
    return this.outcome.kind === 'failed' && this.outcome.cancelled;
  }

  /** The return value; or the error that ended it (a CancelledError if it was cancelled). */
  result(): T {
    if (this.outcome.kind === 'pending') throw new Error('the task is not done yet');
    if (this.outcome.kind === 'failed') throw this.outcome.error;
    return this.outcome.value;
  }

  /**
   * Asks the task to stop: on its next turn, which comes at once (it stops sleeping or
   * waiting), `throw(new CancelledError())` lands at its `yield`. It may catch it, clean up,
   * even sleep, and then give up or carry on: Python's cancellation is a request.
   */
  cancel(): boolean {
    if (this.done) return false;
    this.cancelPending = true;
    this.loop.wake(this);
    return true;
  }

  /**
   * Ends the task now with `return()`: no catch can see it, only finally blocks run, and
   * they cannot refuse. The task counts as cancelled.
   */
  close(): void {
    if (this.done) return;
    this.loop.forget(this);
    this.loop.finish(this, { kind: 'failed', error: new CancelledError('the task was closed'), cancelled: true });
    this.gen.return(undefined as T);
  }
}

export class EventLoop {
  private clock = 0;
  /** The task whose turn it is: it is not in any queue until its `yield`. */
  private current: Task | undefined;
  private finishedCount = 0;
  private readonly ready: Task[] = [];
  /** Kept sorted by time; at equal times, in the order they were set. */
  private readonly timers: Timer[] = [];

  get time(): number {
    return this.clock;
  }

  spawn<T>(coro: Coro<T>): Task<T> {
    const task = new Task<T>(this, coro);
    this.ready.push(task);
    return task;
  }

  run<T>(main: Coro<T>): T {
    const task = this.spawn(main);
    while (!task.done) {
      const next = this.ready.shift();
      if (next) {
        this.step(next);
      } else if (this.timers.length > 0) {
        // Nobody can run, so nothing can happen before the next timer: jump straight to it.
        this.clock = this.timers[0]!.time;
        while (this.timers.length > 0 && this.timers[0]!.time === this.clock) this.wake(this.timers[0]!.task);
      } else {
        throw new Error('deadlock: the main task waits, but no task can run and no timer is set');
      }
    }
    return task.result();
  }

  /** One turn: resume the task up to its next `yield`, then act on what it asked for. */
  private step(task: Task): void {
    let result: IteratorResult<unknown, unknown>;
    this.current = task;
    try {
      if (task.cancelPending) {
        task.cancelPending = false;
        result = task.gen.throw(new CancelledError());
      } else {
        result = task.gen.next();
      }
    } catch (error) {
      this.current = undefined;
      this.finish(task, { kind: 'failed', error, cancelled: error instanceof CancelledError });
      return;
    }
    this.current = undefined;
    if (result.done) {
      this.finish(task, { kind: 'returned', value: result.value });
      return;
    }
    const request = result.value;
    // A task that cancelled itself during its turn must not go to sleep on top of it.
    if (task.cancelPending) {
      this.ready.push(task);
    } else if (request instanceof Sleep && request.delay > 0) {
      this.setTimer(task, request.delay);
    } else if (request instanceof WaitAny) {
      // gather and waitFor ask this only for tasks that are not done, in the same turn.
      for (const t of request.tasks) t.waiters.push(task);
      task.waitingOn = [...request.tasks];
      if (request.timeout !== undefined) this.setTimer(task, request.timeout);
    } else {
      // sleep(0), or a bare yield: give the others a turn, without the clock moving.
      this.ready.push(task);
    }
  }

  private setTimer(task: Task, delay: number): void {
    const timer: Timer = { time: this.clock + delay, task };
    // After every timer due at the same time or earlier: equal wake-up times keep the order
    // in which the tasks went to sleep.
    let at = this.timers.length;
    while (at > 0 && this.timers[at - 1]!.time > timer.time) at--;
    this.timers.splice(at, 0, timer);
    task.timer = timer;
  }

  /** @internal Takes the task out of every timer and wait list it is in. */
  forget(task: Task): void {
    if (task.timer) {
      this.timers.splice(this.timers.indexOf(task.timer), 1);
      task.timer = undefined;
    }
    for (const t of task.waitingOn) t.waiters.splice(t.waiters.indexOf(task), 1);
    task.waitingOn = [];
    const queued = this.ready.indexOf(task);
    if (queued >= 0) this.ready.splice(queued, 1);
  }

  /**
   * @internal Makes a sleeping or waiting task ready. One already queued keeps its place, and
   * the running one is queued by its own `yield`.
   */
  wake(task: Task): void {
    if (task === this.current || this.ready.includes(task)) return;
    this.forget(task);
    this.ready.push(task);
  }

  /** @internal */
  finish(task: Task, outcome: Outcome<unknown>): void {
    task.outcome = outcome;
    task.finishedAt = ++this.finishedCount;
    for (const waiter of [...task.waiters]) this.wake(waiter);
  }
}

/** Suspends the calling task for `delay` units of virtual time (0: just a turn). */
export function* sleep(delay: number): Coro<void> {
  if (!(delay >= 0)) throw new RangeError(`sleep needs a delay of 0 or more, not ${delay}`);
  yield new Sleep(delay);
}

/**
 * The results of all the tasks, in the order given, once all are done; or, as soon as one
 * fails, that failure. The others are not stopped: gather only waits.
 */
export function* gather<T>(...tasks: Task<T>[]): Coro<T[]> {
  for (;;) {
    const failed = tasks.filter((t) => t.outcome.kind === 'failed').sort((a, b) => a.finishedAt - b.finishedAt);
    // result() of a failed task throws its error: here, into the task that called gather.
    if (failed.length > 0) failed[0]!.result();
    const pending = tasks.filter((t) => !t.done);
    if (pending.length === 0) return tasks.map((t) => t.result());
    yield new WaitAny(pending);
  }
}

/**
 * The task's result if it finishes within `timeout`; otherwise it is cancelled, and once it
 * has finished (its cleanup may take time too) TimeoutError is thrown.
 */
export function* waitFor<T>(task: Task<T>, timeout: number): Coro<T> {
  if (!(timeout >= 0)) throw new RangeError(`waitFor needs a timeout of 0 or more, not ${timeout}`);
  if (!task.done) yield new WaitAny([task], timeout);
  if (task.done) return task.result();
  task.cancel();
  while (!task.done) yield new WaitAny([task]);
  throw new TimeoutError(`the task did not finish within ${timeout}`);
}
