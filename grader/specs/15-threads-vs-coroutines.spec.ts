import type * as Target from '@target/15-threads-vs-coroutines/threads-vs-coroutines';
import { converse, type Conversation, type RecordOptions } from './support/conversation';
import { loadTarget } from './support/target';
import { thrownBy } from './support/throws';

const m = loadTarget<typeof Target>('15-threads-vs-coroutines');

type Task = Target.Task;
type SharedCounter = Target.SharedCounter;

/**
 * A counter of the spec's own, for driving a worker by hand: it writes every access to the
 * shared `trace` (as do the tasks' `yield`s, via `drive`), and throws after `limit` accesses.
 */
function tracedCounter(trace: string[], limit = Infinity): SharedCounter & { value: number } {
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

/** Past this many lines a watched counter stops writing to its log: a task gone round in circles must not fill the memory. */
const WATCHED_LINES = 5000;

/**
 * The scheduler's counter as the workers of a test see it: each access is passed on to it
 * unchanged, then written to `log`, so that each recorded step shows the reads and writes of
 * that turn. Only for workers that end by themselves, never for a hog.
 */
function watched(counter: SharedCounter, log: string[]): SharedCounter {
  return {
    read() {
      const value = counter.read();
      if (log.length < WATCHED_LINES) log.push(`read ${value}`);
      return value;
    },
    write(value: number) {
      counter.write(value);
      if (log.length < WATCHED_LINES) log.push(`write ${value}`);
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

// What correct workers answer, driven with the same calls as the student's, so that a failure
// is cut around the first step that differs. Each is given a counter of its own.

function* modelWorker(counter: SharedCounter, times: number): Task {
  for (let i = 0; i < times; i++) {
    counter.write(counter.read() + 1);
    yield;
  }
}

function* modelRacyWorker(counter: SharedCounter, times: number): Task {
  for (let i = 0; i < times; i++) {
    const seen = counter.read();
    yield;
    counter.write(seen + 1);
  }
}

function* modelLockedWorker(counter: SharedCounter, times: number, lock: string): Task {
  for (let i = 0; i < times; i++) {
    yield new m.Acquire(lock);
    const seen = counter.read();
    yield;
    counter.write(seen + 1);
    yield new m.Release(lock);
  }
}

/** Only ever given a counter that throws in the end (a limit, a spent budget): it stops there. */
function* modelHog(counter: SharedCounter): Task {
  for (;;) counter.write(counter.read() + 1);
}

function* modelPhilosopher(counter: SharedCounter, first: string, second: string): Task {
  yield new m.Acquire(first);
  yield;
  yield new m.Acquire(second);
  counter.write(counter.read() + 1);
  yield new m.Release(second);
  yield new m.Release(first);
}

/**
 * The counter a model gets on the scheduler, where only its answers are compared: reads give
 * 0 and writes are dropped. Not for modelHog, which would never stop.
 */
const idleCounter: SharedCounter = { read: () => 0, write: () => undefined };

/**
 * The counter a model hog gets on the scheduler: a budget already spent. In these tests a hog's
 * one turn ends when the budget does, so its first next() answers OutOfSteps, as this model's does.
 */
const spentCounter: SharedCounter = {
  read: () => {
    throw new m.OutOfSteps('the model hog is out of steps');
  },
  write: () => {
    throw new m.OutOfSteps('the model hog is out of steps');
  },
};

/** Spawns a task under `name`, recorded under the same name: a failure shows how the scheduler drove it. */
function spawn(talk: Conversation, s: Target.Scheduler, name: string, task: Task, options: RecordOptions = {}): void {
  s.spawn(name, talk.record(task, name, options));
}

/**
 * A worker of the student's to drive by hand, recorded beside its model: each has a traced
 * counter of its own, so a failure shows the first step whose answer, or whose reads and
 * writes, differ from a correct worker's.
 */
function byHand(talk: Conversation, call: string, make: (counter: SharedCounter) => Task, model: (counter: SharedCounter) => Task, limit = Infinity) {
  const trace: string[] = [];
  const modelTrace: string[] = [];
  const counter = tracedCounter(trace, limit);
  const gen = talk.record(make(counter), call, { log: trace, model: model(tracedCounter(modelTrace, limit)), modelLog: modelTrace });
  return { gen, trace, counter };
}

describe('Scheduler: round robin and the counter', () => {
  test('tasks take turns in spawn order, each turn ending at a yield, whatever was yielded', () => {
    converse((talk) => {
      const log: string[] = [];
      const s = new m.Scheduler();
      spawn(talk, s, 'a', steps(log, 'a', 3), { log });
      spawn(talk, s, 'b', steps(log, 'b', 1), { log });
      function* c(): Task {
        log.push('c1');
        yield 'anything';
        log.push('c2');
      }
      spawn(talk, s, 'c', c(), { log });
      const report = s.run();
      expect(log).toEqual(['a1', 'b1', 'c1', 'a2', 'c2', 'a3']);
      expect(report.outcome).toBe('done');
    });
  });

  test('the report counts the turns each task was given, by name', () => {
    converse((talk) => {
      // Only shown in a failure message.
      const log: string[] = [];
      const s = new m.Scheduler();
      spawn(talk, s, 'a', steps(log, 'a', 3), { log });
      spawn(talk, s, 'b', steps(log, 'b', 1), { log });
      expect(s.run().turns).toEqual({ a: 3, b: 1 });
    });
  });

  test('the counter starts at 0, every read and write is a step, and the report has both', () => {
    converse((talk) => {
      const s = new m.Scheduler();
      function* task(): Task {
        s.counter.write(s.counter.read() + 5);
        yield;
        s.counter.read();
      }
      spawn(talk, s, 't', task());
      const report = s.run();
      expect(report).toMatchObject({ outcome: 'done', counter: 5, steps: 3 });
    });
  });

  test('the counter is one object for the whole run, passed to the tasks before it starts', () => {
    converse((talk) => {
      const s = new m.Scheduler();
      expect(s.counter).toBe(s.counter);
      const log: string[] = [];
      spawn(talk, s, 'a', m.worker(watched(s.counter, log), 2), { log, model: modelWorker(idleCounter, 2), madeBy: 'worker(counter, 2)' });
      expect(s.run()).toMatchObject({ outcome: 'done', counter: 2, steps: 4 });
    });
  });
});

describe('Scheduler: the step budget', () => {
  test('the access that would go past maxSteps throws OutOfSteps in the task and does not happen', () => {
    converse((talk) => {
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
      spawn(talk, s, 't', task());
      const report = s.run();
      expect(seen).toHaveLength(1);
      expect(seen[0]).toBeInstanceOf(m.OutOfSteps);
      expect(seen[0]).toBeInstanceOf(Error);
      expect(report).toMatchObject({ outcome: 'out-of-steps', counter: 3, steps: 3, running: 't' });
    });
  });

  test('the budget stops well-behaved tasks too, in the middle of their work', () => {
    converse((talk) => {
      const s = new m.Scheduler({ maxSteps: 7 });
      const log: string[] = [];
      // No models here: the budget rightly stops the student's workers where a model would go on.
      spawn(talk, s, 'a', m.worker(watched(s.counter, log), 10), { log, madeBy: 'worker(counter, 10)' });
      spawn(talk, s, 'b', m.worker(watched(s.counter, log), 10), { log, madeBy: 'worker(counter, 10)' });
      // a: 2 steps, b: 2, a: 2, then b reads (step 7) and its write is refused.
      expect(s.run()).toMatchObject({ outcome: 'out-of-steps', counter: 3, steps: 7, running: 'b', turns: { a: 2, b: 2 } });
    });
  });

  test('a task that never yields starves the rest: they wait while it uses up the whole budget in one turn', () => {
    converse((talk) => {
      const s = new m.Scheduler({ maxSteps: 1000 });
      const log: string[] = [];
      spawn(talk, s, 'a', m.worker(watched(s.counter, log), 100), { log, madeBy: 'worker(counter, 100)' });
      spawn(talk, s, 'b', m.worker(watched(s.counter, log), 100), { log, madeBy: 'worker(counter, 100)' });
      spawn(talk, s, 'hog', m.hog(s.counter), { model: modelHog(spentCounter), madeBy: 'hog(counter)' });
      const report = s.run();
      expect(report).toMatchObject({ outcome: 'out-of-steps', counter: 500, steps: 1000, running: 'hog' });
      expect(report.turns).toEqual({ a: 1, b: 1, hog: 1 });
      expect(report.cycle).toBeUndefined();
    });
  });

  test('spawned first, a task that never yields lets nobody else run at all', () => {
    converse((talk) => {
      const s = new m.Scheduler({ maxSteps: 100 });
      spawn(talk, s, 'hog', m.hog(s.counter), { model: modelHog(spentCounter), madeBy: 'hog(counter)' });
      spawn(talk, s, 'a', m.worker(s.counter, 5), { madeBy: 'worker(counter, 5)' });
      expect(s.run()).toMatchObject({ outcome: 'out-of-steps', counter: 50, running: 'hog', turns: { hog: 1, a: 0 } });
    });
  });

  test('stopping for the budget closes every unfinished task with return(), in spawn order', () => {
    converse((talk) => {
      const log: string[] = [];
      const s = new m.Scheduler({ maxSteps: 10 });
      spawn(talk, s, 'x', guarded(log, 'x'), { log });
      spawn(talk, s, 'y', guarded(log, 'y'), { log });
      spawn(talk, s, 'hog', m.hog(s.counter), { model: modelHog(spentCounter), madeBy: 'hog(counter)' });
      s.run();
      expect(log).toEqual(['x finally', 'y finally']);
    });
  });

  test('a task that catches OutOfSteps and yields still ends run() at the end of that turn, and is then closed; closing is not a turn', () => {
    converse((talk) => {
      const log: string[] = [];
      const s = new m.Scheduler({ maxSteps: 2 });
      function* stubborn(): Task {
        try {
          s.counter.write(1);
          s.counter.write(2);
          try {
            s.counter.write(3);
          } catch (error) {
            log.push(error instanceof m.OutOfSteps ? 'caught OutOfSteps' : `caught ${String(error)}`);
          }
          yield;
          log.push('resumed after the budget ran out');
        } finally {
          log.push('stubborn finally');
        }
      }
      spawn(talk, s, 'stubborn', stubborn(), { log });
      spawn(talk, s, 'other', steps(log, 'other', 2), { log });
      expect(s.run()).toMatchObject({ outcome: 'out-of-steps', counter: 2, steps: 2, running: 'stubborn', turns: { stubborn: 1, other: 0 } });
      expect(log).toEqual(['caught OutOfSteps', 'stubborn finally']);
    });
  });

  test('a task that catches OutOfSteps and then throws another error: run() still reports out-of-steps, and throws nothing', () => {
    converse((talk) => {
      const s = new m.Scheduler({ maxSteps: 1 });
      function* task(): Task {
        s.counter.write(1);
        try {
          s.counter.write(2);
        } catch {
          throw new Error('something else went wrong');
        }
      }
      spawn(talk, s, 't', task());
      expect(s.run()).toMatchObject({ outcome: 'out-of-steps', counter: 1, steps: 1, running: 't' });
    });
  });

  test('maxSteps: 0 allows no access at all: the very first read throws OutOfSteps', () => {
    converse((talk) => {
      const s = new m.Scheduler({ maxSteps: 0 });
      spawn(talk, s, 'hog', m.hog(s.counter), { model: modelHog(spentCounter), madeBy: 'hog(counter)' });
      expect(s.run()).toEqual({ outcome: 'out-of-steps', counter: 0, steps: 0, running: 'hog', turns: { hog: 1 } });
    });
  });
});

describe('Scheduler: locks', () => {
  test('Acquire of a free lock is granted, and the task goes to the back of the queue', () => {
    converse((talk) => {
      const log: string[] = [];
      const s = new m.Scheduler();
      function* task(): Task {
        log.push('t asks');
        yield new m.Acquire('L');
        log.push('t holds L');
      }
      spawn(talk, s, 't', task(), { log });
      spawn(talk, s, 'b', steps(log, 'b', 2), { log });
      expect(s.run().outcome).toBe('done');
      expect(log).toEqual(['t asks', 'b1', 't holds L', 'b2']);
    });
  });

  test('Acquire of a held lock sleeps until it is released; waiters get it first come, first served', () => {
    converse((talk) => {
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
      spawn(talk, s, 'holder', holder(), { log });
      spawn(talk, s, 'w1', waiter('w1', 1), { log });
      spawn(talk, s, 'w2', waiter('w2', 0), { log });
      expect(s.run().outcome).toBe('done');
      expect(log).toEqual(['w2 asks', 'w1 asks', 'holder releases', 'w2 holds L', 'holder goes on', 'w1 holds L']);
    });
  });

  test('the waiter handed a released lock is queued before the task that released it', () => {
    converse((talk) => {
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
      spawn(talk, s, 'holder', holder(), { log });
      spawn(talk, s, 'waiter', waiter(), { log });
      s.run();
      expect(log).toEqual(['waiter holds L', 'holder after release']);
    });
  });

  test('a task that finishes still holding a lock gives it to the first waiter', () => {
    converse((talk) => {
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
      spawn(talk, s, 'forgetful', forgetful(), { log });
      spawn(talk, s, 'waiter', waiter(), { log });
      expect(s.run().outcome).toBe('done');
      expect(log).toEqual(['waiter holds L']);
    });
  });

  test('after Acquire, Release or a plain yield the task is resumed with next(), so its yield gives undefined', () => {
    converse((talk) => {
      const received: Record<string, unknown[]> = { a: [], b: [] };
      const s = new m.Scheduler();
      function* task(name: 'a' | 'b'): Task {
        received[name]!.push(yield new m.Acquire('L'));
        received[name]!.push(yield 'a plain value');
        received[name]!.push(yield new m.Release('L'));
      }
      // b sleeps on L until a releases it, and is handed the lock then.
      spawn(talk, s, 'a', task('a'));
      spawn(talk, s, 'b', task('b'));
      expect(s.run().outcome).toBe('done');
      expect(received).toStrictEqual({ a: [undefined, undefined, undefined], b: [undefined, undefined, undefined] });
    });
  });

  test('Release of a lock the task does not hold throws an Error into it at that yield (message contains "not held")', () => {
    converse((talk) => {
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
      spawn(talk, s, 't', task());
      expect(s.run().outcome).toBe('done');
      expect(caught).toHaveLength(1);
      expect(caught[0]).toBeInstanceOf(Error);
      expect((caught[0] as Error).message).toContain('not held');
    });
  });

  test('an error escaping a task ends run(): the others are closed with return(), then run() throws that very error', () => {
    converse((talk) => {
      const log: string[] = [];
      const problem = new Error('task failed');
      const s = new m.Scheduler();
      function* failing(): Task {
        yield;
        throw problem;
      }
      spawn(talk, s, 'x', guarded(log, 'x'), { log });
      spawn(talk, s, 'bad', failing());
      spawn(talk, s, 'y', guarded(log, 'y'), { log });
      expect(thrownBy(() => s.run())).toBe(problem);
      expect(log).toEqual(['x finally', 'y finally']);
    });
  });
});

describe('Scheduler: deadlock', () => {
  test('when every task left is asleep, run() reports deadlock and the cycle of waits', () => {
    converse((talk) => {
      const s = new m.Scheduler();
      spawn(talk, s, 'p1', m.philosopher(s.counter, 'A', 'B'), { model: modelPhilosopher(idleCounter, 'A', 'B'), madeBy: "philosopher(counter, 'A', 'B')" });
      spawn(talk, s, 'p2', m.philosopher(s.counter, 'B', 'A'), { model: modelPhilosopher(idleCounter, 'B', 'A'), madeBy: "philosopher(counter, 'B', 'A')" });
      expect(s.run()).toMatchObject({ outcome: 'deadlock', cycle: ['p1', 'p2', 'p1'], counter: 0 });
    });
  });

  test('the cycle starts from the first-spawned sleeper and leaves out tasks that only wait on it', () => {
    converse((talk) => {
      const s = new m.Scheduler();
      function* late(): Task {
        yield;
        yield;
        yield new m.Acquire('A');
      }
      spawn(talk, s, 'late', late());
      spawn(talk, s, 'p1', m.philosopher(s.counter, 'A', 'B'), { model: modelPhilosopher(idleCounter, 'A', 'B'), madeBy: "philosopher(counter, 'A', 'B')" });
      spawn(talk, s, 'p2', m.philosopher(s.counter, 'B', 'A'), { model: modelPhilosopher(idleCounter, 'B', 'A'), madeBy: "philosopher(counter, 'B', 'A')" });
      expect(s.run()).toMatchObject({ outcome: 'deadlock', cycle: ['p1', 'p2', 'p1'] });
    });
  });

  test('a task that asks again for a lock it holds waits for itself: a cycle of one', () => {
    converse((talk) => {
      const s = new m.Scheduler();
      function* twice(): Task {
        yield new m.Acquire('L');
        yield new m.Acquire('L');
      }
      spawn(talk, s, 't', twice());
      expect(s.run()).toMatchObject({ outcome: 'deadlock', cycle: ['t', 't'] });
    });
  });

  test('stopping for a deadlock closes every unfinished task with return(), in spawn order', () => {
    converse((talk) => {
      const log: string[] = [];
      const s = new m.Scheduler();
      function* stuck(name: string, first: string, second: string): Task {
        try {
          yield* m.philosopher(s.counter, first, second);
        } finally {
          log.push(`${name} finally`);
        }
      }
      spawn(talk, s, 'p1', stuck('p1', 'A', 'B'), { log });
      spawn(talk, s, 'p2', stuck('p2', 'B', 'A'), { log });
      expect(s.run().outcome).toBe('deadlock');
      expect(log).toEqual(['p1 finally', 'p2 finally']);
    });
  });
});

describe('worker', () => {
  test('each turn reads and writes once with no yield between, then yields; it is done after times turns', () => {
    converse((talk) => {
      const { gen, trace } = byHand(talk, 'worker(counter, 2)', (c) => m.worker(c, 2), (c) => modelWorker(c, 2));
      drive(gen, trace);
      expect(trace).toEqual(['read 0', 'write 1', 'yield', 'read 1', 'write 2', 'yield', 'done']);
    });
  });

  test('many workers on the scheduler never lose an update', () => {
    converse((talk) => {
      const s = new m.Scheduler();
      const log: string[] = [];
      for (let i = 1; i <= 10; i++) {
        spawn(talk, s, `w${i}`, m.worker(watched(s.counter, log), 50), { log, model: modelWorker(idleCounter, 50), madeBy: 'worker(counter, 50)' });
      }
      expect(s.run()).toMatchObject({ outcome: 'done', counter: 500, steps: 1000 });
    });
  });
});

describe('racyWorker', () => {
  test('reads, yields, then writes what it read plus one', () => {
    converse((talk) => {
      const { gen, trace } = byHand(talk, 'racyWorker(counter, 2)', (c) => m.racyWorker(c, 2), (c) => modelRacyWorker(c, 2));
      drive(gen, trace);
      expect(trace).toEqual(['read 0', 'yield', 'write 1', 'read 1', 'yield', 'write 2', 'done']);
    });
  });

  test('racy workers on the scheduler lose updates: four of them adding 25 each reach only 25', () => {
    converse((talk) => {
      const s = new m.Scheduler();
      const log: string[] = [];
      for (let i = 1; i <= 4; i++) {
        spawn(talk, s, `r${i}`, m.racyWorker(watched(s.counter, log), 25), { log, model: modelRacyWorker(idleCounter, 25), madeBy: 'racyWorker(counter, 25)' });
      }
      expect(s.run()).toMatchObject({ outcome: 'done', counter: 25 });
    });
  });
});

describe('lockedWorker', () => {
  test('yields Acquire, a plain yield and Release for each increment, reading after Acquire and writing before Release', () => {
    converse((talk) => {
      const { gen, trace } = byHand(talk, "lockedWorker(counter, 2, 'L')", (c) => m.lockedWorker(c, 2, 'L'), (c) => modelLockedWorker(c, 2, 'L'));
      drive(gen, trace);
      expect(trace).toEqual([
        'yield Acquire L', 'read 0', 'yield', 'write 1', 'yield Release L',
        'yield Acquire L', 'read 1', 'yield', 'write 2', 'yield Release L',
        'done',
      ]);
    });
  });

  test('locked workers on the scheduler lose nothing although they yield in the middle of an update', () => {
    converse((talk) => {
      const s = new m.Scheduler();
      const log: string[] = [];
      for (let i = 1; i <= 4; i++) {
        spawn(talk, s, `l${i}`, m.lockedWorker(watched(s.counter, log), 25, 'counter'), {
          log,
          model: modelLockedWorker(idleCounter, 25, 'counter'),
          madeBy: "lockedWorker(counter, 25, 'counter')",
        });
      }
      expect(s.run()).toMatchObject({ outcome: 'done', counter: 100 });
    });
  });
});

describe('hog', () => {
  test('never yields: one next() increments until the counter refuses', () => {
    converse((talk) => {
      const { gen, trace, counter } = byHand(talk, 'hog(counter)', (c) => m.hog(c), (c) => modelHog(c), 20);
      expect(thrownBy(() => gen.next())).toEqual(new Error("the spec's counter allows 20 accesses"));
      expect(counter.value).toBe(10);
      expect(trace.filter((t) => t.startsWith('yield'))).toEqual([]);
    });
  });
});

describe('philosopher', () => {
  test('yields Acquire(first), a plain yield, Acquire(second), increments, then releases second and first', () => {
    converse((talk) => {
      const { gen, trace } = byHand(talk, "philosopher(counter, 'A', 'B')", (c) => m.philosopher(c, 'A', 'B'), (c) => modelPhilosopher(c, 'A', 'B'));
      drive(gen, trace);
      expect(trace).toEqual(['yield Acquire A', 'yield', 'yield Acquire B', 'read 0', 'write 1', 'yield Release B', 'yield Release A', 'done']);
    });
  });

  test('philosophers who take the locks in the same order never deadlock', () => {
    converse((talk) => {
      const s = new m.Scheduler();
      const log: string[] = [];
      for (const name of ['p1', 'p2', 'p3']) {
        spawn(talk, s, name, m.philosopher(watched(s.counter, log), 'A', 'B'), {
          log,
          model: modelPhilosopher(idleCounter, 'A', 'B'),
          madeBy: "philosopher(counter, 'A', 'B')",
        });
      }
      expect(s.run()).toMatchObject({ outcome: 'done', counter: 3 });
    });
  });
});
