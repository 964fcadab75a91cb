/**
 * Examples for `npm run trace -- 09`: each one drives a generator step by step (your averager2,
 * driven by the example or by your send and resultOf), and the trace prints every call, what
 * came back, and the generator's state after it. The grader does not use this file: change the
 * examples, or add your own.
 *
 * `npm run trace -- 09`의 예제입니다. 한국어 로캘이거나 `--lang ko`를 붙이면 각 예제의 제목으로
 * titleKo가 나옵니다. 채점기는 이 파일을 쓰지 않으니, 예제를 고치거나 새로 더해 보세요.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './return-value';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'averager2 yields nothing useful until STOP; then it returns its result',
    titleKo: 'averager2는 STOP 전까지 쓸모 있는 값을 내주지 않다가, STOP을 받으면 결과를 반환합니다',
    run(m, talk) {
      const avg = talk.record(m.averager2(), 'averager2()');
      avg.next();
      avg.next(10);
      avg.next(30);
      avg.next(6.5);
      avg.next(m.STOP);
    },
  },
  {
    title: 'your send(): the step that returns becomes a StopIteration, and so does every later one',
    titleKo: '여러분의 send(): 반환하는 단계는 StopIteration이 되고, 그 뒤의 단계도 모두 그렇습니다',
    run(m, talk) {
      const avg = talk.record(m.averager2(), 'averager2()');
      avg.next();
      m.send(avg, 10);
      for (const value of [m.STOP, 20]) {
        try {
          m.send(avg, value);
        } catch (error) {
          talk.note(`send threw ${error instanceof m.StopIteration ? `a StopIteration whose value is ${JSON.stringify(error.value)}` : String(error)}`);
        }
      }
    },
  },
  {
    title: 'your resultOf() primes, sends each input, and hands back the return value',
    titleKo: '여러분의 resultOf()는 프라이밍하고, 입력을 하나씩 보내고, 반환값을 돌려줍니다',
    run(m, talk) {
      const avg = talk.record(m.averager2(), 'averager2()');
      const result = m.resultOf(avg, [10, 30, 6.5, m.STOP]);
      talk.note(`resultOf returned ${JSON.stringify(result)}`);
    },
  },
];

export default examples;
