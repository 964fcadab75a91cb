/**
 * 16 · Event loop — a small asyncio on a virtual clock.
 *
 * Read README.md first. Write `Task` and `EventLoop`, and turn `sleep`, `gather` and
 * `waitFor` into generators (`function*`, keep the parameter and return types). How a task
 * tells the loop what it waits for is up to you: the objects it yields are private to this file.
 * Check your work with `npm run grade -- --exercise 16`; stuck? `npm run hint -- 16`.
 */

/** Given: thrown into a task at its `yield` by `cancel()`; the task may catch it. */
export class CancelledError extends Error {
  override name = 'CancelledError';
}

/** Given: thrown by `waitFor` when the task did not finish in time. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

// Given: what the loop runs. A coroutine that returns a T.
export type Coro<T = unknown> = Generator<unknown, T, unknown>;

/** One coroutine, as the loop runs it. Only `EventLoop.spawn` makes these. */
export class Task<T = unknown> {
  constructor() {
    // TODO: a task needs its generator, a way back to its loop (cancel and close change
    // what the loop does with it), and its outcome: still pending, returned a value, or
    // failed with an error (cancelled when that error is a CancelledError, or it was closed).
    throw new Error('Not implemented: Task (exercises/16-event-loop/event-loop.ts)');
  }

  get done(): boolean {
    // TODO: true once the task has returned, failed or been cancelled.
    throw new Error('Not implemented: Task.done (exercises/16-event-loop/event-loop.ts)');
  }

  get cancelled(): boolean {
    // TODO: true when it ended with a CancelledError, or was closed.
    throw new Error('Not implemented: Task.cancelled (exercises/16-event-loop/event-loop.ts)');
  }

  result(): T {
    // TODO: the return value; or throw the error that ended it; or, while it is not done,
    // throw an Error whose message contains "not done".
    throw new Error('Not implemented: Task.result (exercises/16-event-loop/event-loop.ts)');
  }

  cancel(): boolean {
    // TODO: false if done. Else arrange for throw(new CancelledError()) at the task's next
    // turn, make it ready now (it stops sleeping or waiting), and return true.
    throw new Error('Not implemented: Task.cancel (exercises/16-event-loop/event-loop.ts)');
  }

  close(): void {
    // TODO: nothing if done. Else take it out of the loop's queues, call return() on its
    // generator now, count it as cancelled, and wake the tasks waiting for it.
    throw new Error('Not implemented: Task.close (exercises/16-event-loop/event-loop.ts)');
  }
}

export class EventLoop {
  constructor() {
    // TODO: the virtual clock (0), the ready queue (first in, first out) and the timers.
    throw new Error('Not implemented: EventLoop (exercises/16-event-loop/event-loop.ts)');
  }

  get time(): number {
    // TODO: the virtual clock.
    throw new Error('Not implemented: EventLoop.time (exercises/16-event-loop/event-loop.ts)');
  }

  spawn<T>(coro: Coro<T>): Task<T> {
    // TODO: wrap the coroutine in a Task, queue it at the back, and return the Task.
    throw new Error('Not implemented: EventLoop.spawn (exercises/16-event-loop/event-loop.ts)');
  }

  run<T>(main: Coro<T>): T {
    // TODO: spawn main, then until it is done: run the task at the front of the queue for
    // one turn; if none is ready, move the clock to the earliest timer and wake the tasks
    // due then; if there is no timer either, throw an Error containing "deadlock".
    // Return main's result (or throw its error).
    throw new Error('Not implemented: EventLoop.run (exercises/16-event-loop/event-loop.ts)');
  }
}

/** Suspends the calling task for `delay` units of virtual time. */
export function sleep(delay: number): Coro<void> {
  // TODO: make this a generator. A delay below 0 throws RangeError; 0 only gives up the turn.
  throw new Error('Not implemented: sleep (exercises/16-event-loop/event-loop.ts)');
}

/** The results of all the tasks, in the order given; or the first failure among them. */
export function gather<T>(...tasks: Task<T>[]): Coro<T[]> {
  // TODO: make this a generator that yields to the loop until every task is done, or one fails.
  throw new Error('Not implemented: gather (exercises/16-event-loop/event-loop.ts)');
}

/** The task's result if it finishes within `timeout`; else cancel it and throw TimeoutError. */
export function waitFor<T>(task: Task<T>, timeout: number): Coro<T> {
  // TODO: make this a generator. On timeout, cancel the task, wait until it is done, then
  // throw a TimeoutError.
  throw new Error('Not implemented: waitFor (exercises/16-event-loop/event-loop.ts)');
}
