import type * as Target from '@target/15-threads-vs-coroutines/threads-vs-coroutines';
import { loadTarget } from './support/target';
import { thrownBy } from './support/throws';

const m = loadTarget<typeof Target>('15-threads-vs-coroutines');

type Task = Target.Task;

/**
 * A counter of the spec's own, for driving a worker by hand: it writes every access to the
 * shared `trace` (as do the tasks' `yield`s, via `drive`), and throws after `limit` accesses.
 */
function tracedCounter(trace: string[], limit = Infinity): Target.SharedCounter & { value: number } {
  let accesses = 0;
  const check = (): void => {
    if (++accesses > limit) throw new Error(`the spec's counter allows ${limit} accesses`);
  };
  return {
    value: 0,
    read() {
      check();
      trace.push(`read ${this.value}`);
      return this.value;
    },
    write(value: number) {
      check();
      trace.push(`write ${value}`);
      this.value = value;
    },
  };
}

/** Describes a yielded value the way the trace shows it. */
function describeYield(value: unknown): string {
  if (value instanceof m.Acquire) return `yield Acquire ${value.lock}`;
  if (value instanceof m.Release) return `yield Release ${value.lock}`;
  return 'yield';
}

/** Calls next() until the generator is done (at most `max` times), tracing each yield. */
function drive(gen: Task, trace: string[], max = 1000): void {
  for (let i = 0; i < max; i++) {
    const result = gen.next();
    if (result.done) {
      trace.push('done');
      return;
    }
    trace.push(describeYield(result.value));
  }
  trace.push(`(still going after ${max} next() calls)`);
}

/** A task that logs `<name>1` … `<name><count>`, yielding after each but the last. */
function* steps(log: string[], name: string, count: number): Task {
  for (let i = 1; i <= count; i++) {
    log.push(`${name}${i}`);
    if (i < count) yield;
  }
}

/** A task that logs when its `finally` runs, after yielding `count` times. */
function* guarded(log: string[], name: string, count = 50): Task {
  try {
    for (let i = 0; i < count; i++) yield;
  } finally {
    log.push(`${name} finally`);
  }
}

describe('Scheduler: round robin and the counter', () => {
  test('tasks take turns in spawn order, each turn ending at a yield, whatever was yielded', () => {
    const log: string[] = [];
    const s = new m.Scheduler();
    s.spawn('a', steps(log, 'a', 3));
    s.spawn('b', steps(log, 'b', 1));
    function* c(): Task {
      log.push('c1');
      yield 'anything';
      log.push('c2');
    }
    s.spawn('c', c());
    const report = s.run();
    expect(log).toEqual(['a1', 'b1', 'c1', 'a2', 'c2', 'a3']);
    expect(report.outcome).toBe('done');
  });

  test('the report counts the turns each task was given, by name', () => {
    const s = new m.Scheduler();
    s.spawn('a', steps([], 'a', 3));
    s.spawn('b', steps([], 'b', 1));
    expect(s.run().turns).toEqual({ a: 3, b: 1 });
  });

  test('the counter starts at 0, every read and write is a step, and the report has both', () => {
    const s = new m.Scheduler();
    function* task(): Task {
      s.counter.write(s.counter.read() + 5);
      yield;
      s.counter.read();
    }
    s.spawn('t', task());
    const report = s.run();
    expect(report).toMatchObject({ outcome: 'done', counter: 5, steps: 3 });
  });

  test('the counter is one object for the whole run, passed to the tasks before it starts', () => {
    const s = new m.Scheduler();
    expect(s.counter).toBe(s.counter);
    s.spawn('a', m.worker(s.counter, 2));
    expect(s.run()).toMatchObject({ outcome: 'done', counter: 2, steps: 4 });
  });
});

