/**
 * Examples for `npm run trace -- 04`: each one wraps a small generator function with your
 * coroutine(), and the trace prints every call made on the generators it makes (the priming
 * next() included: it comes from your coroutine()), what came back, and the state after it.
 * The grader does not use this file: change the examples, or add your own.
 *
 * `npm run trace -- 04`의 예제입니다. 한국어 로캘이거나 `--lang ko`를 붙이면 각 예제의 제목으로
 * titleKo가 나옵니다. 채점기는 이 파일을 쓰지 않으니, 예제를 고치거나 새로 더해 보세요.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './priming';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'coroutine() primes: the first value the caller sends reaches the body',
    titleKo: 'coroutine()이 프라이밍하므로 호출자가 처음 보낸 값이 본문에 도착합니다',
    run(m, talk) {
      function* runningTotal(): Generator<number, void, number> {
        let total = 0;
        while (true) total += yield total;
      }
      let made = 0;
      const start = m.coroutine(() => talk.record(runningTotal(), `gen${(made += 1)}`, { madeBy: 'runningTotal()' }));
      const gen = start();
      talk.note(`coroutine's function returned ${gen === undefined ? 'undefined' : 'the generator'}; the caller sends now`);
      gen.next(10);
      gen.next(5);
    },
  },
  {
    title: 'a generator that is done after priming cannot be a coroutine',
    titleKo: '프라이밍하자마자 끝나 버리는 제너레이터는 코루틴이 될 수 없습니다',
    run(m, talk) {
      function* tooShort(): Generator<number, string, number> {
        return 'finished too early';
      }
      const start = m.coroutine(() => talk.record(tooShort(), 'gen', { madeBy: 'tooShort()' }));
      try {
        start();
      } catch (error) {
        talk.note(`the call threw ${String(error)}`);
      }
    },
  },
];

export default examples;
