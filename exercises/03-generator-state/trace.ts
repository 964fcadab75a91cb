/**
 * Examples for `npm run trace -- 03`: each one drives your TrackedGenerator step by step. The
 * trace prints every call, what came back, and the state after it as the trace itself sees it;
 * the lines "t.state is …" are what your wrapper reports, read after each step (and once from
 * inside the body). Calls your wrapper passes on to the generator show indented under them.
 * The grader does not use this file: change the examples, or add your own.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './generator-state';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'created, running (read from inside the body), suspended, closed',
    run(m, talk) {
      let t: Exercise.TrackedGenerator<number, string, number> | undefined = undefined;
      function* body(): Generator<number, string, number> {
        talk.note(`t.state is ${t?.state} (read inside the body)`);
        const got = yield 1;
        yield got * 2;
        return 'done';
      }
      const tracked = new m.TrackedGenerator(talk.record(body(), 'body()'));
      t = tracked;
      talk.record(tracked, 't', { madeBy: 'new TrackedGenerator(body())' });
      talk.note(`t.state is ${tracked.state}`);
      for (const step of [() => tracked.next(), () => tracked.next(21), () => tracked.next(), () => tracked.next()]) {
        step();
        talk.note(`t.state is ${tracked.state}`);
      }
    },
  },
  {
    title: 'throw() on a created one closes it without running the body',
    run(m, talk) {
      function* body(): Generator<number, void, unknown> {
        yield 1;
      }
      const t = talk.record(new m.TrackedGenerator(body()), 't', { madeBy: 'new TrackedGenerator(body())' });
      try {
        t.throw(new Error('boom'));
      } catch {
        // The step shows what was thrown.
      }
      talk.note(`t.state is ${t.state}`);
    },
  },
];

export default examples;
