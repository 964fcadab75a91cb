import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'lifo-round-robin',
    violates: 'Round robin: tasks run in spawn order, each until it yields, then goes to the back of the queue.',
    explanation: {
      en: 'Your scheduler runs the most recently queued task first. Round robin runs tasks in spawn order, each until it yields, and then sends it to the back of the queue.',
      ko: '스케줄러가 가장 나중에 큐에 들어온 태스크를 먼저 실행합니다. 라운드 로빈은 태스크를 생성한 순서대로 `yield`할 때까지 실행하고, 그 태스크를 큐의 맨 뒤로 보냅니다.',
    },
    edits: [['this.ready.shift(); task; task = this.ready.shift()', 'this.ready.pop(); task; task = this.ready.pop()']],
  },
  {
    name: 'system-call-answered-at-once',
    violates: "Yielding a system call is answered by the scheduler on that task's next turn.",
    explanation: {
      en: "Your scheduler answers a system call straight away, in the same turn. The answer comes on the task's next turn, after the tasks queued before it have run.",
      ko: '스케줄러가 시스템 콜에 같은 차례 안에서 곧바로 답합니다. 답은 그 태스크의 다음 차례에, 앞서 큐에 있던 태스크들이 실행된 뒤에 가야 합니다.',
    },
    edits: [
      ['if (this.systemCall(task, yielded)) return;', 'if (this.systemCall(task, yielded)) {\n        if (task.waitingFor !== undefined || !this.tasks.has(task.tid)) return;\n        resume = task.resume;\n        task.resume = nothing;\n        continue;\n      }'],
      ['task.resume = { ok: true, value };\n    this.ready.push(task);', 'task.resume = { ok: true, value };'],
      ['this.answer(sleeper, true);', 'this.answer(sleeper, true);\n      this.ready.push(sleeper);'],
    ],
  },
  {
    name: 'new-task-queued-after-requester',
    violates: 'NewTask queues the new task at the back before the task that asked is queued again.',
    explanation: {
      en: 'Your `NewTask` queues the new task after the task that asked for it. The new task goes to the back of the queue before the asking task goes back in.',
      ko: '`NewTask`가 새 태스크를 요청한 태스크보다 뒤에 큐에 넣습니다. 새 태스크가 먼저 큐의 맨 뒤로 가고, 그다음에 요청한 태스크가 다시 들어가야 합니다.',
    },
    edits: [['const tid = this.spawn(call.task);\n      this.answer(task, tid);', 'this.answer(task, this.lastTid + 1);\n      this.spawn(call.task);']],
  },
  {
    name: 'kill-without-finally',
    violates: 'KillTask closes the victim with return() (its finally runs).',
    explanation: {
      en: 'Your `KillTask` drops the task without closing it, so its `finally` never runs. Close it with `return()`, then answer `true`.',
      ko: '`KillTask`가 태스크를 닫지 않고 버려서 그 `finally`가 실행되지 않습니다. `return()`으로 닫은 뒤 `true`로 답해야 합니다.',
    },
    edits: [['frame.return(undefined);', '']],
  },
  {
    name: 'waiters-woken-in-reverse',
    violates: 'When a task exits, the tasks waiting for it are queued in the order they began to wait.',
    explanation: {
      en: 'When a task exits, your scheduler wakes the tasks that waited for it last-come first. They go back into the queue in the order they began to wait.',
      ko: '태스크가 끝나면 스케줄러가 그 태스크를 기다리던 태스크들을 나중에 온 것부터 깨웁니다. 기다리기 시작한 순서대로 큐에 다시 넣어야 합니다.',
    },
    edits: [['queue.push(task);', 'queue.unshift(task);']],
  },
  {
    name: 'failed-task-keeps-waiters-asleep',
    violates: 'WaitTask: the task sleeps until that task exits (finishing, failing or being killed all count).',
    explanation: {
      en: 'When a task ends by throwing, your scheduler leaves the tasks waiting for it asleep. Finishing, throwing and being killed all count as exiting: the waiters wake with `true`.',
      ko: '태스크가 예외를 던지며 끝나면 스케줄러가 그 태스크를 기다리던 태스크들을 잠든 채로 둡니다. 정상 종료, 예외, 강제 종료 모두 끝난 것이므로, 기다리던 태스크들은 `true`를 받고 깨어나야 합니다.',
    },
    edits: [['error });\n          this.exit(task);', 'error });\n          this.tasks.delete(task.tid);']],
  },
  {
    name: 'subroutine-yield-is-return',
    violates: 'Yielding a generator calls it as a subroutine: the task resumes when the subroutine returns, with its return value.',
    explanation: {
      en: "Your scheduler takes a value yielded inside a subroutine as the subroutine's return value. A subroutine's plain `yield` only gives up the turn; the task resumes when the subroutine returns, with its return value.",
      ko: '스케줄러가 서브루틴 안에서 `yield`한 값을 서브루틴의 반환값으로 여깁니다. 서브루틴의 평범한 `yield`는 차례만 내줄 뿐이고, 태스크는 서브루틴이 `return`할 때 그 반환값을 받고 재개해야 합니다.',
    },
    edits: [['if (this.systemCall(task, yielded)) return;', 'if (this.systemCall(task, yielded)) return;\n      if (task.stack.length > 1) {\n        task.stack.pop();\n        resume = { ok: true, value: yielded };\n        continue;\n      }']],
  },
  {
    name: 'subroutine-exception-swallowed',
    violates: 'An exception that escapes a subroutine is thrown into its caller at that yield, where the caller may catch it.',
    explanation: {
      en: 'Your scheduler drops an error that escapes a subroutine. It is thrown into the caller at its `yield`, where the caller may catch it.',
      ko: '스케줄러가 서브루틴에서 빠져나온 에러를 버립니다. 그 에러는 호출자가 `yield`한 자리에서 호출자에게 던져 넣어서, 호출자가 잡을 수 있게 해야 합니다.',
    },
    edits: [['resume = { ok: false, error };', 'resume = nothing;']],
  },
  {
    name: 'no-deadlock-check',
    violates: 'If tasks are left but all are waiting, run() throws Error (message contains deadlock).',
    explanation: {
      en: 'Your `run()` returns when tasks are left but all of them are waiting. That is a deadlock: throw an `Error` whose message contains `deadlock`.',
      ko: '태스크가 남아 있는데 모두 기다리고 있을 때 `run()`이 그냥 돌아옵니다. 그것은 교착 상태이므로 메시지에 `deadlock`이 들어간 `Error`를 던져야 합니다.',
    },
    edits: [['if (this.tasks.size > 0) {', 'if (false) {']],
  },
] satisfies Mutant[];
