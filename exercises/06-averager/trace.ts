/**
 * Examples for `npm run trace -- 06`: each one drives your averager() step by step, and the trace
 * prints every call, what came back, and the generator's state after it. The grader does not
 * use this file: change the examples, or add your own.
 *
 * `npm run trace -- 06`의 예제입니다. 한국어 로캘이거나 `--lang ko`를 붙이면 각 예제의 제목으로
 * titleKo가 나옵니다. 채점기는 이 파일을 쓰지 않으니, 예제를 고치거나 새로 더해 보세요.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './averager';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'priming hands out null, then each value sent gives the average so far',
    titleKo: '프라이밍하면 null을 내주고, 그 뒤로 보낸 값마다 지금까지의 평균을 내줍니다',
    run(m, talk) {
      const gen = talk.record(m.averager(), 'averager()');
      gen.next();
      gen.next(10);
      gen.next(30);
      gen.next(5);
      gen.next(20);
    },
  },
  {
    title: 'a bare next() sends undefined: refused with a TypeError, and the averager is closed',
    titleKo: '인자 없는 next()는 undefined를 보냅니다. TypeError로 거절되고 평균 계산기는 닫힙니다',
    run(m, talk) {
      const gen = talk.record(m.averager(), 'averager()');
      gen.next();
      gen.next(10);
      try {
        gen.next();
      } catch {
        // The trace shows what was thrown; the example goes on, to show the state after it.
      }
      gen.next(30);
    },
  },
];

export default examples;
