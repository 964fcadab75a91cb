// Alternative: a waiting task yields a request with a condition ("every task done, or one failed"); each awaited task keeps a watch list, and a task that finishes wakes the watchers whose condition now holds. Timers, for sleeps and for waitFor's timeouts alike, live in one array kept sorted by (time, order of arrival).
export class CancelledError extends Error {
  override name = 'CancelledError';
}

export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

export type Coro<T = unknown> = Generator<unknown, T, unknown>;

/** Yielded by `sleep`. */
class Sleep {
  constructor(readonly delay: number) {}
}

/** Yielded by `gather` and `waitFor`: wake me when `satisfied()`, or at `timeout` (then the answer is TIMED_OUT). */
class Wait {
  constructor(
    readonly tasks: Task[],
    readonly satisfied: () => boolean,
    readonly timeout?: number,
  ) {}
}

const TIMED_OUT = Symbol('timed out');

interface Timer {
  time: number;
  order: number;
  task: Task;
}

type Outcome<T> = { state: 'pending' } | { state: 'returned'; value: T; order: number } | { state: 'failed'; error: unknown; closed: boolean; order: number };

export class Task<T = unknown> {
  /** @internal */ outcome: Outcome<T> = { state: 'pending' };
  /** @internal */ answer: unknown = undefined;
  /** @internal */ cancelAsked = false;
  /** @internal */ timer?: Timer;
  /** @internal */ waiting?: Wait;
  /** @internal Tasks waiting on this one, in the order they began to wait. */ watchers: Task[] = [];

  /** @internal */
  constructor(
    readonly loop: EventLoop,
    readonly gen: Coro<T>,
  ) {}

  get done(): boolean {
    return this.outcome.state !== 'pending';
  }

  get cancelled(): boolean {
    return this.outcome.state === 'failed' && (this.outcome.closed || this.outcome.error instanceof CancelledError);
  }

  /** @internal The loop-wide order in which it finished; failures compare by it. */
  get finishedAs(): number {
    return this.outcome.state === 'pending' ? Infinity : this.outcome.order;
  }

  get failed(): boolean {
    return this.outcome.state === 'failed';
  }

  result(): T {
    switch (this.outcome.state) {
      case 'pending':
        throw new Error('the task is not done yet');
      case 'failed':
        throw this.outcome.error;
      default:
        return this.outcome.value;
    }
  }

  cancel(): boolean {
    if (this.done) return false;
    this.cancelAsked = true;
    this.loop.makeReady(this);
    return true;
  }

  close(): void {
    if (this.done) return;
    this.loop.takeOut(this);
    try {
      this.gen.return(undefined as T);
    } finally {
      this.loop.finish(this, { state: 'failed', error: new CancelledError('closed'), closed: true });
    }
  }
}

export class EventLoop {
  private clock = 0;
  private readonly ready: Task[] = [];
  private readonly timers: Timer[] = [];
  private arrivals = 0;
  private finishes = 0;
  private current?: Task;

  get time(): number {
    return this.clock;
  }

  spawn<T>(coro: Coro<T>): Task<T> {
    const task = new Task<T>(this, coro);
    this.ready.push(task);
    return task;
  }

  run<T>(main: Coro<T>): T {
    const task = this.spawn(main);
    while (!task.done) {
      const next = this.ready.shift();
      if (next) {
        this.turn(next);
      } else if (this.timers.length > 0) {
        this.clock = this.timers[0]!.time;
        while (this.timers.length > 0 && this.timers[0]!.time === this.clock) this.ring(this.timers.shift()!);
      } else {
        throw new Error('deadlock: main is not done, no task is ready and none sleeps');
      }
    }
    return task.result();
  }

