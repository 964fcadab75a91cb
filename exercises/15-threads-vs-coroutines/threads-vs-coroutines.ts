/**
 * 15 · Threads vs coroutines — one shared counter, many workers, one thread.
 *
 * Read README.md first. Write the `Scheduler` class and turn the five workers into generators
 * (`function*`, keep the parameter and return types).
 * Check your work with `npm run grade -- --exercise 15`; stuck? `npm run hint -- 15`.
 * The threads side of the story is in demo.mjs: `node exercises/15-threads-vs-coroutines/demo.mjs`.
 */

// Given: the type of a task.
export type Task = Generator<unknown, void, unknown>;

// Given: the shared counter. Every read() and every write() is one step of work.
export interface SharedCounter {
  read(): number;
  write(value: number): void;
}

/** Given: a task yields this to ask for the lock of that name. */
export class Acquire {
  constructor(readonly lock: string) {}
}

/** Given: a task yields this to give the lock back. */
export class Release {
  constructor(readonly lock: string) {}
}

/** Given: what the counter throws when an access would go past the scheduler's budget. */
export class OutOfSteps extends Error {
  override name = 'OutOfSteps';
}

// Given: what run() returns.
export interface Report {
  outcome: 'done' | 'out-of-steps' | 'deadlock';
  /** The counter's value when run() returned. */
  counter: number;
  /** Accesses to the counter, all tasks together. */
  steps: number;
  /** How many times each task was resumed, by name (0 for a task that never ran). */
  turns: Record<string, number>;
  /** With out-of-steps: the task that was running when the budget ran out. */
  running?: string;
  /** With deadlock: the cycle of waits, first task repeated at the end: ['a', 'b', 'a']. */
  cycle?: string[];
}

export class Scheduler {
  readonly counter: SharedCounter;

  constructor(options: { maxSteps?: number } = {}) {
    // TODO: keep the budget (no maxSteps: no limit), make the counter (0 at first; every
    // read and write counts one step, and the access that would go past the budget throws
    // OutOfSteps instead), and set up the ready queue, the turns per task and the locks.
    throw new Error('Not implemented: Scheduler (exercises/15-threads-vs-coroutines/threads-vs-coroutines.ts)');
  }

  spawn(name: string, task: Task): void {
    // TODO: remember the task under its name with 0 turns, and queue it at the back.
    throw new Error('Not implemented: Scheduler.spawn (exercises/15-threads-vs-coroutines/threads-vs-coroutines.ts)');
  }

  run(): Report {
    // TODO: round robin, one next() per turn. Handle what each task yields (Acquire, Release,
    // anything else), stop early for OutOfSteps, a task's error or a deadlock (closing the
    // unfinished tasks with return(), in spawn order), and return the report.
    throw new Error('Not implemented: Scheduler.run (exercises/15-threads-vs-coroutines/threads-vs-coroutines.ts)');
  }
}

/** Adds 1 to the counter `times` times, yielding after each increment. */
export function worker(counter: SharedCounter, times: number): Task {
  // TODO: make this a generator. Read and write with no yield between them.
  throw new Error('Not implemented: worker (exercises/15-threads-vs-coroutines/threads-vs-coroutines.ts)');
}

/** Adds 1 `times` times, the way a preempted thread would: read, yield, write. */
export function racyWorker(counter: SharedCounter, times: number): Task {
  // TODO: make this a generator: read, then a plain yield, then write what it read plus one.
  throw new Error('Not implemented: racyWorker (exercises/15-threads-vs-coroutines/threads-vs-coroutines.ts)');
}

/** racyWorker's read, yield, write, made safe by holding `lock` around it. */
export function lockedWorker(counter: SharedCounter, times: number, lock: string): Task {
  // TODO: make this a generator: yield new Acquire(lock), read, yield, write, yield new Release(lock).
  throw new Error('Not implemented: lockedWorker (exercises/15-threads-vs-coroutines/threads-vs-coroutines.ts)');
}

/** Adds 1 forever and never yields. */
export function hog(counter: SharedCounter): Generator<never, never, unknown> {
  // TODO: make this a generator that loops forever without a single yield.
  throw new Error('Not implemented: hog (exercises/15-threads-vs-coroutines/threads-vs-coroutines.ts)');
}

/** Takes lock `first`, pauses, takes `second`, adds 1, releases `second` then `first`. */
export function philosopher(counter: SharedCounter, first: string, second: string): Task {
  // TODO: make this a generator: Acquire(first), a plain yield, Acquire(second), one
  // increment, Release(second), Release(first).
  throw new Error('Not implemented: philosopher (exercises/15-threads-vs-coroutines/threads-vs-coroutines.ts)');
}
