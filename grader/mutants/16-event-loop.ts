import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'lifo-ready-queue',
    violates: 'Tasks run in spawn order, each until it yields; a bare yield sends the task to the back of the queue.',
    edits: [['const next = this.ready.shift();', 'const next = this.ready.pop();']],
  },
  {
    name: 'run-waits-for-every-task',
    violates: 'run() returns as soon as main is done, and leaves the other tasks where they are.',
    edits: [['    while (!task.done) {\n      const next', '    while (!task.done || this.ready.length > 0 || this.timers.length > 0) {\n      const next']],
  },
  {
    name: 'deadlock-not-reported',
    violates: 'When main is not done, no task is ready and no timer is set, run() throws an Error whose message contains "deadlock".',
    edits: [["        throw new Error('deadlock: the main task waits, but no task can run and no timer is set');", '        break;']],
  },
  {
    name: 'spawned-task-error-stops-the-loop',
    violates: 'An error that escapes a spawned task does not stop the loop: the task keeps it, and its result() throws it.',
    edits: [['      this.finish(task, { kind: \'failed\', error, cancelled: error instanceof CancelledError });\n      return;', '      this.finish(task, { kind: \'failed\', error, cancelled: error instanceof CancelledError });\n      throw error;']],
  },
  {
    name: 'every-failure-counts-as-cancelled',
    violates: 'cancelled is true only when the task ended with a CancelledError, or was closed.',
    edits: [['cancelled: error instanceof CancelledError });', 'cancelled: true });']],
  },
  {
    name: 'equal-wake-times-last-come-first-served',
    violates: 'Tasks due at the same time wake in the order they went to sleep.',
    edits: [['while (at > 0 && this.timers[at - 1]!.time > timer.time) at--;', 'while (at > 0 && this.timers[at - 1]!.time >= timer.time) at--;']],
  },
  {
    name: 'sleep-zero-sets-a-timer',
    violates: 'sleep(0) sends the task to the back of the ready queue; the clock does not move and no timer is involved.',
    edits: [['} else if (request instanceof Sleep && request.delay > 0) {', '} else if (request instanceof Sleep) {']],
  },
  {
    name: 'sleep-accepts-a-negative-delay',
    violates: 'sleep with a delay below 0 throws RangeError in the task that calls it.',
    edits: [['  if (!(delay >= 0)) throw new RangeError(`sleep needs a delay of 0 or more, not ${delay}`);\n', '']],
  },
  {
    name: 'gather-fails-only-when-all-are-done',
    violates: 'If one of the tasks fails, gather throws its error into the waiting task as soon as it happens.',
    edits: [[
      '    if (failed.length > 0) failed[0]!.result();\n    const pending = tasks.filter((t) => !t.done);',
      '    const pending = tasks.filter((t) => !t.done);\n    if (pending.length === 0 && failed.length > 0) failed[0]!.result();',
    ]],
  },
  {
    name: 'gather-results-in-finishing-order',
    violates: 'gather gives the results in the order of its arguments, not in the order the tasks finished.',
    edits: [['return tasks.map((t) => t.result());', 'return [...tasks].sort((a, b) => a.finishedAt - b.finishedAt).map((t) => t.result());']],
  },
  {
    name: 'wait-for-does-not-cancel',
    violates: 'On timeout, waitFor cancels the task.',
    edits: [['  task.cancel();\n  while (!task.done)', '  while (!task.done)']],
  },
  {
    name: 'wait-for-skips-the-cleanup',
    violates: 'On timeout, waitFor waits until the cancelled task has finished (its cleanup included) before it throws TimeoutError.',
    edits: [['  while (!task.done) yield new WaitAny([task]);\n', '']],
  },
  {
    name: 'cancel-waits-for-the-timer',
    violates: 'cancel() makes the task ready at once: a sleeping task does not wait for its timer.',
    edits: [['    this.cancelPending = true;\n    this.loop.wake(this);', '    this.cancelPending = true;']],
  },
  {
    name: 'cancel-with-return',
    violates: 'cancel() delivers throw(new CancelledError()) at the task\'s yield, so its catch can see it.',
    edits: [['result = task.gen.throw(new CancelledError());', 'result = task.gen.return(undefined);']],
  },
  {
    name: 'cancel-of-a-done-task-says-true',
    violates: 'cancel() returns false for a task that is done.',
    edits: [['    if (this.done) return false;', '    if (this.done) return true;']],
  },
  {
    name: 'close-with-throw',
    violates: 'close() ends the task with return(): its finally runs, its catch does not.',
    edits: [['    this.gen.return(undefined as T);', '    try {\n      this.gen.throw(new CancelledError());\n    } catch {\n      // It ends here either way.\n    }']],
  },
  {
    name: 'close-leaves-waiters-asleep',
    violates: 'Closing a task wakes the tasks waiting for it.',
    edits: [[
      "    this.loop.finish(this, { kind: 'failed', error: new CancelledError('the task was closed'), cancelled: true });",
      "    this.outcome = { kind: 'failed', error: new CancelledError('the task was closed'), cancelled: true };",
    ]],
  },
  {
    name: 'result-of-a-pending-task-is-undefined',
    violates: 'result() throws an Error whose message contains "not done" while the task is not done.',
    edits: [["    if (this.outcome.kind === 'pending') throw new Error('the task is not done yet');", "    if (this.outcome.kind === 'pending') return undefined as T;"]],
  },
] satisfies Mutant[];
