// Alternative: asyncio's own shape. Tasks yield Futures; sleep, gather and waitFor build Futures on the running loop (a module-level "current loop", like asyncio.get_running_loop()) and timers are handles that can be cancelled.
export class CancelledError extends Error {
  override name = 'CancelledError';
}

export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

export type Coro<T = unknown> = Generator<unknown, T, unknown>;

/** A value that will be there later. Callbacks run the moment it settles, not a turn later. */
class Future<T = unknown> {
  settled = false;
  ok = true;
  value: T | undefined;
  error: unknown;
  private callbacks: Array<() => void> = [];

  resolve(value: T): void {
    this.settle(true, value, undefined);
  }

  reject(error: unknown): void {
    this.settle(false, undefined, error);
  }

  onSettled(callback: () => void): () => void {
    if (this.settled) {
      callback();
      return () => {};
    }
    this.callbacks.push(callback);
    return () => {
      this.callbacks = this.callbacks.filter((c) => c !== callback);
    };
  }

  private settle(ok: boolean, value: T | undefined, error: unknown): void {
    if (this.settled) return;
    Object.assign(this, { settled: true, ok, value, error });
    const callbacks = this.callbacks;
    this.callbacks = [];
    for (const callback of callbacks) callback();
  }
}

interface TimerHandle {
  at: number;
  order: number;
  fire: () => void;
}

let running: EventLoop | undefined;
let endings = 0;

function runningLoop(): EventLoop {
  if (!running) throw new Error('sleep, gather and waitFor only work inside a task of a running EventLoop');
  return running;
}

export class Task<T = unknown> {
  /** @internal Settles when the coroutine ends; gather and waitFor listen to it. */
  readonly finished = new Future<T>();
  /** @internal */
  wasCancelled = false;
  /** @internal */
  mustCancel = false;
  /** @internal Undoes the current wait (the callback on the Future the task yielded). */
  detach: (() => void) | null = null;
  /** @internal When it ended, counting the ends of all tasks: gather throws the first failure. */
  endedAs = 0;

  /** @internal */
  constructor(
    readonly loop: EventLoop,
    readonly coro: Coro<T>,
  ) {}

  get done(): boolean {
    return this.finished.settled;
  }

  get cancelled(): boolean {
    return this.wasCancelled;
  }

  result(): T {
    if (!this.finished.settled) throw new Error('result() of a task that is not done');
    if (!this.finished.ok) throw this.finished.error;
    return this.finished.value as T;
  }

  cancel(): boolean {
    if (this.done) return false;
    this.mustCancel = true;
    this.loop.makeReady(this);
    return true;
  }

  close(): void {
    if (this.done) return;
    this.loop.unqueue(this);
    this.coro.return(undefined as T);
    this.loop.end(this, false, undefined, new CancelledError('closed'));
  }
}

export class EventLoop {
  private now = 0;
  private order = 0;
  private readonly queue: Task[] = [];
  private readonly timers: TimerHandle[] = [];
  private active: Task | null = null;
  /** The Future a waiting task was woken by: its value (or error) is what the task's yield gives. */
  private readonly resumeValue = new WeakMap<Task, Future>();

  get time(): number {
    return this.now;
  }

  spawn<T>(coro: Coro<T>): Task<T> {
    const task = new Task(this, coro);
    this.queue.push(task);
    return task;
  }

  run<T>(main: Coro<T>): T {
    const mainTask = this.spawn(main);
    const outer = running;
    running = this;
    try {
      while (!mainTask.done) {
        if (this.queue.length > 0) {
          this.turn(this.queue.shift()!);
          continue;
        }
        if (this.timers.length === 0) throw new Error('deadlock: nothing is ready and no timer is pending');
        this.now = this.timers[0]!.at;
        while (this.timers.length > 0 && this.timers[0]!.at === this.now) this.timers.shift()!.fire();
      }
    } finally {
      running = outer;
    }
    return mainTask.result();
  }

