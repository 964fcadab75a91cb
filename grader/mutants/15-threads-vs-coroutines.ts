import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'lifo-ready-queue',
    violates: 'Round robin: tasks take turns in spawn order, each until it yields, then go to the back of the queue.',
    edits: [['for (let task = this.ready.shift(); task; task = this.ready.shift())', 'for (let task = this.ready.pop(); task; task = this.ready.pop())']],
  },
  {
    name: 'budget-one-step-late',
    violates: 'The access that would go past maxSteps throws OutOfSteps in the task, and does not happen.',
    edits: [['if (this.steps >= this.maxSteps) {', 'if (this.steps > this.maxSteps) {']],
  },
  {
    name: 'early-stop-leaves-tasks-open',
    violates: 'When run() stops early, it closes every unfinished task with return(), in spawn order, so their finally blocks run.',
    edits: [['if (!task.finished) task.gen.return(undefined);', 'if (!task.finished) continue;']],
  },
  {
    name: 'failing-task-dropped-and-run-goes-on',
    violates: 'An error escaping a task (other than OutOfSteps) ends run(): the others are closed, then run() throws that very error.',
    edits: [['        task.finished = true;\n        this.closeAll();', '        task.finished = true;\n        if (!this.exhausted) continue;\n        this.closeAll();']],
  },
  {
    name: 'releaser-queued-before-waiter',
    violates: 'The waiter handed a released lock goes to the back of the queue before the task that released it.',
    edits: [['      } else {\n        this.release(task, yielded.lock);\n      }', '      } else {\n        this.ready.push(task);\n        this.release(task, yielded.lock);\n        return;\n      }']],
  },
  {
    name: 'lock-waiters-last-come-first-served',
    violates: 'A released lock goes to the task that has waited for it longest (first come, first served).',
    edits: [['const next = lock.waiters.shift();', 'const next = lock.waiters.pop();']],
  },
  {
    name: 'finished-task-keeps-its-locks',
    violates: 'A task that finishes still holding locks gives each one on, as Release would.',
    edits: [['    task.finished = true;\n    for (const name of [...task.holds]) this.release(task, name);', '    task.finished = true;']],
  },
  {
    name: 'release-of-unheld-lock-ignored',
    violates: 'Release of a lock the task does not hold throws an Error (message contains "not held") into the task at that yield.',
    edits: [['        task.pendingError = new Error(`${task.name} released lock "${yielded.lock}", which it does not hold (not held)`);', '        // Nothing to release: carry on.']],
  },
  {
    name: 'reentrant-locks',
    violates: 'A task that asks again for a lock it already holds waits for itself: a deadlock whose cycle is [name, name].',
    edits: [['      if (!lock) {', '      if (lock?.holder === task) {\n        this.ready.push(task);\n      } else if (!lock) {']],
  },
  {
    name: 'deadlock-taken-for-done',
    violates: 'When the queue is empty but tasks are left asleep, run() reports outcome deadlock, not done.',
    edits: [['    if (sleepers.length === 0) return this.report(\'done\');', '    if (sleepers.length >= 0) return this.report(\'done\');']],
  },
  {
    name: 'cycle-keeps-the-tail',
    violates: 'The cycle leaves out the tasks that only wait on it: it starts at the first task that comes round again.',
    edits: [['return [...path.slice(path.indexOf(task)), task].map((t) => t.name);', 'return [...path, task].map((t) => t.name);']],
  },
  {
    name: 'worker-yields-mid-update',
    violates: 'worker reads and writes with no yield between them, then yields.',
    edits: [['    counter.write(counter.read() + 1);\n    yield;', '    const seen = counter.read();\n    yield;\n    counter.write(seen + 1);']],
  },
  {
    name: 'racy-worker-is-atomic',
    violates: 'racyWorker reads, yields, then writes what it read plus one.',
    edits: [['    const seen = counter.read();\n    yield;\n    counter.write(seen + 1);\n  }\n}\n\n/** The same gap', '    const seen = counter.read();\n    counter.write(seen + 1);\n    yield;\n  }\n}\n\n/** The same gap']],
  },
  {
    name: 'locked-worker-releases-before-writing',
    violates: 'lockedWorker reads after its Acquire and writes before its Release.',
    edits: [['    counter.write(seen + 1);\n    yield new Release(lock);', '    yield new Release(lock);\n    counter.write(seen + 1);']],
  },
  {
    name: 'hog-yields',
    violates: 'hog adds 1 forever and never yields.',
    edits: [['  for (;;) counter.write(counter.read() + 1);', '  for (;;) {\n    counter.write(counter.read() + 1);\n    yield undefined as never;\n  }']],
  },
  {
    name: 'philosopher-releases-in-taking-order',
    violates: 'philosopher releases second, then first.',
    edits: [['  yield new Release(second);\n  yield new Release(first);', '  yield new Release(first);\n  yield new Release(second);']],
  },
] satisfies Mutant[];
