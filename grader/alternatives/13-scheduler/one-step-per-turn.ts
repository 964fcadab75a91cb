// Alternative: each task is a Process object that takes exactly one step of its generator stack per turn, so calling a subroutine and returning from it each cost a turn of their own.
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

type Outcome =
  | { kind: 'yielded'; value: unknown }
  | { kind: 'moved' }
  | { kind: 'finished' }
  | { kind: 'failed'; error: unknown };

class Process {
  private readonly stack: Task[];
  private sendValue: unknown = undefined;
  private pending: { error: unknown } | null = null;
  waitingFor: number | null = null;

  constructor(readonly tid: number, body: Task) {
    this.stack = [body];
  }

  send(value: unknown): void {
    this.sendValue = value;
  }

  /** One step: resume the innermost generator once and react to what it does. */
  step(): Outcome {
    const top = this.stack[this.stack.length - 1];
    const value = this.sendValue;
    const pending = this.pending;
    this.sendValue = undefined;
    this.pending = null;
    let result: IteratorResult<unknown, unknown>;
    try {
      result = pending ? top.throw(pending.error) : top.next(value);
    } catch (error) {
      this.stack.pop();
      if (this.stack.length === 0) return { kind: 'failed', error };
      this.pending = { error };
      return { kind: 'moved' };
    }
    if (result.done) {
      this.stack.pop();
      if (this.stack.length === 0) return { kind: 'finished' };
      this.sendValue = result.value;
      return { kind: 'moved' };
    }
    const v = result.value as { next?: unknown; throw?: unknown } | null;
    if (v !== null && typeof v === 'object' && typeof v.next === 'function' && typeof v.throw === 'function') {
      this.stack.push(result.value as Task);
      return { kind: 'moved' };
    }
    return { kind: 'yielded', value: result.value };
  }

  close(): unknown[] {
    const problems: unknown[] = [];
    for (let frame = this.stack.pop(); frame; frame = this.stack.pop()) {
      try {
        frame.return(undefined);
      } catch (error) {
        problems.push(error);
      }
    }
    return problems;
  }
}

export class Scheduler {
  readonly errors: Array<{ tid: number; error: unknown }> = [];
  private readonly processes: Record<number, Process> = {};
  private ready: Process[] = [];
  private readonly waiting: Process[] = [];
  private ids = 0;

  spawn(task: Task): number {
    const process = new Process(++this.ids, task);
    this.processes[process.tid] = process;
    this.ready.push(process);
    return process.tid;
  }

  run(): void {
    while (this.ready.length > 0) {
      const process = this.ready.shift() as Process;
      const outcome = process.step();
      switch (outcome.kind) {
        case 'failed':
          this.errors.push({ tid: process.tid, error: outcome.error });
          this.remove(process);
          break;
        case 'finished':
          this.remove(process);
          break;
        case 'moved':
          this.ready.push(process);
          break;
        case 'yielded':
          this.request(process, outcome.value);
          break;
      }
    }
    if (Object.keys(this.processes).length > 0) {
      throw new Error('deadlock: every remaining task is waiting');
    }
  }

  private request(process: Process, value: unknown): void {
    if (value instanceof GetTid) {
      process.send(process.tid);
    } else if (value instanceof NewTask) {
      process.send(this.spawn(value.task));
    } else if (value instanceof KillTask) {
      const victim = this.processes[value.tid];
      if (victim) {
        this.ready = this.ready.filter((p) => p !== victim);
        const at = this.waiting.indexOf(victim);
        if (at >= 0) this.waiting.splice(at, 1);
        for (const error of victim.close()) this.errors.push({ tid: victim.tid, error });
        this.remove(victim);
      }
      if (victim === process) return;
      process.send(victim !== undefined);
    } else if (value instanceof WaitTask) {
      if (this.processes[value.tid]) {
        process.waitingFor = value.tid;
        this.waiting.push(process);
        return;
      }
      process.send(false);
    }
    this.ready.push(process);
  }

  private remove(process: Process): void {
    delete this.processes[process.tid];
    // `waiting` is kept in the order the tasks began to wait, so filtering keeps that order.
    const woken = this.waiting.filter((p) => p.waitingFor === process.tid);
    for (const sleeper of woken) {
      this.waiting.splice(this.waiting.indexOf(sleeper), 1);
      sleeper.waitingFor = null;
      sleeper.send(true);
      this.ready.push(sleeper);
    }
  }
}
