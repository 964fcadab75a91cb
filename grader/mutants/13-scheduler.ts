import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'lifo-round-robin',
    violates: 'Round robin: tasks run in spawn order, each until it yields, then goes to the back of the queue.',
    edits: [['this.ready.shift(); task; task = this.ready.shift()', 'this.ready.pop(); task; task = this.ready.pop()']],
  },
  {
    name: 'system-call-answered-at-once',
    violates: "Yielding a system call is answered by the scheduler on that task's next turn.",
    edits: [
      ['if (this.systemCall(task, yielded)) return;', 'if (this.systemCall(task, yielded)) {\n        if (task.waitingFor !== undefined || !this.tasks.has(task.tid)) return;\n        resume = task.resume;\n        task.resume = nothing;\n        continue;\n      }'],
      ['task.resume = { ok: true, value };\n    this.ready.push(task);', 'task.resume = { ok: true, value };'],
      ['this.answer(sleeper, true);', 'this.answer(sleeper, true);\n      this.ready.push(sleeper);'],
    ],
  },
  {
    name: 'new-task-queued-after-requester',
    violates: 'NewTask queues the new task at the back before the task that asked is queued again.',
    edits: [['const tid = this.spawn(call.task);\n      this.answer(task, tid);', 'this.answer(task, this.lastTid + 1);\n      this.spawn(call.task);']],
  },
  {
    name: 'kill-without-finally',
    violates: 'KillTask closes the victim with return() (its finally runs).',
    edits: [['frame.return(undefined);', '']],
  },
  {
    name: 'waiters-woken-in-reverse',
    violates: 'When a task exits, the tasks waiting for it are queued in the order they began to wait.',
    edits: [['queue.push(task);', 'queue.unshift(task);']],
  },
  {
    name: 'failed-task-keeps-waiters-asleep',
    violates: 'WaitTask: the task sleeps until that task exits (finishing, failing or being killed all count).',
    edits: [['error });\n          this.exit(task);', 'error });\n          this.tasks.delete(task.tid);']],
  },
  {
    name: 'subroutine-yield-is-return',
    violates: 'Yielding a generator calls it as a subroutine: the task resumes when the subroutine returns, with its return value.',
    edits: [['if (this.systemCall(task, yielded)) return;', 'if (this.systemCall(task, yielded)) return;\n      if (task.stack.length > 1) {\n        task.stack.pop();\n        resume = { ok: true, value: yielded };\n        continue;\n      }']],
  },
  {
    name: 'subroutine-exception-swallowed',
    violates: 'An exception that escapes a subroutine is thrown into its caller at that yield, where the caller may catch it.',
    edits: [['resume = { ok: false, error };', 'resume = nothing;']],
  },
  {
    name: 'no-deadlock-check',
    violates: 'If tasks are left but all are waiting, run() throws Error (message contains deadlock).',
    edits: [['if (this.tasks.size > 0) {', 'if (false) {']],
  },
] satisfies Mutant[];
