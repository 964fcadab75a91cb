/**
 * 13-scheduler — concurrency in one thread (Beazley's pyos).
 *
 * Every task is a generator, and every `yield` is a trap into the "operating system": the
 * task stops, the scheduler decides what happens next, and later resumes it with `next()`.
 * Nothing runs in parallel; tasks interleave only at their `yield`s, which is why a single
 * thread can juggle many of them without locks.
 */

export type Task = Generator<unknown, unknown, unknown>;

// System calls are plain objects a task yields to ask the scheduler for something. The
// task cannot do these things itself: only the scheduler knows ids, the queue and the others.

/** Asks for the id of the task that yields it. */
export class GetTid {}

/** Asks the scheduler to start `task`; the answer is the new task's id. */
export class NewTask {
  constructor(readonly task: Task) {}
}

/** Asks the scheduler to close task `tid`; the answer says whether such a task existed. */
export class KillTask {
  constructor(readonly tid: number) {}
}

/** Asks to sleep until task `tid` exits; the answer says whether such a task existed. */
export class WaitTask {
  constructor(readonly tid: number) {}
}

/** What a task gets when it resumes: a value through `next()` or an error through `throw()`. */
type Resume = { ok: true; value: unknown } | { ok: false; error: unknown };

interface TaskState {
  readonly tid: number;
  /**
   * The call stack the generator itself cannot have: `stack[0]` is the task's body, the last
   * entry is the subroutine running now. A generator can only yield to whoever called
   * `next()` on it, so nested calls have to be kept here, by the scheduler.
   */
  readonly stack: Task[];
  /** Kept until the task's next turn: a system call is answered then, not at once. */
  resume: Resume;
  /** The task this one sleeps on, if it sleeps. */
  waitingFor?: number;
}

/** What a task gets when nobody has anything to tell it: `next(undefined)`. */
function nothing(): Resume {
  return { ok: true, value: undefined };
}

function isGenerator(value: unknown): value is Task {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Task>;
  return (
    typeof candidate.next === 'function' &&
    typeof candidate.throw === 'function'
  );
}

export class Scheduler {
  readonly errors: Array<{ tid: number; error: unknown }> = [];

  private lastTid = 0;
  /** Every task that has not exited, ready or asleep. */
  private readonly tasks = new Map<number, TaskState>();
  /** First in, first out: that is what makes the order fair (round robin). */
  private readonly ready: TaskState[] = [];
  /** Sleepers per awaited task id, in the order they began to wait. */
  private readonly waiters = new Map<number, TaskState[]>();

  spawn(task: Task): number {
    const state: TaskState = { tid: ++this.lastTid, stack: [task], resume: nothing() };
    this.tasks.set(state.tid, state);
    this.ready.push(state);
    return state.tid;
  }

  run(): void {
    for (let task = this.ready.shift(); task; task = this.ready.shift()) {
      this.turn(task);
    }
    // The queue is empty. Anyone still known to the scheduler is asleep, waiting for a task
    // that can only exit by running: nobody will ever wake them.
    if (this.tasks.size > 0) {
      const asleep = [...this.tasks.keys()].join(', ');
      throw new Error(`deadlock: tasks ${asleep} are all waiting and none can run`);
    }
  }

  /**
   * One turn of one task: resume it where it stopped and go on until it gives up the turn.
   * Calling a subroutine or coming back from one is not giving up the turn; it is just the
   * task's own call stack moving, so it happens inside the same turn.
   */
  private turn(task: TaskState): void {
    let resume = task.resume;
    task.resume = nothing();
    for (;;) {
      const frame = task.stack[task.stack.length - 1];
      let result: IteratorResult<unknown, unknown>;
      try {
        result = resume.ok ? frame.next(resume.value) : frame.throw(resume.error);
      } catch (error) {
        task.stack.pop();
        if (task.stack.length === 0) {
          // The body itself failed: the task is over, but the others need not be.
          this.errors.push({ tid: task.tid, error });
          this.exit(task);
          return;
        }
        // Like a failing function call: the error surfaces in the caller, at its `yield`.
        resume = { ok: false, error };
        continue;
      }

      if (result.done) {
        task.stack.pop();
        if (task.stack.length === 0) {
          this.exit(task);
          return;
        }
        // The subroutine's return value becomes the value of the caller's `yield`.
        resume = { ok: true, value: result.value };
        continue;
      }

      const yielded = result.value;
      if (isGenerator(yielded)) {
        task.stack.push(yielded);
        resume = nothing();
        continue;
      }
      if (this.systemCall(task, yielded)) return;
      // A plain value: the task only politely gives up its turn.
      this.ready.push(task);
      return;
    }
  }

  /** Carries out a system call; false if `call` is not one. */
  private systemCall(task: TaskState, call: unknown): boolean {
    if (call instanceof GetTid) {
      this.answer(task, task.tid);
    } else if (call instanceof NewTask) {
      // Spawning first puts the newcomer in the queue ahead of the task that asked.
      const tid = this.spawn(call.task);
      this.answer(task, tid);
    } else if (call instanceof KillTask) {
      const victim = this.tasks.get(call.tid);
      if (victim) this.kill(victim);
      // A task that killed itself is gone: there is nobody left to answer.
      if (this.tasks.has(task.tid)) this.answer(task, victim !== undefined);
    } else if (call instanceof WaitTask) {
      if (this.tasks.has(call.tid)) {
        // Not queued: the task sleeps until `exit` of the awaited task wakes it.
        task.waitingFor = call.tid;
        const queue = this.waiters.get(call.tid) ?? [];
        queue.push(task);
        this.waiters.set(call.tid, queue);
      } else {
        this.answer(task, false);
      }
    } else {
      return false;
    }
    return true;
  }

  /** The answer is stored now and sent when the task's turn comes round again. */
  private answer(task: TaskState, value: unknown): void {
    task.resume = { ok: true, value };
    this.ready.push(task);
  }

  private kill(victim: TaskState): void {
    const inQueue = this.ready.indexOf(victim);
    if (inQueue >= 0) this.ready.splice(inQueue, 1);
    if (victim.waitingFor !== undefined) {
      const queue = this.waiters.get(victim.waitingFor) ?? [];
      queue.splice(queue.indexOf(victim), 1);
    }
    // return() is Python's close(): it resumes each frame as if its `yield` were a `return`,
    // so `finally` blocks run, innermost subroutine first, just as a call stack unwinds.
    while (victim.stack.length > 0) {
      const frame = victim.stack.pop() as Task;
      try {
        frame.return(undefined);
      } catch (error) {
        this.errors.push({ tid: victim.tid, error });
      }
    }
    this.exit(victim);
  }

  /** Finishing, failing and being killed all end here, so every way out wakes the waiters. */
  private exit(task: TaskState): void {
    this.tasks.delete(task.tid);
    const sleepers = this.waiters.get(task.tid) ?? [];
    this.waiters.delete(task.tid);
    for (const sleeper of sleepers) {
      sleeper.waitingFor = undefined;
      this.answer(sleeper, true);
    }
  }
}
