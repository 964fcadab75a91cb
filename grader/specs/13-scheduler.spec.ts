import type * as Target from '@target/13-scheduler/scheduler';
import { converse, type Conversation } from './support/conversation';
import { loadTarget } from './support/target';

const m = loadTarget<typeof Target>('13-scheduler');

type Task = Target.Task;
/** What the test tasks and subroutines are: generators that return nothing. */
type Body = Generator<unknown, void, unknown>;

/**
 * Every task of a test writes to one shared log, so the log shows the order in which the
 * scheduler really ran them.
 */

/** A task that logs `<name>1` … `<name><count>`, giving up its turn after each but the last. */
function* steps(log: string[], name: string, count: number): Body {
  for (let i = 1; i <= count; i++) {
    log.push(`${name}${i}`);
    if (i < count) yield;
  }
}

/**
 * Spawns the tasks in order, runs the scheduler and returns it. Each task is recorded as
 * `task1`, `task2`, … (its id when spawned in order), with what each of its steps added to
 * `log`, so a failure shows how the scheduler drove them.
 */
function runTasks(talk: Conversation, tasks: Task[], log?: string[]): Target.Scheduler {
  const scheduler = new m.Scheduler();
  tasks.forEach((task, i) => scheduler.spawn(talk.record(task, `task${i + 1}`, log ? { log } : {})));
  scheduler.run();
  return scheduler;
}

/** The entries of `log` strictly between the first `from` and the first `to` after it. */
function between(log: string[], from: string, to: string): string[] {
  const start = log.indexOf(from);
  const end = log.indexOf(to, start + 1);
  return start < 0 || end < 0 ? [`(${from} or ${to} missing)`] : log.slice(start + 1, end);
}

/**
 * The calls made on the generator recorded as `name` once it was closed with `return()`: a
 * killed task is gone, so there must be none (a `next()` on a closed generator runs none of its
 * code, so only the recorder can see it).
 */
function callsAfterReturn(talk: Conversation, name: string): string[] {
  const calls = talk.entries.filter((e) => e.kind === 'call' && e.name === name).map((e) => e.call);
  const closed = calls.findIndex((call) => call.startsWith('return('));
  return closed < 0 ? ['(never closed with return())'] : calls.slice(closed + 1);
}

describe('Scheduler: round robin', () => {
  test('spawn returns the ids 1, 2, 3 in order', () => {
    converse((talk) => {
      const log: string[] = [];
      const scheduler = new m.Scheduler();
      const ids = [
        scheduler.spawn(talk.record(steps(log, 'a', 1), 'a')),
        scheduler.spawn(talk.record(steps(log, 'b', 1), 'b')),
        scheduler.spawn(talk.record(steps(log, 'c', 1), 'c')),
      ];
      expect(ids).toEqual([1, 2, 3]);
    });
  });

  test('tasks take turns in spawn order, each going to the back of the queue when it yields', () => {
    converse((talk) => {
      const log: string[] = [];
      runTasks(talk, [steps(log, 'a', 3), steps(log, 'b', 1), steps(log, 'c', 2)], log);
      expect(log).toEqual(['a1', 'b1', 'c1', 'a2', 'c2', 'a3']);
    });
  });

  test('yielding a plain value only gives up the turn, and undefined is sent back', () => {
    converse((talk) => {
      const received: unknown[] = [];
      function* task(): Body {
        for (const value of [42, 'text', null, undefined, { n: 1 }, false]) received.push(yield value);
        received.push('finished');
      }
      runTasks(talk, [task()]);
      expect(received).toStrictEqual([undefined, undefined, undefined, undefined, undefined, undefined, 'finished']);
    });
  });

  test('a yielded object without both next and throw methods is no subroutine: it only gives up the turn, and undefined is sent back', () => {
    converse((talk) => {
      const received: unknown[] = [];
      const finished = (): IteratorResult<unknown> => ({ done: true, value: 'a result' });
      function* task(): Body {
        const lookalikes = [{ next: finished }, { next: finished, return: finished }, { throw: finished, return: finished }, { return: finished }];
        for (const value of lookalikes) received.push(yield value);
        received.push('finished');
      }
      runTasks(talk, [task()]);
      expect(received).toStrictEqual([undefined, undefined, undefined, undefined, 'finished']);
    });
  });

  test('run() returns once every task has finished, with no errors recorded', () => {
    converse((talk) => {
      const log: string[] = [];
      const scheduler = runTasks(talk, [steps(log, 'a', 2), steps(log, 'b', 2)], log);
      expect(log).toEqual(['a1', 'b1', 'a2', 'b2']);
      expect(scheduler.errors).toEqual([]);
    });
  });
});

