/**
 * Examples for `npm run trace -- 01`: each one drives your generators step by step, and the trace
 * prints every call, what came back, and the generator's state after it. Calls that `take` and
 * `lazyMap` make on their source show indented under the call that caused them. The grader does
 * not use this file: change the examples, or add your own, to see what your code does.
 *
 * `npm run trace -- 01`의 예제입니다. 한국어 로캘이거나 `--lang ko`를 붙이면 각 예제의 제목으로
 * titleKo가 나옵니다. 채점기는 이 파일을 쓰지 않으니, 예제를 고치거나 새로 더해 보세요.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './generator-basics';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'countdown(3) hands out 3, 2, 1 and is done; countdown(-1) is quiet until its first next()',
    titleKo: 'countdown(3)은 3, 2, 1을 내주고 끝납니다. countdown(-1)은 첫 next() 전까지 조용합니다',
    run(m, talk) {
      const three = talk.record(m.countdown(3), 'countdown(3)');
      // Made, but not started: a bad argument is not noticed yet.
      const bad = talk.record(m.countdown(-1), 'countdown(-1)');
      for (let i = 0; i < 5; i++) three.next();
      try {
        bad.next();
      } catch {
        // The trace shows what was thrown; the example goes on, to show the state after it.
      }
      bad.next();
    },
  },
  {
    title: 'naturals() and naturals(100): two generators, two counters, neither ever done',
    titleKo: 'naturals()와 naturals(100): 제너레이터 둘, 카운터 둘, 어느 쪽도 끝나지 않습니다',
    run(m, talk) {
      const a = talk.record(m.naturals(), 'a', { madeBy: 'naturals()' });
      const b = talk.record(m.naturals(100), 'b', { madeBy: 'naturals(100)' });
      a.next();
      a.next();
      b.next();
      a.next();
      b.next();
    },
  },
  {
    title: 'take pulls only what it keeps: return() when it stops early, nothing more after done',
    titleKo: 'take는 가질 것만 꺼냅니다. 일찍 멈추면 return()을 부르고, done 뒤에는 더 꺼내지 않습니다',
    run(m, talk) {
      const endless = talk.record(m.naturals(), 'naturals()');
      const short = talk.record(m.countdown(2), 'countdown(2)');
      talk.note(`take(naturals(), 3) gave ${JSON.stringify(m.take(endless, 3))}`);
      talk.note(`take(countdown(2), 5) gave ${JSON.stringify(m.take(short, 5))}`);
    },
  },
  {
    title: 'lazyMap pulls one item and calls fn once for each next(), even from an endless source',
    titleKo: 'lazyMap은 next()마다 항목 하나를 꺼내고 fn을 한 번 부릅니다. 끝없는 소스에서도 그렇습니다',
    run(m, talk) {
      const src = talk.record(m.naturals(), 'src', { madeBy: 'naturals()' });
      const squares = talk.record(
        m.lazyMap(src, (x) => {
          talk.note(`fn(${x}) called`);
          return x * x;
        }),
        'squares',
        { madeBy: 'lazyMap(src, fn)' },
      );
      squares.next();
      squares.next();
      squares.next();
    },
  },
];

export default examples;