  /** @internal Calls `fire` once the clock reaches now + delay; returns a way to call it off. */
  callLater(delay: number, fire: () => void): () => void {
    const handle: TimerHandle = { at: this.now + delay, order: this.order++, fire };
    const index = this.timers.findIndex((t) => t.at > handle.at || (t.at === handle.at && t.order > handle.order));
    this.timers.splice(index < 0 ? this.timers.length : index, 0, handle);
    return () => {
      const at = this.timers.indexOf(handle);
      if (at >= 0) this.timers.splice(at, 1);
    };
  }

  /** @internal */
  makeReady(task: Task): void {
    if (task === this.active || this.queue.includes(task)) return;
    task.detach?.();
    task.detach = null;
    this.queue.push(task);
  }

  /** @internal */
  unqueue(task: Task): void {
    task.detach?.();
    task.detach = null;
    const at = this.queue.indexOf(task);
    if (at >= 0) this.queue.splice(at, 1);
  }

  /** @internal */
  end(task: Task, ok: boolean, value: unknown, error: unknown): void {
    task.endedAs = ++endings;
    if (ok) {
      task.finished.resolve(value);
    } else {
      task.wasCancelled = error instanceof CancelledError;
      task.finished.reject(error);
    }
  }

  private turn(task: Task): void {
    this.active = task;
    let step: IteratorResult<unknown, unknown>;
    try {
      if (task.mustCancel) {
        task.mustCancel = false;
        step = task.coro.throw(new CancelledError());
      } else {
        const from = this.resumeValue.get(task);
        this.resumeValue.delete(task);
        step = from && !from.ok ? task.coro.throw(from.error) : task.coro.next(from?.value);
      }
    } catch (error) {
      this.active = null;
      this.end(task, false, undefined, error);
      return;
    }
    this.active = null;
    if (step.done) {
      this.end(task, true, step.value, undefined);
      return;
    }
    const yielded = step.value;
    if (yielded instanceof Future && !task.mustCancel) {
      task.detach = yielded.onSettled(() => {
        task.detach = null;
        this.resumeValue.set(task, yielded);
        this.queue.push(task);
      });
      return;
    }
    this.queue.push(task);
  }
}

export function* sleep(delay: number): Coro<void> {
  if (delay < 0 || Number.isNaN(delay)) throw new RangeError('sleep: the delay must not be negative');
  if (delay === 0) {
    yield;
    return;
  }
  const alarm = new Future<void>();
  const callOff = runningLoop().callLater(delay, () => alarm.resolve(undefined));
  try {
    yield alarm;
  } finally {
    // Cancelled while asleep: the alarm must not keep the clock going for nobody.
    callOff();
  }
}

export function* gather<T>(...tasks: Task<T>[]): Coro<T[]> {
  const firstFailure = (): Task<T> | undefined => tasks.filter((t) => t.done && !t.finished.ok).sort((a, b) => a.endedAs - b.endedAs)[0];
  const failedAlready = firstFailure();
  if (failedAlready) return failedAlready.result() as never;
  if (tasks.every((t) => t.done)) return tasks.map((t) => t.result());
  const all = new Future<T[]>();
  for (const task of tasks) {
    task.finished.onSettled(() => {
      // After the first failure the answer is given; later endings change nothing.
      if (all.settled) return;
      if (!task.finished.ok) all.reject(task.finished.error);
      else if (tasks.every((t) => t.done)) all.resolve(tasks.map((t) => t.result()));
    });
  }
  return (yield all) as T[];
}

export function* waitFor<T>(task: Task<T>, timeout: number): Coro<T> {
  if (timeout < 0) throw new RangeError(`waitFor: the timeout must not be below 0 (got ${timeout})`);
  if (task.done) return task.result();
  const first = new Future<'finished' | 'timeout'>();
  const callOff = runningLoop().callLater(timeout, () => first.resolve('timeout'));
  task.finished.onSettled(() => first.resolve('finished'));
  try {
    if ((yield first) === 'finished') return task.result();
  } finally {
    callOff();
  }
  task.cancel();
  const ended = new Future<void>();
  task.finished.onSettled(() => ended.resolve(undefined));
  yield ended;
  throw new TimeoutError(`not finished within ${timeout}`);
}