describe('Scheduler: system calls', () => {
  test('GetTid is answered with the id of the task that asks', () => {
    converse((talk) => {
      const answers: string[] = [];
      function* task(name: string): Body {
        answers.push(`${name} is ${String(yield new m.GetTid())}`);
      }
      runTasks(talk, [task('a'), task('b'), task('c')]);
      expect(answers.sort()).toEqual(['a is 1', 'b is 2', 'c is 3']);
    });
  });

  test('a system call is answered on the task\'s next turn, after the others have had theirs', () => {
    converse((talk) => {
      const log: string[] = [];
      function* asker(): Body {
        log.push('a asks');
        log.push(`a got ${String(yield new m.GetTid())}`);
      }
      runTasks(talk, [asker(), steps(log, 'b', 2)], log);
      expect(log).toEqual(['a asks', 'b1', 'a got 1', 'b2']);
    });
  });

  test('NewTask starts the task and is answered with its id', () => {
    converse((talk) => {
      const log: string[] = [];
      function* child(): Body {
        log.push(`child is ${String(yield new m.GetTid())}`);
      }
      function* parent(): Body {
        log.push(`parent got ${String(yield new m.NewTask(child()))}`);
      }
      runTasks(talk, [steps(log, 'x', 1), parent()], log);
      expect(log.filter((line) => line !== 'x1').sort()).toEqual(['child is 3', 'parent got 3']);
    });
  });

  test('NewTask queues the new task at the back before the task that asked', () => {
    converse((talk) => {
      const log: string[] = [];
      function* parent(): Body {
        log.push('parent asks');
        yield new m.NewTask(steps(log, 'child', 2));
        log.push('parent again');
      }
      runTasks(talk, [parent(), steps(log, 'b', 2)], log);
      expect(log).toEqual(['parent asks', 'b1', 'child1', 'parent again', 'b2', 'child2']);
    });
  });

  test('KillTask closes the victim with return(), so its finally runs, then answers true', () => {
    converse((talk) => {
      const log: string[] = [];
      function* victim(): Body {
        try {
          // Bounded, so a scheduler that never kills it still ends.
          for (let i = 0; i < 50; i++) {
            log.push('victim runs');
            yield;
          }
        } finally {
          log.push('victim finally');
        }
      }
      function* killer(): Body {
        log.push(`killed: ${String(yield new m.KillTask(1))}`);
      }
      runTasks(talk, [victim(), killer()], log);
      // Whether the victim gets one more turn before it dies is left open; nothing after it is.
      expect(log.slice(log.indexOf('victim finally'))).toEqual(['victim finally', 'killed: true']);
    });
  });

  test('a killed task is gone: it is never resumed, even when it was next in the queue', () => {
    converse((talk) => {
      const log: string[] = [];
      function* killer(): Body {
        log.push(`killed: ${String(yield new m.KillTask(1))}`);
      }
      // task1 takes one turn, so it is at the front of the queue when task2 kills it.
      runTasks(talk, [steps(log, 'victim', 50), killer()], log);
      expect(log).toEqual(['victim1', 'killed: true']);
      expect(callsAfterReturn(talk, 'task1')).toEqual([]);
    });
  });

  test('a task may kill itself: its finally runs, its waiters wake, and it gets no answer', () => {
    converse((talk) => {
      const log: string[] = [];
      function* suicidal(): Body {
        try {
          yield;
          log.push(`answer: ${String(yield new m.KillTask(1))}`);
        } finally {
          log.push('finally');
        }
      }
      function* waiter(): Body {
        log.push(`w woke: ${String(yield new m.WaitTask(1))}`);
      }
      const scheduler = runTasks(talk, [suicidal(), waiter()], log);
      expect(log).toEqual(['finally', 'w woke: true']);
      expect(callsAfterReturn(talk, 'task1')).toEqual([]);
      expect(scheduler.errors).toEqual([]);
    });
  });

  test("an error thrown by a killed task's finally is recorded in errors for that task; the killer still gets true", () => {
    converse((talk) => {
      const log: string[] = [];
      const problem = new Error('cleanup failed');
      function* victim(): Body {
        try {
          for (let i = 0; i < 50; i++) yield;
        } finally {
          log.push('victim finally');
          // eslint-disable-next-line no-unsafe-finally -- the point of the test
          throw problem;
        }
      }
      function* killer(): Body {
        log.push(`killed: ${String(yield new m.KillTask(1))}`);
      }
      const scheduler = runTasks(talk, [victim(), killer()], log);
      expect(log).toEqual(['victim finally', 'killed: true']);
      expect(scheduler.errors).toHaveLength(1);
      expect(scheduler.errors[0].tid).toBe(1);
      expect(scheduler.errors[0].error).toBe(problem);
    });
  });

  test('KillTask and WaitTask for an unknown id answer false, and WaitTask does not sleep', () => {
    converse((talk) => {
      const answers: unknown[] = [];
      function* task(): Body {
        answers.push(yield new m.KillTask(99));
        answers.push(yield new m.WaitTask(99));
        answers.push('finished');
      }
      runTasks(talk, [task()]);
      expect(answers).toEqual([false, false, 'finished']);
    });
  });

  test('a system call yielded inside a subroutine is answered for the task that runs it', () => {
    converse((talk) => {
      const answers: string[] = [];
      function* whoAmI(): Generator<unknown, unknown, unknown> {
        const tid = yield new m.GetTid();
        return tid;
      }
      function* task(name: string): Body {
        answers.push(`${name} is ${String(yield whoAmI())}`);
      }
      runTasks(talk, [task('a'), task('b')]);
      expect(answers.sort()).toEqual(['a is 1', 'b is 2']);
    });
  });
});

