// Alternative: locks are Mutex objects that hand themselves over, the ready queue is a linked list, the budget lives in a Counter class, and run() cleans up in one finally.
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

class Counter implements SharedCounter {
  value = 0;
  used = 0;
  spent = false;

  constructor(private readonly budget: number) {}

  read(): number {
    this.charge();
    return this.value;
  }

  write(value: number): void {
    this.charge();
    this.value = value;
  }

  private charge(): void {
    if (this.used === this.budget) {
      this.spent = true;
      throw new OutOfSteps('out of steps');
    }
    this.used += 1;
  }
}

class Fiber {
  turns = 0;
  over = false;
  resumeWith: { error: Error } | null = null;
  blockedOn: Mutex | null = null;
  readonly owned = new Set<Mutex>();
  next: Fiber | null = null;

  constructor(
    readonly name: string,
    readonly body: Task,
  ) {}
}

/** Head and tail pointers: push at the tail, take at the head. */
class RunQueue {
  private head: Fiber | null = null;
  private tail: Fiber | null = null;

  push(fiber: Fiber): void {
    fiber.next = null;
    if (this.tail) this.tail.next = fiber;
    else this.head = fiber;
    this.tail = fiber;
  }

  take(): Fiber | null {
    const fiber = this.head;
    if (fiber) {
      this.head = fiber.next;
      if (!this.head) this.tail = null;
      fiber.next = null;
    }
    return fiber;
  }
}

class Mutex {
  owner: Fiber | null = null;
  readonly queue: Fiber[] = [];

  /** Gives the mutex to the longest waiter, if any; returns who got it. */
  handOver(): Fiber | null {
    const heir = this.queue.shift() ?? null;
    this.owner = heir;
    if (heir) {
      heir.blockedOn = null;
      heir.owned.add(this);
    }
    return heir;
  }
}

export class Scheduler {
  private readonly impl: Counter;
  private readonly fibers: Fiber[] = [];
  private readonly runQueue = new RunQueue();
  private readonly mutexes = new Map<string, Mutex>();

  constructor(options: { maxSteps?: number } = {}) {
    this.impl = new Counter(options.maxSteps ?? Number.POSITIVE_INFINITY);
  }

  get counter(): SharedCounter {
    return this.impl;
  }

  spawn(name: string, task: Task): void {
    const fiber = new Fiber(name, task);
    this.fibers.push(fiber);
    this.runQueue.push(fiber);
  }

  run(): Report {
    let stoppedEarly = true;
    try {
      const report = this.loop();
      stoppedEarly = report.outcome !== 'done';
      return report;
    } finally {
      if (stoppedEarly) {
        for (const fiber of this.fibers) {
          if (!fiber.over) {
            fiber.over = true;
            fiber.body.return();
          }
        }
      }
    }
  }

  private loop(): Report {
    let fiber: Fiber | null;
    while ((fiber = this.runQueue.take())) {
      fiber.turns += 1;
      const resume = fiber.resumeWith;
      fiber.resumeWith = null;
      let step: IteratorResult<unknown, void>;
      try {
        step = resume ? fiber.body.throw(resume.error) : fiber.body.next();
      } catch (error) {
        fiber.over = true;
        if (this.impl.spent) return this.report('out-of-steps', fiber.name);
        throw error;
      }
      if (step.done) this.retire(fiber);
      if (this.impl.spent) return this.report('out-of-steps', fiber.name);
      if (!step.done) this.dispatch(fiber, step.value);
    }
    const blocked = this.fibers.find((f) => !f.over);
    if (!blocked) return this.report('done');
    return { ...this.report('deadlock'), cycle: this.findCycle(blocked) };
  }

  private dispatch(fiber: Fiber, request: unknown): void {
    if (request instanceof Acquire) {
      const mutex = this.mutexOf(request.lock);
      if (mutex.owner === null) {
        mutex.owner = fiber;
        fiber.owned.add(mutex);
        this.runQueue.push(fiber);
      } else {
        fiber.blockedOn = mutex;
        mutex.queue.push(fiber);
      }
      return;
    }
    if (request instanceof Release) {
      const mutex = this.mutexes.get(request.lock);
      if (mutex && mutex.owner === fiber) {
        fiber.owned.delete(mutex);
        const heir = mutex.handOver();
        if (heir) this.runQueue.push(heir);
      } else {
        fiber.resumeWith = { error: new Error(`lock ${request.lock} is not held by ${fiber.name}`) };
      }
    }
    this.runQueue.push(fiber);
  }

  private retire(fiber: Fiber): void {
    fiber.over = true;
    for (const mutex of fiber.owned) {
      const heir = mutex.handOver();
      if (heir) this.runQueue.push(heir);
    }
    fiber.owned.clear();
  }

  private mutexOf(name: string): Mutex {
    let mutex = this.mutexes.get(name);
    if (!mutex) {
      mutex = new Mutex();
      this.mutexes.set(name, mutex);
    }
    return mutex;
  }

  /** Walks "is blocked by the owner of" and keeps the part of the walk that loops. */
  private findCycle(start: Fiber): string[] {
    const order = new Map<Fiber, number>();
    const walk: string[] = [];
    let at: Fiber = start;
    while (!order.has(at)) {
      order.set(at, walk.length);
      walk.push(at.name);
      at = at.blockedOn!.owner!;
    }
    return [...walk.slice(order.get(at)), at.name];
  }

  private report(outcome: Report['outcome'], running?: string): Report {
    const turns: Record<string, number> = {};
    for (const f of this.fibers) turns[f.name] = f.turns;
    const report: Report = { outcome, counter: this.impl.value, steps: this.impl.used, turns };
    if (running !== undefined) report.running = running;
    return report;
  }
}

export function* worker(counter: SharedCounter, times: number): Task {
  let left = times;
  while (left-- > 0) {
    const next = counter.read() + 1;
    counter.write(next);
    yield;
  }
}

export function* racyWorker(counter: SharedCounter, times: number): Task {
  for (let done = 0; done < times; done++) {
    const before = counter.read();
    yield;
    counter.write(before + 1);
  }
}

export function* lockedWorker(counter: SharedCounter, times: number, lock: string): Task {
  for (let done = 0; done < times; done++) {
    yield new Acquire(lock);
    yield* racyWorker(counter, 1);
    yield new Release(lock);
  }
}

export function* hog(counter: SharedCounter): Generator<never, never, unknown> {
  while (true) {
    const value = counter.read();
    counter.write(value + 1);
  }
}

export function* philosopher(counter: SharedCounter, first: string, second: string): Task {
  for (const lock of [first, undefined, second]) yield lock === undefined ? undefined : new Acquire(lock);
  counter.write(counter.read() + 1);
  for (const lock of [second, first]) yield new Release(lock);
}
