/**
 * Examples for `npm run trace -- 05`: each one drives your summer() step by step, and the trace
 * prints every call, what came back, and the generator's state after it. The grader does not
 * use this file: change the examples, or add your own, to see what your code does.
 *
 * `npm run trace -- 05`의 예제입니다. 한국어 로캘이거나 `--lang ko`를 붙이면 각 예제의 제목으로
 * titleKo가 나옵니다. 채점기는 이 파일을 쓰지 않으니, 예제를 고치거나 새로 더해 보세요.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './summer';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'priming hands out the start total, then each number sent is added',
    titleKo: '프라이밍하면 시작 합계를 내주고, 그 뒤로 보낸 숫자를 더합니다',
    run(m, talk) {
      const gen = talk.record(m.summer(), 'summer()');
      gen.next();
      gen.next(10);
      gen.next(5);
      gen.next(-2.5);
    },
  },
  {
    title: 'a string is refused with a TypeError, and the summer is closed after it',
    titleKo: '문자열은 TypeError로 거절되고, 그 뒤로 누적 합계기는 닫힙니다',
    run(m, talk) {
      const gen = talk.record(m.summer(100), 'summer(100)');
      gen.next();
      gen.next(1);
      try {
        gen.next('5' as unknown as number);
      } catch {
        // The trace shows what was thrown; the example goes on, to show the state after it.
      }
      gen.next(2);
    },
  },
  {
    title: 'two summers, each with its own total',
    titleKo: '누적 합계기 둘, 각자 자기 합계를 가집니다',
    run(m, talk) {
      const a = talk.record(m.summer(), 'a', { madeBy: 'summer()' });
      const b = talk.record(m.summer(1000), 'b', { madeBy: 'summer(1000)' });
      a.next();
      b.next();
      a.next(1);
      b.next(2);
    },
  },
];

export default examples;