describe('Scheduler: WaitTask', () => {
  test('WaitTask sleeps until the task finishes, then answers true', () => {
    converse((talk) => {
      const log: string[] = [];
      function* waiter(): Body {
        log.push('w waits');
        log.push(`w woke: ${String(yield new m.WaitTask(1))}`);
      }
      runTasks(talk, [steps(log, 't', 3), waiter()], log);
      expect(log).toEqual(['t1', 'w waits', 't2', 't3', 'w woke: true']);
    });
  });

  test('a task that fails also wakes its waiters with true', () => {
    converse((talk) => {
      const log: string[] = [];
      function* failing(): Body {
        log.push('t1');
        yield;
        throw new Error('task failed');
      }
      function* waiter(): Body {
        log.push(`w woke: ${String(yield new m.WaitTask(1))}`);
      }
      runTasks(talk, [failing(), waiter()], log);
      expect(log).toEqual(['t1', 'w woke: true']);
    });
  });

  test('a task that is killed also wakes its waiters with true', () => {
    converse((talk) => {
      const log: string[] = [];
      function* sleeper(): Body {
        // Bounded, so a scheduler that never kills it still ends.
        for (let i = 0; i < 50; i++) yield;
      }
      function* waiter(): Body {
        log.push(`w woke: ${String(yield new m.WaitTask(1))}`);
      }
      function* killer(): Body {
        yield;
        log.push(`killed: ${String(yield new m.KillTask(1))}`);
      }
      runTasks(talk, [sleeper(), waiter(), killer()], log);
      expect(log.sort()).toEqual(['killed: true', 'w woke: true']);
    });
  });

  test('a task killed while it waits is gone: it is not woken when the task it waited for exits', () => {
    converse((talk) => {
      const log: string[] = [];
      function* waiter(): Body {
        log.push(`w woke: ${String(yield new m.WaitTask(1))}`);
      }
      function* killer(): Body {
        yield;
        log.push(`killed: ${String(yield new m.KillTask(2))}`);
      }
      const scheduler = runTasks(talk, [steps(log, 't', 4), waiter(), killer()], log);
      expect(log).toEqual(['t1', 't2', 't3', 'killed: true', 't4']);
      expect(callsAfterReturn(talk, 'task2')).toEqual([]);
      expect(scheduler.errors).toEqual([]);
    });
  });

  test('the waiters of a task are woken in the order they began to wait', () => {
    converse((talk) => {
      const log: string[] = [];
      // Spawned as a, b, c, but a yields once first, so they begin to wait as b, c, a.
      function* waiter(name: string, delay: number): Body {
        for (let i = 0; i < delay; i++) yield;
        yield new m.WaitTask(1);
        log.push(`${name} woke`);
      }
      runTasks(talk, [steps(log, 't', 4), waiter('a', 1), waiter('b', 0), waiter('c', 0)], log);
      expect(log).toEqual(['t1', 't2', 't3', 't4', 'b woke', 'c woke', 'a woke']);
    });
  });
});

