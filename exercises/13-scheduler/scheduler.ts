/**
 * 13-scheduler — concurrency in one thread (Beazley's pyos).
 *
 * Every task is a generator; every `yield` hands control back to the scheduler, which
 * decides who runs next. Read README.md first.
 *
 * 한국어: README.ko.md를 먼저 읽으세요. 막히면 `npm run hint -- 13 --lang ko`.
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
    // 할 일: 스케줄러가 간직할 것을 준비한다. 다음 id, 아는 태스크들, 준비 큐(먼저 들어온 것이
    // 먼저 나감), 누가 누구를 기다리는지, 그리고 태스크마다 제너레이터 스택(본문이 맨 아래,
    // 실행 중인 서브루틴이 맨 위)과 다음 차례에 보낼 답.
    throw new Error('Not implemented: Scheduler (exercises/13-scheduler/scheduler.ts)');
  }

  spawn(task: Task): number {
    // TODO: give the task the next id (1, 2, 3, …), queue it at the back, return the id.
    // 할 일: 태스크에 다음 id(1, 2, 3, …)를 붙여 큐 맨 뒤에 넣고, 그 id를 돌려준다.
    throw new Error('Not implemented: Scheduler.spawn (exercises/13-scheduler/scheduler.ts)');
  }

  run(): void {
    // TODO: take tasks from the front of the queue and run each one turn until the queue is
    // empty; then throw an Error containing "deadlock" if tasks are left (all waiting).
    // 할 일: 큐가 빌 때까지 큐 맨 앞의 태스크를 꺼내 한 차례씩 실행한다. 그다음 태스크가 남아
    // 있으면(모두 기다리는 중이면) "deadlock"이 들어간 Error를 던진다.
    throw new Error('Not implemented: Scheduler.run (exercises/13-scheduler/scheduler.ts)');
  }
}
