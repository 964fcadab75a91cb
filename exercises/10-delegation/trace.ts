/**
 * Examples for `npm run trace -- 10`: each one drives a generator step by step, and the trace
 * prints every call, what came back, and the generator's state after it. Calls the grouper passes
 * on to its averager through `yield*` show indented under the call that caused them. The grader
 * does not use this file: change the examples, or add your own.
 *
 * `npm run trace -- 10`의 예제입니다. 한국어 로캘이거나 `--lang ko`를 붙이면 각 예제의 제목으로
 * titleKo가 나옵니다. 채점기는 이 파일을 쓰지 않으니, 예제를 고치거나 새로 더해 보세요.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './delegation';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'grouper: what is sent goes through to the averager; STOP stores its result and starts a new one',
    titleKo: 'grouper: 보낸 값은 평균 계산기까지 그대로 가고, STOP은 결과를 저장한 뒤 새 계산기를 시작합니다',
    run(m, talk) {
      const results: Record<string, Exercise.Result> = {};
      let made = 0;
      const makeSub = () => talk.record(m.averager(), `averager${(made += 1)}`);
      const group = talk.record(m.grouper(results, 'girls;kg', makeSub), 'grouper', { madeBy: 'grouper(results, key, makeSub)' });
      group.next();
      group.next(40.9);
      group.next(38.5);
      group.next(m.STOP);
      talk.note(`results is now ${JSON.stringify(results)}`);
      group.return(undefined as never);
    },
  },
  {
    title: 'walk: values come out depth-first, and the count comes back with done: true',
    titleKo: 'walk: 값은 깊이 우선으로 나오고, 노드 수는 done: true와 함께 돌아옵니다',
    run(m, talk) {
      const tree = { value: 'a', children: [{ value: 'b', children: [{ value: 'd' }] }, { value: 'c' }] };
      const gen = talk.record(m.walk(tree), 'walk(tree)');
      for (let i = 0; i < 5; i++) gen.next();
    },
  },
];

export default examples;
