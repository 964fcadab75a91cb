/**
 * Examples for `npm run trace -- 16`: each one runs a few small tasks on your EventLoop, and the
 * trace prints every call your loop makes on them (`next()`, `throw(CancelledError)`,
 * `return()`), what each task yielded (the requests your sleep, gather and waitFor pass up to
 * the loop through `yield*`), what it wrote to the log with the loop's time, and its state
 * after. In the first example your sleep() is recorded too: its calls show indented under the
 * task's, because the task passes them on with `yield*`. The grader does not use this file:
 * change the examples, or add your own.
 *
 * `npm run trace -- 16`의 예제입니다. 한국어 로캘이거나 `--lang ko`를 붙이면 각 예제의 제목으로
 * titleKo가 나옵니다. 채점기는 이 파일을 쓰지 않으니, 예제를 고치거나 새로 더해 보세요.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './event-loop';

type Coro<T = unknown> = Exercise.Coro<T>;

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'sleeps overlap on the virtual clock: tasks sleeping 3, 1 and 2 are all done at time 3',
    titleKo: '가상 시계 위에서 잠은 겹칩니다. 3, 1, 2만큼 자는 태스크들은 모두 시각 3에 끝납니다',
    run(m, talk) {
      const log: string[] = [];
      const loop = new m.EventLoop();
      function* sleeper(delay: number): Coro<number> {
        yield* talk.record(m.sleep(delay), `sleep(${delay})`);
        log.push(`s${delay} woke at ${loop.time}`);
        return delay;
      }
      function* main(): Coro<number[]> {
        const tasks = [3, 1, 2].map((delay) => loop.spawn(talk.record(sleeper(delay), `s${delay}`, { log })));
        return yield* m.gather(...tasks);
      }
      const results = loop.run(talk.record(main(), 'main', { log }));
      talk.note(`run() returned ${JSON.stringify(results)} at time ${loop.time}`);
    },
  },
  {
    title: 'a timeout: waitFor cancels the task at 3, its cleanup sleeps until 5, then main gets TimeoutError',
    titleKo: '타임아웃: waitFor가 3에 태스크를 취소하고, 태스크의 뒷정리가 5까지 잔 뒤, main이 TimeoutError를 받습니다',
    run(m, talk) {
      const log: string[] = [];
      const loop = new m.EventLoop();
      function* slow(): Coro<string> {
        try {
          yield* m.sleep(10);
          return 'finished';
        } catch (error) {
          log.push(`slow caught ${(error as Error).name} at ${loop.time}`);
          yield* m.sleep(2);
          log.push(`slow cleaned up at ${loop.time}`);
          throw error;
        }
      }
      function* main(): Coro<string> {
        const task = loop.spawn(talk.record(slow(), 'slow', { log }));
        try {
          return yield* m.waitFor(task, 3);
        } catch (error) {
          return `main caught ${(error as Error).name} at ${loop.time}`;
        }
      }
      talk.note(`run() returned ${JSON.stringify(loop.run(talk.record(main(), 'main', { log })))}`);
    },
  },
  {
    title: 'cancel() vs close(): a catches CancelledError at its yield, then runs finally; b only runs finally',
    titleKo: 'cancel()과 close(): a는 yield 자리에서 CancelledError를 잡은 뒤 finally를 실행하고, b는 finally만 실행합니다',
    run(m, talk) {
      const log: string[] = [];
      const loop = new m.EventLoop();
      function* careful(name: string): Coro<string> {
        try {
          yield* m.sleep(10);
          return `${name} woke`;
        } catch (error) {
          log.push(`${name} caught ${(error as Error).name} at ${loop.time}`);
          throw error;
        } finally {
          log.push(`${name} finally at ${loop.time}`);
        }
      }
      const cancelled = loop.spawn(talk.record(careful('a'), 'a', { log }));
      const closed = loop.spawn(talk.record(careful('b'), 'b', { log }));
      function* main(): Coro<void> {
        yield* m.sleep(1);
        log.push(`main: a.cancel() is ${String(cancelled.cancel())}`);
        closed.close();
        log.push('main: b.close() done');
        yield* m.sleep(1);
      }
      loop.run(talk.record(main(), 'main', { log }));
      talk.note(`a: done ${String(cancelled.done)}, cancelled ${String(cancelled.cancelled)}; b: done ${String(closed.done)}, cancelled ${String(closed.cancelled)}`);
    },
  },
];

export default examples;
