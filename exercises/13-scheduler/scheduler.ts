/**
 * 13-scheduler — concurrency in one thread (Beazley's pyos).
 *
 * Every task is a generator; every `yield` hands control back to the scheduler, which
 * decides who runs next. Read README.md first.
 */

// Given: the type of a task.
export type Task = Generator<unknown, unknown, unknown>;

// Given: the system calls. A task yields one of these to ask the scheduler for something.

/** Given: asks for the id of the task that yields it. */
export class GetTid {}

/** Given: asks the scheduler to start `task`; the answer is the new task's id. */
export class NewTask {
  constructor(readonly task: Task) {}
}

/** Given: asks the scheduler to close task `tid` (true if it existed, false if not). */
export class KillTask {
  constructor(readonly tid: number) {}
}

/** Given: asks to sleep until task `tid` exits (true when it does; false at once if unknown). */
export class WaitTask {
  constructor(readonly tid: number) {}
}

export class Scheduler {
  readonly errors: Array<{ tid: number; error: unknown }> = [];

  constructor() {
    // TODO: set up what the scheduler keeps: the next id, the known tasks, the ready queue
    // (first in, first out), who waits for whom, and for each task its stack of generators
    // (body first, running subroutine last) and the answer to send on its next turn.
    throw new Error('Not implemented: Scheduler (exercises/13-scheduler/scheduler.ts)');
  }

  spawn(task: Task): number {
    // TODO: give the task the next id (1, 2, 3, …), queue it at the back, return the id.
    throw new Error('Not implemented: Scheduler.spawn (exercises/13-scheduler/scheduler.ts)');
  }

  run(): void {
    // TODO: take tasks from the front of the queue and run each one turn until the queue is
    // empty; then throw an Error containing "deadlock" if tasks are left (all waiting).
    throw new Error('Not implemented: Scheduler.run (exercises/13-scheduler/scheduler.ts)');
  }
}
