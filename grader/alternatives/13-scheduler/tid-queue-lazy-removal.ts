// Alternative: tasks are plain records in a Map by id and the ready queue holds ids, not tasks; a killed task is only dropped from the Map, and its id is skipped when it comes up in the queue. A turn runs the task's stack until a real yield, so calling and returning from a subroutine cost no turn.
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

interface TaskRecord {
  tid: number;
  /** The body first, the running subroutine last. */
  stack: Task[];
  /** What the top of the stack gets on its next turn. */
  resume: { throws: false; value: unknown } | { throws: true; error: unknown };
  /** Ids of the tasks waiting for this one, in the order they began to wait. */
  waiters: number[];
}

function isGenerator(value: unknown): value is Task {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { next?: unknown; throw?: unknown };
  return typeof candidate.next === 'function' && typeof candidate.throw === 'function';
}

export class Scheduler {
  readonly errors: Array<{ tid: number; error: unknown }> = [];
  private lastTid = 0;
  private readonly live = new Map<number, TaskRecord>();
  private readonly queue: number[] = [];

  spawn(task: Task): number {
    const tid = ++this.lastTid;
    this.live.set(tid, { tid, stack: [task], resume: { throws: false, value: undefined }, waiters: [] });
    this.queue.push(tid);
    return tid;
  }

  run(): void {
    while (this.queue.length > 0) {
      const tid = this.queue.shift()!;
      const record = this.live.get(tid);
      if (record) this.turn(record);
    }
    if (this.live.size > 0) {
      throw new Error(`deadlock: tasks ${[...this.live.keys()].join(', ')} all wait and nobody can wake them`);
    }
  }

  private turn(record: TaskRecord): void {
    for (;;) {
      const top = record.stack[record.stack.length - 1]!;
      const resume = record.resume;
      record.resume = { throws: false, value: undefined };
      let step: IteratorResult<unknown, unknown>;
      try {
        step = resume.throws ? top.throw(resume.error) : top.next(resume.value);
      } catch (error) {
        record.stack.pop();
        if (record.stack.length === 0) {
          this.errors.push({ tid: record.tid, error });
          this.exit(record);
          return;
        }
        record.resume = { throws: true, error };
        continue;
      }
      if (step.done) {
        record.stack.pop();
        if (record.stack.length === 0) {
          this.exit(record);
          return;
        }
        record.resume = { throws: false, value: step.value };
        continue;
      }
      const request = step.value;
      if (isGenerator(request)) {
        record.stack.push(request);
        continue;
      }
      this.answer(record, request);
      return;
    }
  }

  /** Handles what the task yielded; the task goes back in the queue unless it now sleeps. */
  private answer(record: TaskRecord, request: unknown): void {
    let value: unknown = undefined;
    if (request instanceof GetTid) {
      value = record.tid;
    } else if (request instanceof NewTask) {
      value = this.spawn(request.task);
    } else if (request instanceof KillTask) {
      const victim = this.live.get(request.tid);
      value = victim !== undefined;
      if (victim) this.kill(victim);
      if (victim === record) return;
    } else if (request instanceof WaitTask) {
      const awaited = this.live.get(request.tid);
      if (awaited) {
        awaited.waiters.push(record.tid);
        record.resume = { throws: false, value: true };
        return;
      }
      value = false;
    }
    record.resume = { throws: false, value };
    this.queue.push(record.tid);
  }

  private kill(victim: TaskRecord): void {
    // Innermost first, so each subroutine's finally runs before its caller's; an error one of
    // them throws is the victim's, recorded like any other.
    for (let i = victim.stack.length - 1; i >= 0; i--) {
      try {
        victim.stack[i]!.return(undefined);
      } catch (error) {
        this.errors.push({ tid: victim.tid, error });
      }
    }
    this.exit(victim);
  }

  private exit(record: TaskRecord): void {
    this.live.delete(record.tid);
    for (const waiter of record.waiters) {
      if (this.live.has(waiter)) this.queue.push(waiter);
    }
  }
}
