// Alternative: each task carries an explicit state ('queued', 'asleep', 'finished'), the locks are one table from name to holder and waiting line, the budget is a closure over the step count, and the cycle of waits is found by walking that table.
export type Task = Generator<unknown, void, unknown>;

export interface SharedCounter {
  read(): number;
  write(value: number): void;
}

export class Acquire {
  constructor(readonly lock: string) {}
}

export class Release {
  constructor(readonly lock: string) {}
}

export class OutOfSteps extends Error {
  override name = 'OutOfSteps';
}

export interface Report {
  outcome: 'done' | 'out-of-steps' | 'deadlock';
  counter: number;
  steps: number;
  turns: Record<string, number>;
  running?: string;
  cycle?: string[];
}

interface TaskState {
  name: string;
  gen: Task;
  state: 'queued' | 'asleep' | 'finished';
  turns: number;
  /** Locks held, in the order they were got. */
  holding: string[];
  /** The lock it sleeps for. */
  wants?: string;
  /** Thrown into it at its yield on its next turn. */
  throwNext?: Error;
}

interface LockEntry {
  holder?: TaskState;
  line: TaskState[];
}

export class Scheduler {
  readonly counter: SharedCounter;
  private value = 0;
  private steps = 0;
  private readonly tasks: TaskState[] = [];
  private readonly queue: TaskState[] = [];
  private readonly locks = new Map<string, LockEntry>();
  private current?: TaskState;
  private ranOut?: TaskState;

  constructor(options: { maxSteps?: number } = {}) {
    const limit = options.maxSteps;
    const spend = (): void => {
      if (limit !== undefined && this.steps >= limit) {
        this.ranOut ??= this.current;
        throw new OutOfSteps(`the budget of ${limit} steps is spent`);
      }
      this.steps += 1;
    };
    this.counter = {
      read: () => {
        spend();
        return this.value;
      },
      write: (v: number) => {
        spend();
        this.value = v;
      },
    };
  }

  spawn(name: string, task: Task): void {
    const entry: TaskState = { name, gen: task, state: 'queued', turns: 0, holding: [] };
    this.tasks.push(entry);
    this.queue.push(entry);
  }

  run(): Report {
    while (this.queue.length > 0) {
      const task = this.queue.shift()!;
      this.current = task;
      task.turns += 1;
      let step: IteratorResult<unknown, void>;
      try {
        const error = task.throwNext;
        task.throwNext = undefined;
        step = error ? task.gen.throw(error) : task.gen.next();
      } catch (error) {
        task.state = 'finished';
        if (this.ranOut) return this.stop({ outcome: 'out-of-steps', running: this.ranOut.name });
        this.closeUnfinished();
        throw error;
      } finally {
        this.current = undefined;
      }
      if (this.ranOut) return this.stop({ outcome: 'out-of-steps', running: this.ranOut.name });
      if (step.done) {
        task.state = 'finished';
        for (const lock of [...task.holding]) this.handOn(task, lock);
        continue;
      }
      this.serve(task, step.value);
    }
    const asleep = this.tasks.filter((t) => t.state === 'asleep');
    if (asleep.length === 0) return this.report({ outcome: 'done' });
    return this.stop({ outcome: 'deadlock', cycle: this.cycleFrom(asleep[0]!) });
  }

  private lock(name: string): LockEntry {
    let entry = this.locks.get(name);
    if (!entry) {
      entry = { line: [] };
      this.locks.set(name, entry);
    }
    return entry;
  }

  private enqueue(task: TaskState): void {
    task.state = 'queued';
    this.queue.push(task);
  }

  private serve(task: TaskState, request: unknown): void {
    if (request instanceof Acquire) {
      const entry = this.lock(request.lock);
      if (entry.holder === undefined) {
        entry.holder = task;
        task.holding.push(request.lock);
        this.enqueue(task);
      } else {
        entry.line.push(task);
        task.state = 'asleep';
        task.wants = request.lock;
      }
    } else if (request instanceof Release) {
      if (this.lock(request.lock).holder === task) {
        this.handOn(task, request.lock);
      } else {
        task.throwNext = new Error(`lock ${request.lock} is not held by ${task.name}`);
      }
      this.enqueue(task);
    } else {
      this.enqueue(task);
    }
  }

  /** `from` gives up `name`: the longest waiter gets it and is queued. */
  private handOn(from: TaskState, name: string): void {
    from.holding.splice(from.holding.indexOf(name), 1);
    const entry = this.lock(name);
    const next = entry.line.shift();
    entry.holder = next;
    if (next) {
      next.holding.push(name);
      next.wants = undefined;
      this.enqueue(next);
    }
  }

  private cycleFrom(start: TaskState): string[] {
    const path: TaskState[] = [];
    let at: TaskState | undefined = start;
    while (at && !path.includes(at)) {
      path.push(at);
      at = at.wants === undefined ? undefined : this.lock(at.wants).holder;
    }
    if (!at) return path.map((t) => t.name);
    const loop = path.slice(path.indexOf(at));
    return [...loop, at].map((t) => t.name);
  }

  private closeUnfinished(): void {
    for (const task of this.tasks) {
      if (task.state !== 'finished') {
        task.state = 'finished';
        task.gen.return(undefined);
      }
    }
  }

  private stop(extra: Pick<Report, 'outcome' | 'running' | 'cycle'>): Report {
    this.closeUnfinished();
    return this.report(extra);
  }

  private report(extra: Pick<Report, 'outcome' | 'running' | 'cycle'>): Report {
    const turns: Record<string, number> = {};
    for (const task of this.tasks) turns[task.name] = task.turns;
    return { ...extra, counter: this.value, steps: this.steps, turns };
  }
}

export function* worker(counter: SharedCounter, times: number): Task {
  for (let done = 0; done < times; done++) {
    counter.write(counter.read() + 1);
    yield;
  }
}

export function* racyWorker(counter: SharedCounter, times: number): Task {
  for (let done = 0; done < times; done++) {
    const seen = counter.read();
    yield;
    counter.write(seen + 1);
  }
}

export function* lockedWorker(counter: SharedCounter, times: number, lock: string): Task {
  for (let done = 0; done < times; done++) {
    yield new Acquire(lock);
    const seen = counter.read();
    yield;
    counter.write(seen + 1);
    yield new Release(lock);
  }
}

export function* hog(counter: SharedCounter): Generator<never, never, unknown> {
  for (;;) counter.write(counter.read() + 1);
}

export function* philosopher(counter: SharedCounter, first: string, second: string): Task {
  yield new Acquire(first);
  yield;
  yield new Acquire(second);
  counter.write(counter.read() + 1);
  yield new Release(second);
  yield new Release(first);
}
