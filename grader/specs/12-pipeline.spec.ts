import type * as Target from '@target/12-pipeline/pipeline';
import { converse, type Conversation } from './support/conversation';
import { loadTarget } from './support/target';

const m = loadTarget<typeof Target>('12-pipeline');

type Sink = Target.Sink;

/**
 * A fake sink that writes every call it receives to `log` as `<name> next <line>`,
 * `<name> return` or `<name> throw`. It is "already primed": it accepts lines at once.
 * Recorded, so a failure shows each call a stage made on it, nested under the call that made it.
 */
function spy(talk: Conversation, name: string, log: string[]): Sink {
  let closed = false;
  const sink = {
    next(...args: [] | [string]) {
      log.push(`${name} next ${String(args[0])}`);
      return closed ? { value: undefined, done: true } : { value: undefined, done: false };
    },
    return() {
      log.push(`${name} return`);
      closed = true;
      return { value: undefined, done: true };
    },
    throw(error: unknown) {
      log.push(`${name} throw`);
      closed = true;
      throw error;
    },
    [Symbol.iterator]() {
      return sink;
    },
  };
  return talk.record(sink as unknown as Sink, name, { state: 'GEN_SUSPENDED' });
}

/** A stage the student made, recorded under a short name; stages come primed, so suspended. */
function stage(talk: Conversation, sink: Sink, name: string): Sink {
  return talk.record(sink, name, { state: 'GEN_SUSPENDED' });
}

function sendAll(sink: Sink, lines: string[]): void {
  for (const line of lines) sink.next(line);
}

describe('collector', () => {
  test('collector is primed: the first line sent is collected', () => {
    converse((talk) => {
      const out: string[] = [];
      stage(talk, m.collector(out), 'collector').next('first');
      expect(out).toEqual(['first']);
    });
  });

  test('collector collects every line in the order sent', () => {
    converse((talk) => {
      const out: string[] = [];
      sendAll(stage(talk, m.collector(out), 'collector'), ['one', 'two', '', 'three']);
      expect(out).toEqual(['one', 'two', '', 'three']);
    });
  });

  test('collector keeps what it collected after it is closed', () => {
    converse((talk) => {
      const out: string[] = [];
      const sink = stage(talk, m.collector(out), 'collector');
      sendAll(sink, ['kept', 'also kept']);
      expect(sink.return()).toEqual({ value: undefined, done: true });
      expect(sink.next('too late')).toEqual({ value: undefined, done: true });
      expect(out).toEqual(['kept', 'also kept']);
    });
  });
});