describe('Scheduler: the step budget', () => {
  test('the access that would go past maxSteps throws OutOfSteps in the task and does not happen', () => {
    const s = new m.Scheduler({ maxSteps: 3 });
    const seen: unknown[] = [];
    function* task(): Task {
      s.counter.write(1);
      s.counter.write(2);
      s.counter.write(3);
      try {
        s.counter.write(4);
      } catch (error) {
        seen.push(error);
        throw error;
      }
    }
    s.spawn('t', task());
    const report = s.run();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(m.OutOfSteps);
    expect(seen[0]).toBeInstanceOf(Error);
    expect(report).toMatchObject({ outcome: 'out-of-steps', counter: 3, steps: 3, running: 't' });
  });

  test('the budget stops well-behaved tasks too, in the middle of their work', () => {
    const s = new m.Scheduler({ maxSteps: 7 });
    s.spawn('a', m.worker(s.counter, 10));
    s.spawn('b', m.worker(s.counter, 10));
    // a: 2 steps, b: 2, a: 2, then b reads (step 7) and its write is refused.
    expect(s.run()).toMatchObject({ outcome: 'out-of-steps', counter: 3, steps: 7, running: 'b', turns: { a: 2, b: 2 } });
  });

  test('a task that never yields starves the rest: they wait while it uses up the whole budget in one turn', () => {
    const s = new m.Scheduler({ maxSteps: 1000 });
    s.spawn('a', m.worker(s.counter, 100));
    s.spawn('b', m.worker(s.counter, 100));
    s.spawn('hog', m.hog(s.counter));
    const report = s.run();
    expect(report).toMatchObject({ outcome: 'out-of-steps', counter: 500, steps: 1000, running: 'hog' });
    expect(report.turns).toEqual({ a: 1, b: 1, hog: 1 });
    expect(report.cycle).toBeUndefined();
  });

  test('spawned first, a task that never yields lets nobody else run at all', () => {
    const s = new m.Scheduler({ maxSteps: 100 });
    s.spawn('hog', m.hog(s.counter));
    s.spawn('a', m.worker(s.counter, 5));
    expect(s.run()).toMatchObject({ outcome: 'out-of-steps', counter: 50, running: 'hog', turns: { hog: 1, a: 0 } });
  });

  test('stopping for the budget closes every unfinished task with return(), in spawn order', () => {
    const log: string[] = [];
    const s = new m.Scheduler({ maxSteps: 10 });
    s.spawn('x', guarded(log, 'x'));
    s.spawn('y', guarded(log, 'y'));
    s.spawn('hog', m.hog(s.counter));
    s.run();
    expect(log).toEqual(['x finally', 'y finally']);
  });
});

