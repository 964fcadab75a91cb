/**
 * Examples for `npm run trace -- 14`: each one drives your taxiProcess step by step (by hand, or
 * through your Simulator), and the trace prints every call, the event that came back, and the
 * generator's state after it. The grader does not use this file: change the examples, or add
 * your own.
 *
 * `npm run trace -- 14`의 예제입니다. 한국어 로캘이거나 `--lang ko`를 붙이면 각 예제의 제목으로
 * titleKo가 나옵니다. 채점기는 이 파일을 쓰지 않으니, 예제를 고치거나 새로 더해 보세요.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './taxi-sim';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'taxi 13, two trips, by hand: each send is the time of its next event',
    titleKo: '택시 13, 운행 두 번, 손으로 돌리기: send할 때마다 그것이 다음 사건의 시각입니다',
    run(m, talk) {
      const taxi = talk.record(m.taxiProcess(13, 2, 0), 'taxiProcess(13, 2, 0)');
      let event = taxi.next();
      for (const wait of [7, 23, 5, 48, 1, 1]) {
        if (event.done) break;
        event = taxi.next(event.value.time + wait);
      }
    },
  },
  {
    title: 'your Simulator drives two taxis; every trip takes 5',
    titleKo: '여러분의 Simulator가 택시 두 대를 움직입니다. 운행은 모두 5만큼 걸립니다',
    run(m, talk) {
      const procs = new Map([
        [0, talk.record(m.taxiProcess(0, 1, 0), 'taxi0', { madeBy: 'taxiProcess(0, 1, 0)' })],
        [1, talk.record(m.taxiProcess(1, 1, 3), 'taxi1', { madeBy: 'taxiProcess(1, 1, 3)' })],
      ]);
      const { pending } = new m.Simulator(procs, () => 5).run(100);
      talk.note(`run(100) ended with ${pending} events pending`);
    },
  },
];

export default examples;
