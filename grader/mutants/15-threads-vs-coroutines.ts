import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'lifo-ready-queue',
    violates: 'Round robin: tasks take turns in spawn order, each until it yields, then go to the back of the queue.',
    explanation: {
      en: 'Your scheduler runs the most recently queued task first. Round robin: tasks take turns in spawn order, each until it yields, then go to the back of the queue.',
      ko: '스케줄러가 가장 나중에 큐에 들어온 태스크를 먼저 실행합니다. 라운드 로빈에서는 태스크가 생성된 순서대로 `yield`할 때까지 차례를 갖고, 그 뒤 큐의 맨 뒤로 갑니다.',
    },
    edits: [['for (let task = this.ready.shift(); task; task = this.ready.shift())', 'for (let task = this.ready.pop(); task; task = this.ready.pop())']],
  },
  {
    name: 'budget-one-step-late',
    violates: 'The access that would go past maxSteps throws OutOfSteps in the task, and does not happen.',
    explanation: {
      en: 'Your scheduler lets one access too many happen. The call that would be step `maxSteps + 1` does not read or write: it throws `OutOfSteps` in the task.',
      ko: '스케줄러가 한 번 더 접근하게 둡니다. `maxSteps + 1`번째 단계가 될 호출은 읽지도 쓰지도 않고, 그 태스크에서 `OutOfSteps`를 던져야 합니다.',
    },
    edits: [['if (this.steps >= this.maxSteps) {', 'if (this.steps > this.maxSteps) {']],
  },
  {
    name: 'early-stop-leaves-tasks-open',
    violates: 'When run() stops early, it closes every unfinished task with return(), in spawn order, so their finally blocks run.',
    explanation: {
      en: 'When `run()` stops early, your scheduler leaves the unfinished tasks open. It first closes each of them with `return()`, in spawn order, so their `finally` blocks run.',
      ko: '`run()`이 일찍 멈출 때 스케줄러가 끝나지 않은 태스크들을 열린 채로 둡니다. 먼저 그 태스크들을 생성된 순서대로 `return()`으로 닫아서 `finally` 블록이 실행되게 해야 합니다.',
    },
    edits: [['if (!task.finished) task.gen.return(undefined);', 'if (!task.finished) continue;']],
  },
  {
    name: 'failing-task-dropped-and-run-goes-on',
    violates: 'An error escaping a task (other than OutOfSteps) ends run(): the others are closed, then run() throws that very error.',
    explanation: {
      en: 'Your scheduler drops a task whose error escapes and goes on with the others. Such an error ends `run()`: the other tasks are closed, then `run()` throws that very error.',
      ko: '태스크에서 에러가 빠져나오면 스케줄러가 그 태스크만 빼고 나머지를 계속 실행합니다. 그런 에러는 `run()`을 끝내야 합니다. 다른 태스크들을 닫은 뒤 `run()`이 바로 그 에러를 던집니다.',
    },
    edits: [['        task.finished = true;\n        this.closeAll();', '        task.finished = true;\n        if (!this.exhausted) continue;\n        this.closeAll();']],
  },
  {
    name: 'releaser-queued-before-waiter',
    violates: 'The waiter handed a released lock goes to the back of the queue before the task that released it.',
    explanation: {
      en: 'On a `Release` with tasks waiting, your scheduler queues the releasing task before the waiter it hands the lock to. The waiter goes to the back of the queue first, then the releasing task.',
      ko: '기다리는 태스크가 있을 때 `Release`하면, 스케줄러가 락을 넘겨받는 태스크보다 놓는 태스크를 먼저 큐에 넣습니다. 락을 넘겨받은 태스크가 먼저 큐의 맨 뒤로 가고, 그다음에 놓은 태스크가 가야 합니다.',
    },
    edits: [['      } else {\n        this.release(task, yielded.lock);\n      }', '      } else {\n        this.ready.push(task);\n        this.release(task, yielded.lock);\n        return;\n      }']],
  },
  {
    name: 'lock-waiters-last-come-first-served',
    violates: 'A released lock goes to the task that has waited for it longest (first come, first served).',
    explanation: {
      en: 'Your scheduler hands a released lock to the task that began waiting last. It goes to the one that has waited longest: first come, first served.',
      ko: '스케줄러가 풀린 락을 가장 늦게 기다리기 시작한 태스크에 넘깁니다. 락은 가장 오래 기다린 태스크에 가야 합니다. 먼저 온 태스크가 먼저입니다.',
    },
    edits: [['const next = lock.waiters.shift();', 'const next = lock.waiters.pop();']],
  },
  {
    name: 'finished-task-keeps-its-locks',
    violates: 'A task that finishes still holding locks gives each one on, as Release would.',
    explanation: {
      en: 'When a task finishes while holding locks, your scheduler keeps them held forever. It hands each one on, in the order the task got them, as `Release` would.',
      ko: '락을 쥔 채 끝난 태스크의 락을 스케줄러가 영영 쥔 채로 둡니다. `Release`처럼, 태스크가 얻은 순서대로 하나씩 넘겨줘야 합니다.',
    },
    edits: [['    task.finished = true;\n    for (const name of [...task.holds]) this.release(task, name);', '    task.finished = true;']],
  },
  {
    name: 'release-of-unheld-lock-ignored',
    violates: 'Release of a lock the task does not hold throws an Error (message contains "not held") into the task at that yield.',
    explanation: {
      en: "Your scheduler ignores a `Release` of a lock the task does not hold. On the task's next turn, an `Error` whose message contains `not held` is thrown into it at that `yield`.",
      ko: '스케줄러가 태스크가 쥐고 있지 않은 락의 `Release`를 무시합니다. 그 태스크의 다음 차례에, `yield`한 자리에서 메시지에 `not held`가 들어간 `Error`를 던져 넣어야 합니다.',
    },
    edits: [['        task.pendingError = new Error(`${task.name} released lock "${yielded.lock}", which it does not hold (not held)`);', '        // Nothing to release: carry on.']],
  },
  {
    name: 'reentrant-locks',
    violates: 'A task that asks again for a lock it already holds waits for itself: a deadlock whose cycle is [name, name].',
    explanation: {
      en: "Your scheduler lets a task take a lock it already holds again. Such a task waits for itself: a deadlock whose cycle is `['t', 't']`.",
      ko: "스케줄러가 이미 쥔 락을 태스크가 또 얻게 해 줍니다. 그런 태스크는 자기 자신을 기다리게 되고, 이는 사이클이 `['t', 't']`인 교착 상태입니다.",
    },
    edits: [['      if (!lock) {', '      if (lock?.holder === task) {\n        this.ready.push(task);\n      } else if (!lock) {']],
  },
  {
    name: 'deadlock-taken-for-done',
    violates: 'When the queue is empty but tasks are left asleep, run() reports outcome deadlock, not done.',
    explanation: {
      en: "When the queue is empty but tasks are left asleep, your `run()` reports `'done'`. That is a deadlock: the outcome is `'deadlock'`, with its cycle.",
      ko: "큐가 비었는데 잠든 태스크가 남아 있을 때 `run()`이 `'done'`이라고 알립니다. 그것은 교착 상태이므로 결과는 사이클과 함께 `'deadlock'`이어야 합니다.",
    },
    edits: [['    if (sleepers.length === 0) return this.report(\'done\');', '    if (sleepers.length >= 0) return this.report(\'done\');']],
  },
  {
    name: 'cycle-keeps-the-tail',
    violates: 'The cycle leaves out the tasks that only wait on it: it starts at the first task that comes round again.',
    explanation: {
      en: "Your deadlock `cycle` also lists the tasks that only wait on the cycle. It runs from the first task that comes round again to its return, as in `['p1', 'p2', 'p1']`.",
      ko: "교착 상태의 `cycle`에 사이클을 기다리기만 하는 태스크까지 들어 있습니다. 사이클은 다시 돌아오는 첫 태스크에서 시작해 그 태스크로 돌아올 때까지입니다. 예: `['p1', 'p2', 'p1']`.",
    },
    edits: [['return [...path.slice(path.indexOf(task)), task].map((t) => t.name);', 'return [...path, task].map((t) => t.name);']],
  },
  {
    name: 'worker-yields-mid-update',
    violates: 'worker reads and writes with no yield between them, then yields.',
    explanation: {
      en: 'Your `worker` yields between reading the counter and writing it back, so another task can slip in and an update is lost. Read and write with no `yield` between, then yield.',
      ko: '`worker`가 카운터를 읽고 다시 쓰는 사이에 `yield`해서, 다른 태스크가 끼어들어 갱신 손실이 생깁니다. 읽기와 쓰기 사이에는 `yield`하지 말고, 쓴 다음에 `yield`해야 합니다.',
    },
    edits: [['    counter.write(counter.read() + 1);\n    yield;', '    const seen = counter.read();\n    yield;\n    counter.write(seen + 1);']],
  },
  {
    name: 'racy-worker-is-atomic',
    violates: 'racyWorker reads, yields, then writes what it read plus one.',
    explanation: {
      en: 'Your `racyWorker` writes before it yields, so it never races. It reads, yields, then writes what it read plus one: four of them adding 25 each reach only 25.',
      ko: '`racyWorker`가 `yield`하기 전에 써서 경쟁이 일어나지 않습니다. 읽고, `yield`하고, 읽은 값에 1을 더해 써야 합니다. 그러면 넷이 25씩 더해도 25에 그칩니다.',
    },
    edits: [['    const seen = counter.read();\n    yield;\n    counter.write(seen + 1);\n  }\n}\n\n/** The same gap', '    const seen = counter.read();\n    counter.write(seen + 1);\n    yield;\n  }\n}\n\n/** The same gap']],
  },
  {
    name: 'locked-worker-releases-before-writing',
    violates: 'lockedWorker reads after its Acquire and writes before its Release.',
    explanation: {
      en: 'Your `lockedWorker` releases the lock before it writes, so another task can read the old value. Read after `Acquire` and write before `Release`.',
      ko: '`lockedWorker`가 쓰기 전에 락을 놓아서 다른 태스크가 옛 값을 읽을 수 있습니다. `Acquire` 다음에 읽고, `Release` 전에 써야 합니다.',
    },
    edits: [['    counter.write(seen + 1);\n    yield new Release(lock);', '    yield new Release(lock);\n    counter.write(seen + 1);']],
  },
  {
    name: 'hog-yields',
    violates: 'hog adds 1 forever and never yields.',
    explanation: {
      en: 'Your `hog` yields, so the others get their turns. It adds 1 forever and never yields: its first `next()` ends only when the counter throws.',
      ko: '`hog`가 `yield`해서 다른 태스크들도 차례를 얻습니다. `hog`는 끝없이 1을 더하고 절대 `yield`하지 않으므로, 첫 `next()`는 카운터가 예외를 던질 때에야 끝나야 합니다.',
    },
    edits: [['  for (;;) counter.write(counter.read() + 1);', '  for (;;) {\n    counter.write(counter.read() + 1);\n    yield undefined as never;\n  }']],
  },
  {
    name: 'philosopher-releases-in-taking-order',
    violates: 'philosopher releases second, then first.',
    explanation: {
      en: 'Your `philosopher` releases its locks in the order it took them. It releases `second` first, then `first`.',
      ko: '`philosopher`가 락을 얻은 순서대로 놓습니다. `second`를 먼저 놓고, 그다음에 `first`를 놓아야 합니다.',
    },
    edits: [['  yield new Release(second);\n  yield new Release(first);', '  yield new Release(first);\n  yield new Release(second);']],
  },
] satisfies Mutant[];
