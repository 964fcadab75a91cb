import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'lifo-ready-queue',
    violates: 'Tasks run in spawn order, each until it yields; a bare yield sends the task to the back of the queue.',
    explanation: {
      en: 'Your loop runs the most recently queued task first. Tasks run in spawn order, each until it yields, and a bare `yield` sends the task to the back of the queue.',
      ko: '이벤트 루프가 가장 나중에 큐에 들어온 태스크를 먼저 실행합니다. 태스크는 생성된 순서대로 `yield`할 때까지 실행되고, 그냥 `yield`하면 큐의 맨 뒤로 가야 합니다.',
    },
    edits: [['const next = this.ready.shift();', 'const next = this.ready.pop();']],
  },
  {
    name: 'run-waits-for-every-task',
    violates: 'run() returns as soon as main is done, and leaves the other tasks where they are.',
    explanation: {
      en: 'Your `run(main)` keeps going until every task is done. It returns as soon as `main` is done, and leaves the other tasks where they are.',
      ko: '`run(main)`이 모든 태스크가 끝날 때까지 계속 돕니다. `main`이 끝나는 즉시 돌아와야 하고, 다른 태스크들은 그 자리에 그대로 둡니다.',
    },
    edits: [['    while (!task.done) {\n      const next', '    while (!task.done || this.ready.length > 0 || this.timers.length > 0) {\n      const next']],
  },
  {
    name: 'deadlock-not-reported',
    violates: 'When main is not done, no task is ready and no timer is set, run() throws an Error whose message contains "deadlock".',
    explanation: {
      en: 'Your `run(main)` stops quietly when `main` is not done, no task is ready and no timer is set. That is a deadlock: throw an `Error` whose message contains `deadlock`.',
      ko: '`main`이 끝나지 않았는데 준비된 태스크도 타이머도 없을 때 `run(main)`이 조용히 멈춥니다. 그것은 교착 상태이므로 메시지에 `deadlock`이 들어간 `Error`를 던져야 합니다.',
    },
    edits: [["        throw new Error('deadlock: the main task waits, but no task can run and no timer is set');", '        break;']],
  },
  {
    name: 'spawned-task-error-stops-the-loop',
    violates: 'An error that escapes a spawned task does not stop the loop: the task keeps it, and its result() throws it.',
    explanation: {
      en: 'An error that escapes a spawned task stops your loop. It does not: the task keeps the error, and its `result()` throws it.',
      ko: '생성된 태스크에서 빠져나온 에러가 이벤트 루프를 멈춥니다. 루프는 멈추지 않아야 하고, 태스크가 그 에러를 간직했다가 `result()`에서 던져야 합니다.',
    },
    edits: [['      this.finish(task, { kind: \'failed\', error, cancelled: error instanceof CancelledError });\n      return;', '      this.finish(task, { kind: \'failed\', error, cancelled: error instanceof CancelledError });\n      throw error;']],
  },
  {
    name: 'every-failure-counts-as-cancelled',
    violates: 'cancelled is true only when the task ended with a CancelledError, or was closed.',
    explanation: {
      en: 'Your tasks report `cancelled` for any failure. `cancelled` is true only when the task ended with a `CancelledError`, or was closed.',
      ko: '태스크가 어떤 실패든 `cancelled`라고 알립니다. `cancelled`는 태스크가 `CancelledError`로 끝났거나 닫혔을 때만 참이어야 합니다.',
    },
    edits: [['cancelled: error instanceof CancelledError });', 'cancelled: true });']],
  },
  {
    name: 'equal-wake-times-last-come-first-served',
    violates: 'Tasks due at the same time wake in the order they went to sleep.',
    explanation: {
      en: 'Your loop wakes tasks due at the same time last-come first. They wake in the order they went to sleep.',
      ko: '이벤트 루프가 같은 시각에 깨어날 태스크들을 나중에 잠든 것부터 깨웁니다. 잠든 순서대로 깨워야 합니다.',
    },
    edits: [['while (at > 0 && this.timers[at - 1]!.time > timer.time) at--;', 'while (at > 0 && this.timers[at - 1]!.time >= timer.time) at--;']],
  },
  {
    name: 'sleep-zero-sets-a-timer',
    violates: 'sleep(0) sends the task to the back of the ready queue; the clock does not move and no timer is involved.',
    explanation: {
      en: 'Your `sleep(0)` sets a timer, so other tasks that are due can run first. `sleep(0)` only sends the task to the back of the ready queue; no timer is involved.',
      ko: '`sleep(0)`이 타이머를 걸어서, 때가 된 다른 태스크들이 먼저 실행될 수 있습니다. `sleep(0)`은 태스크를 준비된 큐의 맨 뒤로 보낼 뿐이고, 타이머는 쓰지 않습니다.',
    },
    edits: [['} else if (request instanceof Sleep && request.delay > 0) {', '} else if (request instanceof Sleep) {']],
  },
  {
    name: 'sleep-accepts-a-negative-delay',
    violates: 'sleep with a delay below 0 throws RangeError in the task that calls it.',
    explanation: {
      en: 'Your `sleep` accepts a delay below 0; it must throw `RangeError` in the task that calls it.',
      ko: '`sleep`이 0보다 작은 지연을 받아들입니다. 그때는 `sleep`을 부른 태스크에서 `RangeError`를 던져야 합니다.',
    },
    edits: [['  if (!(delay >= 0)) throw new RangeError(`sleep needs a delay of 0 or more, not ${delay}`);\n', '']],
  },
  {
    name: 'gather-fails-only-when-all-are-done',
    violates: 'If one of the tasks fails, gather throws its error into the waiting task as soon as it happens.',
    explanation: {
      en: 'Your `gather` waits for every task before it reports a failure. When one of them fails, it throws that error into the waiting task as soon as it happens.',
      ko: '`gather`가 모든 태스크가 끝난 뒤에야 실패를 알립니다. 하나라도 실패하면 그 즉시 기다리는 태스크에 그 에러를 던져야 합니다.',
    },
    edits: [[
      '    if (failed.length > 0) failed[0]!.result();\n    const pending = tasks.filter((t) => !t.done);',
      '    const pending = tasks.filter((t) => !t.done);\n    if (pending.length === 0 && failed.length > 0) failed[0]!.result();',
    ]],
  },
  {
    name: 'gather-results-in-finishing-order',
    violates: 'gather gives the results in the order of its arguments, not in the order the tasks finished.',
    explanation: {
      en: 'Your `gather` gives the results in the order the tasks finished. It gives them in the order of its arguments.',
      ko: '`gather`가 태스크가 끝난 순서대로 결과를 줍니다. 결과는 인자의 순서대로 줘야 합니다.',
    },
    edits: [['return tasks.map((t) => t.result());', 'return [...tasks].sort((a, b) => a.finishedAt - b.finishedAt).map((t) => t.result());']],
  },
  {
    name: 'wait-for-does-not-cancel',
    violates: 'On timeout, waitFor cancels the task.',
    explanation: {
      en: 'On timeout, your `waitFor` throws `TimeoutError` without cancelling the task, which goes on running. It cancels the task first.',
      ko: '타임아웃이 되면 `waitFor`가 태스크를 취소하지 않은 채 `TimeoutError`를 던져서, 태스크가 계속 실행됩니다. 먼저 태스크를 취소해야 합니다.',
    },
    edits: [['  task.cancel();\n  while (!task.done)', '  while (!task.done)']],
  },
  {
    name: 'wait-for-skips-the-cleanup',
    violates: 'On timeout, waitFor waits until the cancelled task has finished (its cleanup included) before it throws TimeoutError.',
    explanation: {
      en: 'On timeout, your `waitFor` cancels the task but throws `TimeoutError` before the task has finished its cleanup. Wait until the cancelled task is done, then throw.',
      ko: '타임아웃이 되면 `waitFor`가 태스크를 취소하지만, 태스크가 뒷정리를 마치기 전에 `TimeoutError`를 던집니다. 취소한 태스크가 끝날 때까지 기다린 다음에 던져야 합니다.',
    },
    edits: [['  while (!task.done) yield new WaitAny([task]);\n', '']],
  },
  {
    name: 'cancel-waits-for-the-timer',
    violates: 'cancel() makes the task ready at once: a sleeping task does not wait for its timer.',
    explanation: {
      en: 'Your `cancel()` leaves a sleeping task asleep until its timer. It makes the task ready at once.',
      ko: '`cancel()`이 잠든 태스크를 타이머가 울릴 때까지 잠든 채로 둡니다. `cancel()`은 태스크를 곧바로 준비 상태로 만들어야 합니다.',
    },
    edits: [['    this.cancelPending = true;\n    this.loop.wake(this);', '    this.cancelPending = true;']],
  },
  {
    name: 'cancel-with-return',
    violates: 'cancel() delivers throw(new CancelledError()) at the task\'s yield, so its catch can see it.',
    explanation: {
      en: 'Your `cancel()` ends the task with `return()`, so its `catch` never sees the cancellation. The loop resumes it with `throw(new CancelledError())` at its `yield`.',
      ko: '`cancel()`이 태스크를 `return()`으로 끝내서, 태스크의 `catch`가 취소를 보지 못합니다. 이벤트 루프는 태스크가 `yield`한 자리에서 `throw(new CancelledError())`로 재개해야 합니다.',
    },
    edits: [['result = task.gen.throw(new CancelledError());', 'result = task.gen.return(undefined);']],
  },
  {
    name: 'cancel-of-a-done-task-says-true',
    violates: 'cancel() returns false for a task that is done.',
    explanation: {
      en: 'Your `cancel()` returns `true` for a task that is done; it returns `false` then.',
      ko: '`cancel()`이 이미 끝난 태스크에도 `true`를 돌려줍니다. 그때는 `false`를 돌려줘야 합니다.',
    },
    edits: [['    if (this.done) return false;', '    if (this.done) return true;']],
  },
  {
    name: 'close-with-throw',
    violates: 'close() ends the task with return(): its finally runs, its catch does not.',
    explanation: {
      en: 'Your `close()` throws into the task, so its `catch` runs. It ends the task with `return()`: its `finally` runs, its `catch` does not.',
      ko: '`close()`가 태스크 안으로 예외를 던져서 `catch`가 실행됩니다. `close()`는 `return()`으로 태스크를 끝내야 합니다. 그러면 `finally`만 실행되고 `catch`는 실행되지 않습니다.',
    },
    edits: [['    this.gen.return(undefined as T);', '    try {\n      this.gen.throw(new CancelledError());\n    } catch {\n      // It ends here either way.\n    }']],
  },
  {
    name: 'close-leaves-waiters-asleep',
    violates: 'Closing a task wakes the tasks waiting for it.',
    explanation: {
      en: 'Your `close()` leaves the tasks that wait for the closed task asleep. Closing a task makes the tasks waiting for it ready.',
      ko: '`close()`가 닫힌 태스크를 기다리던 태스크들을 잠든 채로 둡니다. 태스크를 닫으면 그 태스크를 기다리던 태스크들이 준비 상태가 되어야 합니다.',
    },
    edits: [[
      "    this.loop.finish(this, { kind: 'failed', error: new CancelledError('the task was closed'), cancelled: true });",
      "    this.outcome = { kind: 'failed', error: new CancelledError('the task was closed'), cancelled: true };",
    ]],
  },
  {
    name: 'result-of-a-pending-task-is-undefined',
    violates: 'result() throws an Error whose message contains "not done" while the task is not done.',
    explanation: {
      en: 'Your `result()` returns `undefined` while the task is not done. It throws an `Error` whose message contains `not done`.',
      ko: '태스크가 끝나지 않았는데 `result()`가 `undefined`를 돌려줍니다. 그때는 메시지에 `not done`이 들어간 `Error`를 던져야 합니다.',
    },
    edits: [["    if (this.outcome.kind === 'pending') throw new Error('the task is not done yet');", "    if (this.outcome.kind === 'pending') return undefined as T;"]],
  },
] satisfies Mutant[];
