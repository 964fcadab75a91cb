/**
 * 15 · Threads vs coroutines — the same job (many workers, one shared counter) as
 * cooperative tasks in one thread.
 *
 * A thread can be stopped between any two instructions, so `counter = counter + 1` can lose
 * an update unless something makes it atomic. A coroutine stops only at its own `yield`, so
 * whatever it does between two yields happens with nobody else running: no lock needed. The
 * price is the other side of the same coin: a task that never yields keeps everyone else
 * waiting, and a task that holds a lock across a `yield` can still deadlock. This scheduler
 * makes all three visible: it counts every access to the counter (a watchdog that stops a
 * task that never yields, instead of hanging), and it knows who holds and who wants each
 * lock (so a cycle of waits is reported instead of hanging).
 */

export type Task = Generator<unknown, void, unknown>;

/** The shared counter. Every `read()` and every `write()` is one step of work. */
export interface SharedCounter {
  read(): number;
  write(value: number): void;
}

/** Asks for the lock of that name: the task sleeps until it holds it. */
export class Acquire {
  constructor(readonly lock: string) {}
}

/** Gives the lock back; the first task waiting for it gets it. */
export class Release {
  constructor(readonly lock: string) {}
}

/** Thrown by the counter in the task whose access would go past the scheduler's budget. */
export class OutOfSteps extends Error {
  override name = 'OutOfSteps';
}

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

interface TaskState {
  readonly name: string;
  readonly gen: Task;
  finished: boolean;
  /** Delivered on the task's next turn: an error thrown in at its `yield`, if any. */
  pendingError?: Error;
  /** The lock it sleeps on, while it sleeps. */
  wants?: string;
  /** Locks it holds, in the order it got them. */
  readonly holds: string[];
}

interface Lock {
  holder: TaskState;
  /** First come, first served. */
  readonly waiters: TaskState[];
}

export class Scheduler {
  readonly counter: SharedCounter;

  private readonly maxSteps: number;
  private value = 0;
  private steps = 0;
  private exhausted = false;
  private readonly tasks: TaskState[] = [];
  private readonly turns: Record<string, number> = {};
  private readonly ready: TaskState[] = [];
  private readonly locks = new Map<string, Lock>();

  constructor(options: { maxSteps?: number } = {}) {
    this.maxSteps = options.maxSteps ?? Infinity;
    // The counter is the watchdog: a task that never yields never comes back to run(), so the
    // only place left to stop it is inside the work it keeps doing.
    const step = (): void => {
      if (this.steps >= this.maxSteps) {
        this.exhausted = true;
        throw new OutOfSteps(`the budget of ${this.maxSteps} steps is spent`);
      }
      this.steps++;
    };
    this.counter = {
      read: () => {
        step();
        return this.value;
      },
      write: (value: number) => {
        step();
        this.value = value;
      },
    };
  }

  spawn(name: string, task: Task): void {
    const state: TaskState = { name, gen: task, finished: false, holds: [] };
    this.tasks.push(state);
    this.turns[name] = 0;
    this.ready.push(state);
  }

  run(): Report {
    for (let task = this.ready.shift(); task; task = this.ready.shift()) {
      let result: IteratorResult<unknown, void>;
      this.turns[task.name]!++;
      try {
        const error = task.pendingError;
        task.pendingError = undefined;
        result = error ? task.gen.throw(error) : task.gen.next();
      } catch (error) {
        task.finished = true;
        this.closeAll();
        if (this.exhausted) return this.report('out-of-steps', { running: task.name });
        throw error;
      }
      // A task that caught OutOfSteps still cannot have more: the budget is the budget.
      if (this.exhausted) {
        if (result.done) this.finish(task);
        this.closeAll();
        return this.report('out-of-steps', { running: task.name });
      }
      if (result.done) {
        this.finish(task);
      } else {
        this.handle(task, result.value);
      }
    }
    const sleepers = this.tasks.filter((t) => !t.finished);
    if (sleepers.length === 0) return this.report('done');
    const cycle = this.cycleFrom(sleepers[0]!);
    this.closeAll();
    return this.report('deadlock', { cycle });
  }

