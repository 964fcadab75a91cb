// Alternative: each task is wrapped in a recursive driver generator that runs subroutines itself (with manual next()/throw()), so the scheduler only ever sees plain values and system calls, and tracks tasks by id.
export type Task = Generator<unknown, unknown, unknown>;

export class GetTid {}
export class NewTask {
  constructor(readonly task: Task) {}
}
export class KillTask {
  constructor(readonly tid: number) {}
}
export class WaitTask {
  constructor(readonly tid: number) {}
}

function isGenerator(value: unknown): value is Task {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Task).next === 'function' &&
    typeof (value as Task).throw === 'function'
  );
}

/**
 * Runs `gen` and every subroutine it yields, passing up only what the scheduler must see.
 * A subroutine is just a recursive `yield*`; its failure comes back as a throw into `gen`.
 */
function* drive(gen: Task): Generator<unknown, unknown, unknown> {
  let fail = false;
  let input: unknown = undefined;
  try {
    for (;;) {
      const step = fail ? gen.throw(input) : gen.next(input);
      if (step.done) return step.value;
      if (isGenerator(step.value)) {
        try {
          input = yield* drive(step.value);
          fail = false;
        } catch (error) {
          input = error;
          fail = true;
        }
      } else {
        input = yield step.value;
        fail = false;
      }
    }
  } finally {
    // Killing the driver must close the generator it drives too (a no-op once it is done).
    gen.return(undefined);
  }
}

export class Scheduler {
  readonly errors: Array<{ tid: number; error: unknown }> = [];
  #count = 0;
  #drivers = new Map<number, Generator<unknown, unknown, unknown>>();
  #replies = new Map<number, unknown>();
  #queue: number[] = [];
  #sleepers = new Map<number, number[]>();

  spawn(task: Task): number {
    const tid = ++this.#count;
    this.#drivers.set(tid, drive(task));
    this.#queue.push(tid);
    return tid;
  }

  run(): void {
    while (this.#queue.length) {
      const tid = this.#queue.shift() as number;
      const driver = this.#drivers.get(tid);
      if (!driver) continue;
      const reply = this.#replies.get(tid);
      this.#replies.delete(tid);
      let step: IteratorResult<unknown, unknown>;
      try {
        step = driver.next(reply);
      } catch (error) {
        this.errors.push({ tid, error });
        this.#finish(tid);
        continue;
      }
      if (step.done) {
        this.#finish(tid);
        continue;
      }
      this.#handle(tid, step.value);
    }
    if (this.#drivers.size) throw new Error('deadlock detected');
  }

  #reply(tid: number, value: unknown): void {
    this.#replies.set(tid, value);
    this.#queue.push(tid);
  }

  #handle(tid: number, request: unknown): void {
    if (request instanceof GetTid) return this.#reply(tid, tid);
    if (request instanceof NewTask) return this.#reply(tid, this.spawn(request.task));
    if (request instanceof KillTask) {
      const victim = this.#drivers.get(request.tid);
      if (!victim) return this.#reply(tid, false);
      this.#queue = this.#queue.filter((t) => t !== request.tid);
      for (const list of this.#sleepers.values()) {
        const at = list.indexOf(request.tid);
        if (at >= 0) list.splice(at, 1);
      }
      try {
        victim.return(undefined);
      } catch (error) {
        this.errors.push({ tid: request.tid, error });
      }
      this.#finish(request.tid);
      if (this.#drivers.has(tid)) this.#reply(tid, true);
      return;
    }
    if (request instanceof WaitTask) {
      if (!this.#drivers.has(request.tid)) return this.#reply(tid, false);
      const list = this.#sleepers.get(request.tid) ?? [];
      list.push(tid);
      this.#sleepers.set(request.tid, list);
      return;
    }
    this.#queue.push(tid);
  }

  #finish(tid: number): void {
    this.#drivers.delete(tid);
    const list = this.#sleepers.get(tid) ?? [];
    this.#sleepers.delete(tid);
    for (const sleeper of list) this.#reply(sleeper, true);
  }
}
