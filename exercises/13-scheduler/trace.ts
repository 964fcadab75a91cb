/**
 * Examples for `npm run trace -- 13`: each one spawns a few small tasks into your Scheduler, and
 * the trace prints every call your scheduler makes on them, with what each task yielded (a plain
 * value or a system call), what it logged, and its state after. The grader does not use this
 * file: change the examples, or add your own.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './scheduler';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'round robin: each task runs until it yields, then goes to the back of the queue',
    run(m, talk) {
      const log: string[] = [];
      function* steps(name: string, count: number): Generator<undefined, void, unknown> {
        for (let i = 1; i <= count; i++) {
          log.push(`${name}${i}`);
          if (i < count) yield;
        }
      }
      const scheduler = new m.Scheduler();
      scheduler.spawn(talk.record(steps('a', 3), 'a', { log }));
      scheduler.spawn(talk.record(steps('b', 2), 'b', { log }));
      scheduler.run();
    },
  },
  {
    title: 'system calls: GetTid is answered with the id, WaitTask sleeps until the other task ends',
    run(m, talk) {
      const log: string[] = [];
      function* worker(): Generator<unknown, void, unknown> {
        log.push(`worker is task ${String(yield new m.GetTid())}`);
        yield;
        log.push('worker done');
      }
      function* waiter(): Generator<unknown, void, unknown> {
        log.push(`waiter woke: ${String(yield new m.WaitTask(1))}`);
      }
      const scheduler = new m.Scheduler();
      scheduler.spawn(talk.record(worker(), 'worker', { log }));
      scheduler.spawn(talk.record(waiter(), 'waiter', { log }));
      scheduler.run();
    },
  },
  {
    title: 'a subroutine: the task yields a generator and resumes with its return value',
    run(m, talk) {
      const log: string[] = [];
      function* double(n: number): Generator<undefined, number, unknown> {
        yield;
        return n * 2;
      }
      function* task(): Generator<unknown, void, unknown> {
        log.push(`task got ${String(yield talk.record(double(21), 'double(21)'))}`);
      }
      const scheduler = new m.Scheduler();
      scheduler.spawn(talk.record(task(), 'task', { log }));
      scheduler.run();
    },
  },
];

export default examples;