  /** Every yield ends the turn; what was yielded decides where the task goes next. */
  private handle(task: TaskState, yielded: unknown): void {
    if (yielded instanceof Acquire) {
      const lock = this.locks.get(yielded.lock);
      if (!lock) {
        this.locks.set(yielded.lock, { holder: task, waiters: [] });
        task.holds.push(yielded.lock);
        this.ready.push(task);
      } else {
        // Also when the holder is the task itself: these locks do not count, so it waits
        // for itself, which is a cycle of one.
        task.wants = yielded.lock;
        lock.waiters.push(task);
      }
    } else if (yielded instanceof Release) {
      if (this.locks.get(yielded.lock)?.holder !== task) {
        task.pendingError = new Error(`${task.name} released lock "${yielded.lock}", which it does not hold (not held)`);
      } else {
        this.release(task, yielded.lock);
      }
      this.ready.push(task);
    } else {
      this.ready.push(task);
    }
  }

  private release(task: TaskState, name: string): void {
    task.holds.splice(task.holds.indexOf(name), 1);
    const lock = this.locks.get(name)!;
    const next = lock.waiters.shift();
    if (!next) {
      this.locks.delete(name);
      return;
    }
    // Handed over, not freed: nobody can slip in between the release and the waiter's turn.
    lock.holder = next;
    next.wants = undefined;
    next.holds.push(name);
    this.ready.push(next);
  }

  /** A task that ends still holding locks gives them on, or its waiters would sleep forever. */
  private finish(task: TaskState): void {
    task.finished = true;
    for (const name of [...task.holds]) this.release(task, name);
  }

  /**
   * Each sleeper waits for the holder of one lock, and every holder is asleep too (else the
   * queue would not be empty), so following "waits for" from any sleeper must come round.
   */
  private cycleFrom(start: TaskState): string[] {
    const path: TaskState[] = [];
    let task = start;
    while (!path.includes(task)) {
      path.push(task);
      task = this.locks.get(task.wants!)!.holder;
    }
    return [...path.slice(path.indexOf(task)), task].map((t) => t.name);
  }

  /** Stopping early still lets every unfinished task's `finally` run, in spawn order. */
  private closeAll(): void {
    // run() returns right after this, so nothing needs the closed tasks marked finished.
    for (const task of this.tasks) {
      if (!task.finished) task.gen.return(undefined);
    }
  }

  private report(outcome: Report['outcome'], extra: Partial<Report> = {}): Report {
    return { outcome, counter: this.value, steps: this.steps, turns: { ...this.turns }, ...extra };
  }
}

/** A well-behaved worker: read and write with no `yield` between, so no update is lost. */
export function* worker(counter: SharedCounter, times: number): Task {
  for (let i = 0; i < times; i++) {
    counter.write(counter.read() + 1);
    yield;
  }
}

/**
 * What a thread does when it is preempted between its load and its store, written out: the
 * `yield` between the read and the write is the one place where another task can get in.
 */
export function* racyWorker(counter: SharedCounter, times: number): Task {
  for (let i = 0; i < times; i++) {
    const seen = counter.read();
    yield;
    counter.write(seen + 1);
  }
}

/** The same gap as racyWorker, made safe by holding a lock across it. */
export function* lockedWorker(counter: SharedCounter, times: number, lock: string): Task {
  for (let i = 0; i < times; i++) {
    yield new Acquire(lock);
    const seen = counter.read();
    yield;
    counter.write(seen + 1);
    yield new Release(lock);
  }
}

/** Never yields: in a cooperative world nobody else runs until it stops, and it never stops. */
export function* hog(counter: SharedCounter): Generator<never, never, unknown> {
  for (;;) counter.write(counter.read() + 1);
}

/**
 * Takes two locks with a pause between them (the bad luck that lets another task take the
 * second one meanwhile), increments once while holding both, then gives them back.
 */
export function* philosopher(counter: SharedCounter, first: string, second: string): Task {
  yield new Acquire(first);
  yield;
  yield new Acquire(second);
  counter.write(counter.read() + 1);
  yield new Release(second);
  yield new Release(first);
}