describe('Scheduler: locks', () => {
  test('Acquire of a free lock is granted, and the task goes to the back of the queue', () => {
    const log: string[] = [];
    const s = new m.Scheduler();
    function* task(): Task {
      log.push('t asks');
      yield new m.Acquire('L');
      log.push('t holds L');
    }
    s.spawn('t', task());
    s.spawn('b', steps(log, 'b', 2));
    expect(s.run().outcome).toBe('done');
    expect(log).toEqual(['t asks', 'b1', 't holds L', 'b2']);
  });

  test('Acquire of a held lock sleeps until it is released; waiters get it first come, first served', () => {
    const log: string[] = [];
    const s = new m.Scheduler();
    function* holder(): Task {
      yield new m.Acquire('L');
      yield;
      yield;
      log.push('holder releases');
      yield new m.Release('L');
      log.push('holder goes on');
    }
    function* waiter(name: string, delay: number): Task {
      for (let i = 0; i < delay; i++) yield;
      log.push(`${name} asks`);
      yield new m.Acquire('L');
      log.push(`${name} holds L`);
      yield new m.Release('L');
    }
    s.spawn('holder', holder());
    s.spawn('w1', waiter('w1', 1));
    s.spawn('w2', waiter('w2', 0));
    expect(s.run().outcome).toBe('done');
    expect(log).toEqual(['w2 asks', 'w1 asks', 'holder releases', 'w2 holds L', 'holder goes on', 'w1 holds L']);
  });

  test('the waiter handed a released lock is queued before the task that released it', () => {
    const log: string[] = [];
    const s = new m.Scheduler();
    function* holder(): Task {
      yield new m.Acquire('L');
      yield;
      yield new m.Release('L');
      log.push('holder after release');
    }
    function* waiter(): Task {
      yield new m.Acquire('L');
      log.push('waiter holds L');
      yield new m.Release('L');
    }
    s.spawn('holder', holder());
    s.spawn('waiter', waiter());
    s.run();
    expect(log).toEqual(['waiter holds L', 'holder after release']);
  });

  test('a task that finishes still holding a lock gives it to the first waiter', () => {
    const log: string[] = [];
    const s = new m.Scheduler();
    function* forgetful(): Task {
      yield new m.Acquire('L');
      yield;
    }
    function* waiter(): Task {
      yield new m.Acquire('L');
      log.push('waiter holds L');
    }
    s.spawn('forgetful', forgetful());
    s.spawn('waiter', waiter());
    expect(s.run().outcome).toBe('done');
    expect(log).toEqual(['waiter holds L']);
  });

  test('Release of a lock the task does not hold throws an Error into it at that yield (message contains "not held")', () => {
    const s = new m.Scheduler();
    const caught: unknown[] = [];
    function* task(): Task {
      try {
        yield new m.Release('L');
      } catch (error) {
        caught.push(error);
      }
      yield;
    }
    s.spawn('t', task());
    expect(s.run().outcome).toBe('done');
    expect(caught).toHaveLength(1);
    expect(caught[0]).toBeInstanceOf(Error);
    expect((caught[0] as Error).message).toContain('not held');
  });

  test('an error escaping a task ends run(): the others are closed with return(), then run() throws that very error', () => {
    const log: string[] = [];
    const problem = new Error('task failed');
    const s = new m.Scheduler();
    function* failing(): Task {
      yield;
      throw problem;
    }
    s.spawn('x', guarded(log, 'x'));
    s.spawn('bad', failing());
    s.spawn('y', guarded(log, 'y'));
    expect(thrownBy(() => s.run())).toBe(problem);
    expect(log).toEqual(['x finally', 'y finally']);
  });
});

describe('Scheduler: deadlock', () => {
  test('when every task left is asleep, run() reports deadlock and the cycle of waits', () => {
    const s = new m.Scheduler();
    s.spawn('p1', m.philosopher(s.counter, 'A', 'B'));
    s.spawn('p2', m.philosopher(s.counter, 'B', 'A'));
    expect(s.run()).toMatchObject({ outcome: 'deadlock', cycle: ['p1', 'p2', 'p1'], counter: 0 });
  });

  test('the cycle starts from the first-spawned sleeper and leaves out tasks that only wait on it', () => {
    const s = new m.Scheduler();
    function* late(): Task {
      yield;
      yield;
      yield new m.Acquire('A');
    }
    s.spawn('late', late());
    s.spawn('p1', m.philosopher(s.counter, 'A', 'B'));
    s.spawn('p2', m.philosopher(s.counter, 'B', 'A'));
    expect(s.run()).toMatchObject({ outcome: 'deadlock', cycle: ['p1', 'p2', 'p1'] });
  });

  test('a task that asks again for a lock it holds waits for itself: a cycle of one', () => {
    const s = new m.Scheduler();
    function* twice(): Task {
      yield new m.Acquire('L');
      yield new m.Acquire('L');
    }
    s.spawn('t', twice());
    expect(s.run()).toMatchObject({ outcome: 'deadlock', cycle: ['t', 't'] });
  });

  test('stopping for a deadlock closes every unfinished task with return(), in spawn order', () => {
    const log: string[] = [];
    const s = new m.Scheduler();
    function* stuck(name: string, first: string, second: string): Task {
      try {
        yield* m.philosopher(s.counter, first, second);
      } finally {
        log.push(`${name} finally`);
      }
    }
    s.spawn('p1', stuck('p1', 'A', 'B'));
    s.spawn('p2', stuck('p2', 'B', 'A'));
    expect(s.run().outcome).toBe('deadlock');
    expect(log).toEqual(['p1 finally', 'p2 finally']);
  });
});

