/**
 * 15 · Threads vs coroutines — one shared counter, many workers, one thread.
 *
 * Read README.md first. Write the `Scheduler` class and turn the five workers into generators
 * (`function*`, keep the parameter and return types).
 * Check your work with `npm run grade -- --exercise 15`; stuck? `npm run hint -- 15`.
 * The threads side of the story is in demo.mjs: `node exercises/15-threads-vs-coroutines/demo.mjs`.
 *
 * 한국어: README.ko.md를 먼저 읽으세요. 막히면 `npm run hint -- 15 --lang ko`.
 */

// Given: the type of a task.
export type Task = Generator<unknown, void, unknown>;

// Given: the shared counter. Every read() and every write() is one step of work.
export interface SharedCounter {
  read(): number;
  write(value: number): void;
}

/** Given: a task yields this to ask for the lock of that name. */
export class Acquire {
  constructor(readonly lock: string) {}
}

/** Given: a task yields this to give the lock back. */
export class Release {
  constructor(readonly lock: string) {}
}

/** Given: what the counter throws when an access would go past the scheduler's budget. */
export class OutOfSteps extends Error {
  override name = 'OutOfSteps';
}

// Given: what run() returns.
export interface Report {
  outcome: 'done' | 'out-of-steps' | 'deadlock';
  /** The counter's value when run() returned. */
  counter: number;
  /** Accesses to the counter, all tasks together. */
  steps: number;
  /** How many times each task was resumed, by name (0 for a task that never ran). */
  turns: Record<string, number>;
  /** With out-of-steps: the task that was running when the budget ran out. */
  running?: string;
  /** With deadlock: the cycle of waits, first task repeated at the end: ['a', 'b', 'a']. */
  cycle?: string[];
}

export class Scheduler {
  readonly counter: SharedCounter;

  constructor(options: { maxSteps?: number } = {}) {
    // TODO: keep the budget (no maxSteps: no limit), make the counter (0 at first; every
    // read and write counts one step, and the access that would go past the budget throws
    // OutOfSteps instead), and set up the ready queue, the turns per task and the locks.
    // 할 일: 예산을 간직하고(maxSteps가 없으면 제한 없음), 카운터를 만들고(처음에는 0, 읽기와
    // 쓰기가 한 단계씩이고, 예산을 넘길 접근은 대신 OutOfSteps를 던진다), 준비 큐, 태스크별 차례 수,
    // 락을 준비한다.
    throw new Error('Not implemented: Scheduler (exercises/15-threads-vs-coroutines/threads-vs-coroutines.ts)');
  }

  spawn(name: string, task: Task): void {
    // TODO: remember the task under its name with 0 turns, and queue it at the back.
    // 할 일: 태스크를 이름과 함께 차례 0으로 기억하고, 큐 맨 뒤에 넣는다.
    throw new Error('Not implemented: Scheduler.spawn (exercises/15-threads-vs-coroutines/threads-vs-coroutines.ts)');
  }

  run(): Report {
    // TODO: round robin, one next() per turn. Handle what each task yields (Acquire, Release,
    // anything else), stop early for OutOfSteps, a task's error or a deadlock (closing the
    // unfinished tasks with return(), in spawn order), and return the report.
    // 할 일: 라운드 로빈, 차례마다 next() 한 번. 태스크가 yield한 것(Acquire, Release, 그 밖의
    // 것)을 처리하고, OutOfSteps, 태스크의 에러, 교착 상태에서는 일찍 멈추고(끝나지 않은 태스크를
    // spawn 순서대로 return()으로 닫는다), 보고서를 돌려준다.
    throw new Error('Not implemented: Scheduler.run (exercises/15-threads-vs-coroutines/threads-vs-coroutines.ts)');
  }
}

/** Adds 1 to the counter `times` times, yielding after each increment. */
export function worker(counter: SharedCounter, times: number): Task {
  // TODO: make this a generator. Read and write with no yield between them.
  // 할 일: 제너레이터로 만든다. 읽기와 쓰기 사이에 yield가 없어야 한다.
  throw new Error('Not implemented: worker (exercises/15-threads-vs-coroutines/threads-vs-coroutines.ts)');
}

/** Adds 1 `times` times, the way a preempted thread would: read, yield, write. */
export function racyWorker(counter: SharedCounter, times: number): Task {
  // TODO: make this a generator: read, then a plain yield, then write what it read plus one.
  // 할 일: 제너레이터로 만든다. 읽고, 그냥 yield하고, 읽은 값에 1을 더해 쓴다.
  throw new Error('Not implemented: racyWorker (exercises/15-threads-vs-coroutines/threads-vs-coroutines.ts)');
}

/** racyWorker's read, yield, write, made safe by holding `lock` around it. */
export function lockedWorker(counter: SharedCounter, times: number, lock: string): Task {
  // TODO: make this a generator: yield new Acquire(lock), read, yield, write, yield new Release(lock).
  // 할 일: 제너레이터로 만든다. yield new Acquire(lock), 읽기, yield, 쓰기, yield new Release(lock).
  throw new Error('Not implemented: lockedWorker (exercises/15-threads-vs-coroutines/threads-vs-coroutines.ts)');
}

/** Adds 1 forever and never yields. */
export function hog(counter: SharedCounter): Generator<never, never, unknown> {
  // TODO: make this a generator that loops forever without a single yield.
  // 할 일: yield 하나 없이 영원히 도는 제너레이터로 만든다.
  throw new Error('Not implemented: hog (exercises/15-threads-vs-coroutines/threads-vs-coroutines.ts)');
}

/** Takes lock `first`, pauses, takes `second`, adds 1, releases `second` then `first`. */
export function philosopher(counter: SharedCounter, first: string, second: string): Task {
  // TODO: make this a generator: Acquire(first), a plain yield, Acquire(second), one
  // increment, Release(second), Release(first).
  // 할 일: 제너레이터로 만든다. Acquire(first), 그냥 yield, Acquire(second), 증가 한 번,
  // Release(second), Release(first).
  throw new Error('Not implemented: philosopher (exercises/15-threads-vs-coroutines/threads-vs-coroutines.ts)');
}