describe('Scheduler: subroutines', () => {
  test('yielding a generator runs it as a subroutine and resumes the task with its return value', () => {
    converse((talk) => {
      const log: string[] = [];
      function* double(n: number): Generator<unknown, number, unknown> {
        log.push(`double(${n}) starts`);
        yield;
        log.push(`double(${n}) returns`);
        return n * 2;
      }
      function* task(): Body {
        log.push('task calls');
        const result = yield talk.record(double(21), 'double(21)');
        log.push(`task got ${String(result)}`);
      }
      runTasks(talk, [task()], log);
      expect(log).toEqual(['task calls', 'double(21) starts', 'double(21) returns', 'task got 42']);
    });
  });

  test('subroutines nest: a subroutine may call another one', () => {
    converse((talk) => {
      const log: string[] = [];
      function* inner(n: number): Generator<unknown, number, unknown> {
        yield;
        return n * 10;
      }
      function* middle(): Generator<unknown, number, unknown> {
        const x = (yield talk.record(inner(1), 'inner(1)')) as number;
        const y = (yield talk.record(inner(2), 'inner(2)')) as number;
        log.push(`middle got ${x} and ${y}`);
        return x + y;
      }
      function* task(): Body {
        log.push(`task got ${String(yield talk.record(middle(), 'middle()'))}`);
      }
      runTasks(talk, [task()], log);
      expect(log).toEqual(['middle got 10 and 20', 'task got 30']);
    });
  });

  test('a plain yield inside a subroutine gives up the task\'s turn and gets undefined back', () => {
    converse((talk) => {
      const log: string[] = [];
      function* sub(): Body {
        log.push('s1');
        log.push(`s2 got ${String(yield 'pause')}`);
        yield;
        log.push('s3');
      }
      function* task(): Body {
        yield talk.record(sub(), 'sub()');
      }
      runTasks(talk, [task(), steps(log, 'b', 5)], log);
      expect(log).toContain('s2 got undefined');
      // How many turns calling and returning take is left open; each plain yield lets b run.
      expect(between(log, 's1', 's2 got undefined')).toContainEqual(expect.stringMatching(/^b/));
      expect(between(log, 's2 got undefined', 's3')).toContainEqual(expect.stringMatching(/^b/));
    });
  });

  test('an exception escaping a subroutine is thrown into its caller, which may catch it', () => {
    converse((talk) => {
      const log: string[] = [];
      const problem = new Error('subroutine failed');
      function* failing(): Body {
        yield;
        throw problem;
      }
      function* task(): Body {
        try {
          yield talk.record(failing(), 'failing()');
          log.push('not thrown');
        } catch (error) {
          log.push(error === problem ? 'caught it' : `caught ${String(error)}`);
        }
        yield;
        log.push('task goes on');
      }
      const scheduler = runTasks(talk, [task()], log);
      expect(log).toEqual(['caught it', 'task goes on']);
      expect(scheduler.errors).toEqual([]);
    });
  });

  test('an exception a subroutine does not catch passes on to the next caller up', () => {
    converse((talk) => {
      const log: string[] = [];
      const problem = new Error('inner failed');
      function* inner(): Body {
        yield;
        throw problem;
      }
      function* middle(): Body {
        try {
          yield talk.record(inner(), 'inner()');
          log.push('middle goes on');
        } finally {
          log.push('middle finally');
        }
      }
      function* task(): Body {
        try {
          yield talk.record(middle(), 'middle()');
        } catch (error) {
          log.push(error === problem ? 'task caught it' : `task caught ${String(error)}`);
        }
      }
      runTasks(talk, [task()], log);
      expect(log).toEqual(['middle finally', 'task caught it']);
    });
  });
});

describe('Scheduler: errors and deadlock', () => {
  test('a task whose body throws is removed and recorded in errors; the others go on', () => {
    converse((talk) => {
      const log: string[] = [];
      const problem = new Error('b failed');
      function* failing(): Body {
        log.push('b1');
        yield;
        throw problem;
      }
      const scheduler = runTasks(talk, [steps(log, 'a', 3), failing(), steps(log, 'c', 3)], log);
      expect(log).toEqual(['a1', 'b1', 'c1', 'a2', 'c2', 'a3', 'c3']);
      expect(scheduler.errors).toHaveLength(1);
      expect(scheduler.errors[0].tid).toBe(2);
      expect(scheduler.errors[0].error).toBe(problem);
    });
  });

  test('an exception no subroutine catches is recorded for the task that ran them', () => {
    converse((talk) => {
      const problem = new Error('deep failure');
      function* inner(): Body {
        yield;
        throw problem;
      }
      function* outer(): Body {
        yield inner();
      }
      function* task(): Body {
        yield outer();
      }
      const scheduler = runTasks(talk, [steps([], 'a', 2), task()]);
      expect(scheduler.errors).toHaveLength(1);
      expect(scheduler.errors[0].tid).toBe(2);
      expect(scheduler.errors[0].error).toBe(problem);
    });
  });

  test('run() throws an Error mentioning deadlock when every task left is waiting', () => {
    converse((talk) => {
      function* waitFor(tid: number): Body {
        yield new m.WaitTask(tid);
      }
      const scheduler = new m.Scheduler();
      scheduler.spawn(talk.record(waitFor(2), 'task1'));
      scheduler.spawn(talk.record(waitFor(1), 'task2'));
      let thrown: unknown;
      try {
        scheduler.run();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(Error);
      expect((thrown as Error).message).toContain('deadlock');
    });
  });
});
