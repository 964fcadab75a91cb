import type * as Target from '@target/12-pipeline/pipeline';
import { loadTarget } from './support/target';

const m = loadTarget<typeof Target>('12-pipeline');

type Sink = Target.Sink;

/**
 * A fake sink that writes every call it receives to `log` as `<name> next <line>`,
 * `<name> return` or `<name> throw`. It is "already primed": it accepts lines at once.
 */
function spy(name: string, log: string[]): Sink {
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
  return sink as unknown as Sink;
}

function sendAll(sink: Sink, lines: string[]): void {
  for (const line of lines) sink.next(line);
}

describe('collector', () => {
  test('collector is primed: the first line sent is collected', () => {
    const out: string[] = [];
    m.collector(out).next('first');
    expect(out).toEqual(['first']);
  });

  test('collector collects every line in the order sent', () => {
    const out: string[] = [];
    sendAll(m.collector(out), ['one', 'two', '', 'three']);
    expect(out).toEqual(['one', 'two', '', 'three']);
  });

  test('collector keeps what it collected after it is closed', () => {
    const out: string[] = [];
    const sink = m.collector(out);
    sendAll(sink, ['kept', 'also kept']);
    expect(sink.return()).toEqual({ value: undefined, done: true });
    expect(sink.next('too late')).toEqual({ value: undefined, done: true });
    expect(out).toEqual(['kept', 'also kept']);
  });
});

describe('grep', () => {
  test('grep is primed: the first matching line sent reaches the target', () => {
    const log: string[] = [];
    m.grep('python', spy('target', log)).next('python is fun');
    expect(log).toEqual(['target next python is fun']);
  });

  test('grep sends on only the lines that contain the pattern, in order', () => {
    const log: string[] = [];
    sendAll(m.grep('python', spy('target', log)), [
      'python generators',
      'java streams',
      'a python coroutine',
      'ruby fibers',
    ]);
    expect(log).toEqual(['target next python generators', 'target next a python coroutine']);
  });

  test('grep matches case-sensitively', () => {
    const log: string[] = [];
    sendAll(m.grep('Python', spy('target', log)), ['Python 3', 'python 2', 'PYTHON']);
    expect(log).toEqual(['target next Python 3']);
  });

  test('grep treats the pattern as plain text, not as a regular expression', () => {
    const log: string[] = [];
    sendAll(m.grep('a.c', spy('dot', log)), ['abc', 'xa.cx']);
    sendAll(m.grep('f(', spy('paren', log)), ['f(x)', 'fx']);
    expect(log).toEqual(['dot next xa.cx', 'paren next f(x)']);
  });

  test('closing grep calls return() once on its target', () => {
    const log: string[] = [];
    const stage = m.grep('x', spy('target', log));
    stage.next('x1');
    expect(stage.return()).toEqual({ value: undefined, done: true });
    expect(log).toEqual(['target next x1', 'target return']);
  });

  test('an error thrown into grep propagates and still closes its target', () => {
    const log: string[] = [];
    const problem = new Error('broken input');
    const stage = m.grep('x', spy('target', log));
    let thrown: unknown;
    try {
      stage.throw(problem);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBe(problem);
    expect(log).toEqual(['target return']);
  });
});

describe('broadcast', () => {
  test('broadcast is primed: the first line sent reaches every target', () => {
    const log: string[] = [];
    m.broadcast([spy('a', log), spy('b', log)]).next('hello');
    expect(log).toEqual(['a next hello', 'b next hello']);
  });

  test('broadcast sends each line to every target in order', () => {
    const log: string[] = [];
    sendAll(m.broadcast([spy('a', log), spy('b', log), spy('c', log)]), ['x', 'y']);
    expect(log).toEqual(['a next x', 'b next x', 'c next x', 'a next y', 'b next y', 'c next y']);
  });

  test('closing broadcast calls return() once on each of its targets', () => {
    const log: string[] = [];
    const stage = m.broadcast([spy('a', log), spy('b', log), spy('c', log)]);
    stage.next('x');
    expect(stage.return()).toEqual({ value: undefined, done: true });
    expect(log.slice(0, 3)).toEqual(['a next x', 'b next x', 'c next x']);
    expect(log.slice(3).sort()).toEqual(['a return', 'b return', 'c return']);
  });
});

describe('source', () => {
  test('source sends every line to the target, then calls return() once', () => {
    const log: string[] = [];
    m.source(['one', 'two', 'three'], spy('target', log));
    expect(log).toEqual(['target next one', 'target next two', 'target next three', 'target return']);
  });

  test('source accepts any iterable, such as a generator of lines', () => {
    const log: string[] = [];
    function* lines(): Generator<string, void, unknown> {
      yield 'first';
      yield 'second';
    }
    m.source(lines(), spy('target', log));
    expect(log).toEqual(['target next first', 'target next second', 'target return']);
  });

  test('source with no lines only closes the target', () => {
    const log: string[] = [];
    m.source([], spy('target', log));
    expect(log).toEqual(['target return']);
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

  function build() {
    const all: string[] = [];
    const ply: string[] = [];
    const allSink = m.collector(all);
    const plySink = m.collector(ply);
    const head = m.grep('python', m.broadcast([allSink, m.grep('ply', plySink)]));
    return { all, ply, allSink, plySink, head };
  }

  test('source → grep → broadcast → collectors delivers the right lines to each collector', () => {
    const { all, ply, head } = build();
    m.source(lines, head);
    expect({ all, ply }).toEqual({
      all: ['python generators', 'ply is a python parser', 'python coroutines'],
      ply: ['ply is a python parser'],
    });
  });

  test('closing the first stage closes every stage down to the collectors, which keep their lines', () => {
    const { all, ply, allSink, plySink, head } = build();
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
