/**
 * Examples for `npm run trace -- 13`: each one spawns a few small tasks into your Scheduler, and
 * the trace prints every call your scheduler makes on them, with what each task yielded (a plain
 * value or a system call), what it logged, and its state after. The grader does not use this
 * file: change the examples, or add your own.
 *
 * `npm run trace -- 13`의 예제입니다. 한국어 로캘이거나 `--lang ko`를 붙이면 각 예제의 제목으로
 * titleKo가 나옵니다. 채점기는 이 파일을 쓰지 않으니, 예제를 고치거나 새로 더해 보세요.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './scheduler';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'round robin: each task runs until it yields, then goes to the back of the queue',
    titleKo: '라운드 로빈: 태스크마다 yield할 때까지 실행되고, 그다음 큐 맨 뒤로 갑니다',
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
    titleKo: '시스템 콜: GetTid에는 id로 답하고, WaitTask는 다른 태스크가 끝날 때까지 잠듭니다',
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
    titleKo: '서브루틴: 태스크가 제너레이터를 yield하고, 그 반환값을 받아 재개합니다',
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
