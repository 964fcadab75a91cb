/**
 * Examples for `npm run trace -- 12`: each one pushes lines into your pipeline, and the trace
 * prints every call each stage makes on the next, indented under the call that caused it, with
 * what came back and each stage's state. The grader does not use this file: change the
 * examples, or add your own.
 *
 * `npm run trace -- 12`의 예제입니다. 한국어 로캘이거나 `--lang ko`를 붙이면 각 예제의 제목으로
 * titleKo가 나옵니다. 채점기는 이 파일을 쓰지 않으니, 예제를 고치거나 새로 더해 보세요.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './pipeline';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'grep passes on the lines that match; closing it closes what it feeds',
    titleKo: 'grep은 맞는 줄만 넘기고, grep을 닫으면 grep이 보내 주던 단계도 닫힙니다',
    run(m, talk) {
      const out: string[] = [];
      // Your stages come primed: handed over suspended at their first yield.
      const collected = talk.record(m.collector(out), 'collector', { state: 'GEN_SUSPENDED' });
      const grep = talk.record(m.grep('python', collected), 'grep', { state: 'GEN_SUSPENDED' });
      grep.next('python generators');
      grep.next('java streams');
      grep.next('a python coroutine');
      grep.return();
      talk.note(`out is now ${JSON.stringify(out)}`);
    },
  },
  {
    title: 'source → broadcast → two collectors: every line to every target, then one close for all',
    titleKo: 'source → broadcast → collector 둘: 모든 줄이 모든 target에 가고, 닫기 한 번으로 전부 닫힙니다',
    run(m, talk) {
      const left: string[] = [];
      const right: string[] = [];
      const a = talk.record(m.collector(left), 'left', { state: 'GEN_SUSPENDED' });
      const b = talk.record(m.collector(right), 'right', { state: 'GEN_SUSPENDED' });
      const fanOut = talk.record(m.broadcast([a, b]), 'broadcast', { state: 'GEN_SUSPENDED' });
      m.source(['one', 'two'], fanOut);
    },
  },
];

export default examples;
