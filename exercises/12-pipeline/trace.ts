/**
 * Examples for `npm run trace -- 12`: each one pushes lines into your pipeline, and the trace
 * prints every call each stage makes on the next, indented under the call that caused it, with
 * what came back and each stage's state. The grader does not use this file: change the
 * examples, or add your own.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './pipeline';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'grep passes on the lines that match; closing it closes what it feeds',
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