describe('worker', () => {
  test('each turn reads and writes once with no yield between, then yields; it is done after times turns', () => {
    const trace: string[] = [];
    drive(m.worker(tracedCounter(trace), 2), trace);
    expect(trace).toEqual(['read 0', 'write 1', 'yield', 'read 1', 'write 2', 'yield', 'done']);
  });

  test('many workers on the scheduler never lose an update', () => {
    const s = new m.Scheduler();
    for (let i = 1; i <= 10; i++) s.spawn(`w${i}`, m.worker(s.counter, 50));
    expect(s.run()).toMatchObject({ outcome: 'done', counter: 500, steps: 1000 });
  });
});

describe('racyWorker', () => {
  test('reads, yields, then writes what it read plus one', () => {
    const trace: string[] = [];
    drive(m.racyWorker(tracedCounter(trace), 2), trace);
    expect(trace).toEqual(['read 0', 'yield', 'write 1', 'read 1', 'yield', 'write 2', 'done']);
  });

  test('racy workers on the scheduler lose updates: four of them adding 25 each reach only 25', () => {
    const s = new m.Scheduler();
    for (let i = 1; i <= 4; i++) s.spawn(`r${i}`, m.racyWorker(s.counter, 25));
    expect(s.run()).toMatchObject({ outcome: 'done', counter: 25 });
  });
});

describe('lockedWorker', () => {
  test('yields Acquire, a plain yield and Release for each increment, reading after Acquire and writing before Release', () => {
    const trace: string[] = [];
    drive(m.lockedWorker(tracedCounter(trace), 2, 'L'), trace);
    expect(trace).toEqual([
      'yield Acquire L', 'read 0', 'yield', 'write 1', 'yield Release L',
      'yield Acquire L', 'read 1', 'yield', 'write 2', 'yield Release L',
      'done',
    ]);
  });

  test('locked workers on the scheduler lose nothing although they yield in the middle of an update', () => {
    const s = new m.Scheduler();
    for (let i = 1; i <= 4; i++) s.spawn(`l${i}`, m.lockedWorker(s.counter, 25, 'counter'));
    expect(s.run()).toMatchObject({ outcome: 'done', counter: 100 });
  });
});

describe('hog', () => {
  test('never yields: one next() increments until the counter refuses', () => {
    const trace: string[] = [];
    const counter = tracedCounter(trace, 20);
    const gen = m.hog(counter);
    expect(thrownBy(() => gen.next())).toEqual(new Error("the spec's counter allows 20 accesses"));
    expect(counter.value).toBe(10);
    expect(trace.filter((t) => t.startsWith('yield'))).toEqual([]);
  });
});

describe('philosopher', () => {
  test('yields Acquire(first), a plain yield, Acquire(second), increments, then releases second and first', () => {
    const trace: string[] = [];
    drive(m.philosopher(tracedCounter(trace), 'A', 'B'), trace);
    expect(trace).toEqual(['yield Acquire A', 'yield', 'yield Acquire B', 'read 0', 'write 1', 'yield Release B', 'yield Release A', 'done']);
  });

  test('philosophers who take the locks in the same order never deadlock', () => {
    const s = new m.Scheduler();
    s.spawn('p1', m.philosopher(s.counter, 'A', 'B'));
    s.spawn('p2', m.philosopher(s.counter, 'A', 'B'));
    s.spawn('p3', m.philosopher(s.counter, 'A', 'B'));
    expect(s.run()).toMatchObject({ outcome: 'done', counter: 3 });
  });
});