  private turn(task: Task): void {
    const answer = task.answer;
    task.answer = undefined;
    let step: IteratorResult<unknown, unknown>;
    this.current = task;
    try {
      if (task.cancelAsked) {
        task.cancelAsked = false;
        step = task.gen.throw(new CancelledError('cancelled'));
      } else {
        step = task.gen.next(answer);
      }
    } catch (error) {
      this.finish(task, { state: 'failed', error, closed: false });
      return;
    } finally {
      this.current = undefined;
    }
    if (step.done) {
      this.finish(task, { state: 'returned', value: step.value });
      return;
    }
    if (task.cancelAsked) {
      // cancel() during its own turn: whatever it asked for, it runs next to take the error.
      this.ready.push(task);
      return;
    }
    const request = step.value;
    if (request instanceof Sleep && request.delay > 0) {
      this.addTimer(task, request.delay);
    } else if (request instanceof Wait) {
      task.waiting = request;
      for (const awaited of request.tasks) awaited.watchers.push(task);
      if (request.timeout !== undefined) this.addTimer(task, request.timeout);
    } else {
      this.ready.push(task);
    }
  }

  private addTimer(task: Task, delay: number): void {
    const timer: Timer = { time: this.clock + delay, order: this.arrivals++, task };
    let at = this.timers.length;
    while (at > 0 && (this.timers[at - 1]!.time > timer.time || (this.timers[at - 1]!.time === timer.time && this.timers[at - 1]!.order > timer.order))) at--;
    this.timers.splice(at, 0, timer);
    task.timer = timer;
  }

  private ring(timer: Timer): void {
    const task = timer.task;
    task.timer = undefined;
    if (task.waiting) {
      this.stopWaiting(task);
      task.answer = TIMED_OUT;
    }
    this.ready.push(task);
  }

  private stopWaiting(task: Task): void {
    for (const awaited of task.waiting?.tasks ?? []) {
      const at = awaited.watchers.indexOf(task);
      if (at >= 0) awaited.watchers.splice(at, 1);
    }
    task.waiting = undefined;
  }

  private dropTimer(task: Task): void {
    if (task.timer) {
      this.timers.splice(this.timers.indexOf(task.timer), 1);
      task.timer = undefined;
    }
  }

  /** @internal For cancel(): ready now, keeping its place if it is already in the queue. */
  makeReady(task: Task): void {
    if (task === this.current || this.ready.includes(task)) return;
    this.dropTimer(task);
    this.stopWaiting(task);
    this.ready.push(task);
  }

  /** @internal For close(): out of the queue, its sleep and its wait. */
  takeOut(task: Task): void {
    const at = this.ready.indexOf(task);
    if (at >= 0) this.ready.splice(at, 1);
    this.dropTimer(task);
    this.stopWaiting(task);
  }

  /** @internal */
  finish<T>(task: Task<T>, outcome: { state: 'returned'; value: T } | { state: 'failed'; error: unknown; closed: boolean }): void {
    task.outcome = { ...outcome, order: this.finishes++ };
    for (const watcher of [...task.watchers]) {
      if (watcher.waiting?.satisfied()) {
        this.stopWaiting(watcher);
        this.dropTimer(watcher);
        this.ready.push(watcher);
      }
    }
    task.watchers = [];
  }
}

export function* sleep(delay: number): Coro<void> {
  if (delay < 0) throw new RangeError(`sleep: the delay must not be below 0 (got ${delay})`);
  yield new Sleep(delay);
}

export function* gather<T>(...tasks: Task<T>[]): Coro<T[]> {
  const firstFailure = (): Task<T> | undefined =>
    tasks.filter((t) => t.failed).sort((a, b) => a.finishedAs - b.finishedAs)[0];
  for (;;) {
    const failure = firstFailure();
    if (failure) failure.result();
    if (tasks.every((t) => t.done)) return tasks.map((t) => t.result());
    const pending = tasks.filter((t) => !t.done);
    yield new Wait(pending, () => pending.every((t) => t.done) || pending.some((t) => t.failed));
  }
}

export function* waitFor<T>(task: Task<T>, timeout: number): Coro<T> {
  if (timeout < 0) throw new RangeError(`waitFor: the timeout must not be below 0 (got ${timeout})`);
  if (!task.done) {
    const answer = yield new Wait([task], () => task.done, timeout);
    if (answer === TIMED_OUT && !task.done) {
      task.cancel();
      while (!task.done) yield new Wait([task], () => task.done);
      throw new TimeoutError(`the task did not finish within ${timeout}`);
    }
  }
  return task.result();
}
