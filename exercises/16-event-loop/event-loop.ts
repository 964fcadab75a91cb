/**
 * 16 · Event loop — a small asyncio on a virtual clock.
 *
 * Read README.md first. Write `Task` and `EventLoop`, and turn `sleep`, `gather` and
 * `waitFor` into generators (`function*`, keep the parameter and return types). How a task
 * tells the loop what it waits for is up to you: the objects it yields are private to this file.
 * Check your work with `npm run grade -- --exercise 16`; stuck? `npm run hint -- 16`.
 *
 * 한국어: README.ko.md를 먼저 읽으세요. 막히면 `npm run hint -- 16 --lang ko`.
 */

/** Given: thrown into a task at its `yield` by `cancel()`; the task may catch it. */
export class CancelledError extends Error {
  override name = 'CancelledError';
}

/** Given: thrown by `waitFor` when the task did not finish in time. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

// Given: what the loop runs. A coroutine that returns a T.
export type Coro<T = unknown> = Generator<unknown, T, unknown>;

/** One coroutine, as the loop runs it. Only `EventLoop.spawn` makes these. */
export class Task<T = unknown> {
  constructor() {
    // TODO: a task needs its generator, a way back to its loop (cancel and close change
    // what the loop does with it), and its outcome: still pending, returned a value, or
    // failed with an error (cancelled when that error is a CancelledError, or it was closed).
    // 할 일: 태스크에는 제너레이터, 자기 이벤트 루프로 돌아갈 길(cancel과 close는 루프가 태스크를
    // 다루는 방식을 바꾼다), 그리고 결과가 필요하다. 결과는 아직 진행 중, 값을 반환함, 에러로
    // 실패함(그 에러가 CancelledError이거나 닫혔으면 취소됨) 가운데 하나다.
    throw new Error('Not implemented: Task (exercises/16-event-loop/event-loop.ts)');
  }

  get done(): boolean {
    // TODO: true once the task has returned, failed or been cancelled.
    // 할 일: 태스크가 반환했거나, 실패했거나, 취소되었으면 true.
    throw new Error('Not implemented: Task.done (exercises/16-event-loop/event-loop.ts)');
  }

  get cancelled(): boolean {
    // TODO: true when it ended with a CancelledError, or was closed.
    // 할 일: CancelledError로 끝났거나 닫혔으면 true.
    throw new Error('Not implemented: Task.cancelled (exercises/16-event-loop/event-loop.ts)');
  }

  result(): T {
    // TODO: the return value; or throw the error that ended it; or, while it is not done,
    // throw an Error whose message contains "not done".
    // 할 일: 반환값을 돌려주거나, 태스크를 끝낸 에러를 던지거나, 아직 끝나지 않았으면 메시지에
    // "not done"이 들어간 Error를 던진다.
    throw new Error('Not implemented: Task.result (exercises/16-event-loop/event-loop.ts)');
  }

  cancel(): boolean {
    // TODO: false if done. Else arrange for throw(new CancelledError()) at the task's next
    // turn, make it ready now (it stops sleeping or waiting), and return true.
    // 할 일: 끝났으면 false. 아니면 태스크의 다음 차례에 throw(new CancelledError())를 하도록
    // 해 두고, 지금 곧바로 준비 상태로 만들고(자거나 기다리던 것을 그만둔다), true를 돌려준다.
    throw new Error('Not implemented: Task.cancel (exercises/16-event-loop/event-loop.ts)');
  }

  close(): void {
    // TODO: nothing if done. Else take it out of the loop's queues, call return() on its
    // generator now, count it as cancelled, and wake the tasks waiting for it.
    // 할 일: 끝났으면 아무것도 하지 않는다. 아니면 루프의 큐에서 빼내고, 지금 그 제너레이터에
    // return()을 부르고, 취소된 것으로 치고, 그 태스크를 기다리던 태스크들을 깨운다.
    throw new Error('Not implemented: Task.close (exercises/16-event-loop/event-loop.ts)');
  }
}

export class EventLoop {
  constructor() {
    // TODO: the virtual clock (0), the ready queue (first in, first out) and the timers.
    // 할 일: 가상 시계(0), 준비 큐(먼저 들어온 것이 먼저 나감), 타이머들.
    throw new Error('Not implemented: EventLoop (exercises/16-event-loop/event-loop.ts)');
  }

  get time(): number {
    // TODO: the virtual clock.
    // 할 일: 가상 시계.
    throw new Error('Not implemented: EventLoop.time (exercises/16-event-loop/event-loop.ts)');
  }

  spawn<T>(coro: Coro<T>): Task<T> {
    // TODO: wrap the coroutine in a Task, queue it at the back, and return the Task.
    // 할 일: 코루틴을 Task로 감싸 큐 맨 뒤에 넣고, 그 Task를 돌려준다.
    throw new Error('Not implemented: EventLoop.spawn (exercises/16-event-loop/event-loop.ts)');
  }

  run<T>(main: Coro<T>): T {
    // TODO: spawn main, then until it is done: run the task at the front of the queue for
    // one turn; if none is ready, move the clock to the earliest timer and wake the tasks
    // due then; if there is no timer either, throw an Error containing "deadlock".
    // Return main's result (or throw its error).
    // 할 일: main을 spawn하고, main이 끝날 때까지: 큐 맨 앞의 태스크를 한 차례 실행한다. 준비된
    // 태스크가 없으면 시계를 가장 이른 타이머로 옮기고 그때 깨어날 태스크들을 깨운다. 타이머도
    // 없으면 "deadlock"이 들어간 Error를 던진다. main의 결과를 돌려준다(또는 그 에러를 던진다).
    throw new Error('Not implemented: EventLoop.run (exercises/16-event-loop/event-loop.ts)');
  }
}

/** Suspends the calling task for `delay` units of virtual time. */
export function sleep(delay: number): Coro<void> {
  // TODO: make this a generator. A delay below 0 throws RangeError; 0 only gives up the turn.
  // 할 일: 제너레이터로 만든다. 0보다 작은 delay는 RangeError를 던지고, 0은 차례만 넘긴다.
  throw new Error('Not implemented: sleep (exercises/16-event-loop/event-loop.ts)');
}

/** The results of all the tasks, in the order given; or the first failure among them. */
export function gather<T>(...tasks: Task<T>[]): Coro<T[]> {
  // TODO: make this a generator that yields to the loop until every task is done, or one fails.
  // 할 일: 모든 태스크가 끝나거나 하나가 실패할 때까지 루프에 yield하는 제너레이터로 만든다.
  throw new Error('Not implemented: gather (exercises/16-event-loop/event-loop.ts)');
}

/** The task's result if it finishes within `timeout`; else cancel it and throw TimeoutError. */
export function waitFor<T>(task: Task<T>, timeout: number): Coro<T> {
  // TODO: make this a generator. On timeout, cancel the task, wait until it is done, then
  // throw a TimeoutError.
  // 할 일: 제너레이터로 만든다. 시간이 다 되면 태스크를 취소하고, 끝날 때까지 기다린 뒤
  // TimeoutError를 던진다.
  throw new Error('Not implemented: waitFor (exercises/16-event-loop/event-loop.ts)');
}