describe('grep', () => {
  test('grep is primed: the first matching line sent reaches the target', () => {
    converse((talk) => {
      const log: string[] = [];
      stage(talk, m.grep('python', spy(talk, 'target', log)), 'grep').next('python is fun');
      expect(log).toEqual(['target next python is fun']);
    });
  });

  test('grep sends on only the lines that contain the pattern, in order', () => {
    converse((talk) => {
      const log: string[] = [];
      sendAll(stage(talk, m.grep('python', spy(talk, 'target', log)), 'grep'), [
        'python generators',
        'java streams',
        'a python coroutine',
        'ruby fibers',
      ]);
      expect(log).toEqual(['target next python generators', 'target next a python coroutine']);
    });
  });

  test('grep matches case-sensitively', () => {
    converse((talk) => {
      const log: string[] = [];
      sendAll(stage(talk, m.grep('Python', spy(talk, 'target', log)), 'grep'), ['Python 3', 'python 2', 'PYTHON']);
      expect(log).toEqual(['target next Python 3']);
    });
  });

  test('grep treats the pattern as plain text, not as a regular expression', () => {
    converse((talk) => {
      const log: string[] = [];
      sendAll(stage(talk, m.grep('a.c', spy(talk, 'dot', log)), 'grepDot'), ['abc', 'xa.cx']);
      sendAll(stage(talk, m.grep('f(', spy(talk, 'paren', log)), 'grepParen'), ['f(x)', 'fx']);
      expect(log).toEqual(['dot next xa.cx', 'paren next f(x)']);
    });
  });

  test('closing grep calls return() once on its target', () => {
    converse((talk) => {
      const log: string[] = [];
      const grep = stage(talk, m.grep('x', spy(talk, 'target', log)), 'grep');
      grep.next('x1');
      expect(grep.return()).toEqual({ value: undefined, done: true });
      expect(log).toEqual(['target next x1', 'target return']);
    });
  });

  test('an error thrown into grep propagates and still closes its target', () => {
    converse((talk) => {
      const log: string[] = [];
      const problem = new Error('broken input');
      const grep = stage(talk, m.grep('x', spy(talk, 'target', log)), 'grep');
      let thrown: unknown;
      try {
        grep.throw(problem);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBe(problem);
      expect(log).toEqual(['target return']);
    });
  });
});

describe('broadcast', () => {
  test('broadcast is primed: the first line sent reaches every target', () => {
    converse((talk) => {
      const log: string[] = [];
      stage(talk, m.broadcast([spy(talk, 'a', log), spy(talk, 'b', log)]), 'broadcast').next('hello');
      expect(log).toEqual(['a next hello', 'b next hello']);
    });
  });

  test('broadcast sends each line to every target in order', () => {
    converse((talk) => {
      const log: string[] = [];
      sendAll(stage(talk, m.broadcast([spy(talk, 'a', log), spy(talk, 'b', log), spy(talk, 'c', log)]), 'broadcast'), ['x', 'y']);
      expect(log).toEqual(['a next x', 'b next x', 'c next x', 'a next y', 'b next y', 'c next y']);
    });
  });

  test('closing broadcast calls return() once on each of its targets', () => {
    converse((talk) => {
      const log: string[] = [];
      const broadcast = stage(talk, m.broadcast([spy(talk, 'a', log), spy(talk, 'b', log), spy(talk, 'c', log)]), 'broadcast');
      broadcast.next('x');
      expect(broadcast.return()).toEqual({ value: undefined, done: true });
      expect(log.slice(0, 3)).toEqual(['a next x', 'b next x', 'c next x']);
      expect(log.slice(3).sort()).toEqual(['a return', 'b return', 'c return']);
    });
  });
});

describe('source', () => {
  test('source sends every line to the target, then calls return() once', () => {
    converse((talk) => {
      const log: string[] = [];
      m.source(['one', 'two', 'three'], spy(talk, 'target', log));
      expect(log).toEqual(['target next one', 'target next two', 'target next three', 'target return']);
    });
  });

  test('source accepts any iterable, such as a generator of lines', () => {
    converse((talk) => {
      const log: string[] = [];
      function* lines(): Generator<string, void, unknown> {
        yield 'first';
        yield 'second';
      }
      m.source(talk.record(lines(), 'lines()'), spy(talk, 'target', log));
      expect(log).toEqual(['target next first', 'target next second', 'target return']);
    });
  });

  test('source with no lines only closes the target', () => {
    converse((talk) => {
      const log: string[] = [];
      m.source([], spy(talk, 'target', log));
      expect(log).toEqual(['target return']);
    });
  });
});

describe('a whole pipeline', () => {
  const lines = [
    'python generators',
    'ply is a python parser',
    'java streams',
    'python coroutines',
    'PLY in capitals',
    'ply without the word',
  ];

  /** grepPython → broadcast → (all, grepPly → ply), every stage recorded. */
  function build(talk: Conversation) {
    const all: string[] = [];
    const ply: string[] = [];
    const allSink = stage(talk, m.collector(all), 'all');
    const plySink = stage(talk, m.collector(ply), 'ply');
    const grepPly = stage(talk, m.grep('ply', plySink), 'grepPly');
    const head = stage(talk, m.grep('python', stage(talk, m.broadcast([allSink, grepPly]), 'broadcast')), 'grepPython');
    return { all, ply, allSink, plySink, head };
  }

  test('source → grep → broadcast → collectors delivers the right lines to each collector', () => {
    converse((talk) => {
      const { all, ply, head } = build(talk);
      m.source(lines, head);
      expect({ all, ply }).toEqual({
        all: ['python generators', 'ply is a python parser', 'python coroutines'],
        ply: ['ply is a python parser'],
      });
    });
  });

  test('closing the first stage closes every stage down to the collectors, which keep their lines', () => {
    converse((talk) => {
      const { all, ply, allSink, plySink, head } = build(talk);
      sendAll(head, lines);
      head.return();
      expect(allSink.next('python after close')).toEqual({ value: undefined, done: true });
      expect(plySink.next('python ply after close')).toEqual({ value: undefined, done: true });
      expect({ all, ply }).toEqual({
        all: ['python generators', 'ply is a python parser', 'python coroutines'],
        ply: ['ply is a python parser'],
      });
    });
  });
});
