import type * as Target from '@target/10-delegation/delegation';
import { converse, type Conversation } from './support/conversation';
import { loadTarget } from './support/target';

const m = loadTarget<typeof Target>('10-delegation');

type Input = number | typeof Target.STOP;
type Sub = Generator<void, Target.Result, Input>;

/** Thrown into a fake sub-generator: the sub catches this kind and keeps going. */
class Handled extends Error {}

/**
 * A `makeSub` that records everything: how often it was called, what each sub received,
 * the errors each sub handled, and a log of each sub's start and `finally`. Sub number `n`
 * (1-based) returns `returned[n - 1]`, a fresh object, when it receives STOP.
 */
function fakeSubs(talk: Conversation) {
  const received: unknown[][] = [];
  const handled: unknown[][] = [];
  const returned: Target.Result[] = [];
  const log: string[] = [];
  let calls = 0;
  const makeSub = (): Sub => {
    calls += 1;
    const n = calls;
    const mine: unknown[] = [];
    const errors: unknown[] = [];
    const result = { count: n, average: n * 10 };
    received.push(mine);
    handled.push(errors);
    returned.push(result);
    const sub = (function* (): Sub {
      log.push(`start ${n}`);
      try {
        while (true) {
          let input: Input;
          try {
            input = yield;
          } catch (error) {
            if (!(error instanceof Handled)) throw error;
            errors.push(error);
            continue;
          }
          if (input === m.STOP) return result;
          mine.push(input);
        }
      } finally {
        log.push(`finally ${n}`);
      }
    })();
    // Recorded, so a failure shows what reached each sub through the grouper.
    return talk.record(sub, `sub${n}`);
  };
  return { makeSub, received, handled, returned, log, calls: () => calls };
}

/** A grouper, recorded: its calls show, and the calls it passes on to its sub nest under them. */
function grouperIn(talk: Conversation, results: Record<string, Target.Result>, makeSub?: () => Sub) {
  const gen = makeSub ? m.grouper(results, 'k', makeSub) : m.grouper(results, 'k');
  return talk.record(gen, 'grouper', { madeBy: `grouper(results, 'k'${makeSub ? ', makeSub' : ''})` });
}

/** What a correct walk yields and returns, so that a failure shows the first step that differs. */
function* modelWalk<T>(tree: Target.Tree<T>): Generator<T, number, unknown> {
  yield tree.value;
  let nodes = 1;
  for (const child of tree.children ?? []) nodes += yield* modelWalk(child);
  return nodes;
}

function walkIn<T>(talk: Conversation, tree: Target.Tree<T>) {
  return talk.record(m.walk(tree), 'walk(tree)', { model: modelWalk(tree) });
}

/** Collects what `gen` yields and what it returns, pulling at most `cap` times. */
function drain<T, R>(gen: Generator<T, R, unknown>, cap = 100): { values: T[]; returned: R } {
  const values: T[] = [];
  for (let i = 0; i < cap; i++) {
    const step = gen.next();
    if (step.done) return { values, returned: step.value };
    values.push(step.value);
  }
  throw new Error(`the generator was still not done after ${cap} next() calls`);
}

/** Fluent Python-style heights (m) and weights (kg) of a class, grouped by key. */
const heightsAndWeights: Record<string, number[]> = {
  'girls;kg': [41.0, 43.5, 39.8, 44.1, 42.6, 40.2, 45.0, 38.9, 42.3, 43.0],
  'girls;m': [1.42, 1.45, 1.38, 1.47, 1.44, 1.4, 1.49, 1.36, 1.43, 1.46],
  'boys;kg': [39.5, 42.8, 37.9, 41.6, 43.2, 38.4, 40.1, 44.0, 36.3],
  'boys;m': [1.35, 1.42, 1.31, 1.4, 1.44, 1.37, 1.39, 1.46, 1.37],
};

/**
 *      a
 *     / \
 *    b   c
 *   / \   \
 *  d   e   f
 *      |
 *      g
 */
const tree: Target.Tree<string> = {
  value: 'a',
  children: [
    { value: 'b', children: [{ value: 'd' }, { value: 'e', children: [{ value: 'g' }] }] },
    { value: 'c', children: [{ value: 'f', children: [] }] },
  ],
};

describe('grouper', () => {
  test('values sent to the grouper reach the sub-generator, in order', () => {
    converse((talk) => {
      const subs = fakeSubs(talk);
      const group = grouperIn(talk, {}, subs.makeSub);
      group.next();
      group.next(3);
      group.next(0);
      group.next(-2.5);
      expect(subs.received).toEqual([[3, 0, -2.5]]);
    });
  });

  test('the key does not exist in results before the first STOP', () => {
    converse((talk) => {
      const subs = fakeSubs(talk);
      const results: Record<string, Target.Result> = {};
      const group = grouperIn(talk, results, subs.makeSub);
      group.next();
      group.next(1);
      group.next(2);
      expect(Object.keys(results)).toEqual([]);
    });
  });

  test('after STOP, results[key] is the very object the sub-generator returned', () => {
    converse((talk) => {
      const subs = fakeSubs(talk);
      const results: Record<string, Target.Result> = {};
      const group = grouperIn(talk, results, subs.makeSub);
      group.next();
      group.next(1);
      group.next(m.STOP);
      expect(results.k).toBe(subs.returned[0]);
    });
  });

  test('after STOP the grouper is not done', () => {
    converse((talk) => {
      const subs = fakeSubs(talk);
      const group = grouperIn(talk, {}, subs.makeSub);
      group.next();
      group.next(1);
      expect(group.next(m.STOP)).toEqual({ value: undefined, done: false });
    });
  });

  test('after STOP the grouper has already started a fresh sub-generator', () => {
    converse((talk) => {
      const subs = fakeSubs(talk);
      const group = grouperIn(talk, {}, subs.makeSub);
      group.next();
      group.next(m.STOP);
      expect(subs.calls()).toBe(2);
      expect(subs.log).toEqual(['start 1', 'finally 1', 'start 2']);
    });
  });

  test('the grouper keeps looping: the next STOP stores the fresh sub-generator\'s result', () => {
    converse((talk) => {
      const subs = fakeSubs(talk);
      const results: Record<string, Target.Result> = {};
      const group = grouperIn(talk, results, subs.makeSub);
      group.next();
      group.next(1);
      group.next(m.STOP);
      group.next(2);
      group.next(m.STOP);
      expect(subs.received).toEqual([[1], [2], []]);
      expect(results.k).toBe(subs.returned[1]);
    });
  });

  test('throw() on the grouper reaches the sub-generator, whose own handler catches it', () => {
    converse((talk) => {
      const subs = fakeSubs(talk);
      const group = grouperIn(talk, {}, subs.makeSub);
      group.next();
      const error = new Handled('handled by the sub');
      group.throw(error);
      group.next(4);
      expect(subs.handled).toEqual([[error]]);
      expect(subs.handled[0][0]).toBe(error);
      expect(subs.received).toEqual([[4]]);
    });
  });

  test("an error the sub-generator doesn't handle runs its finally and comes out of throw()", () => {
    converse((talk) => {
      const subs = fakeSubs(talk);
      const group = grouperIn(talk, {}, subs.makeSub);
      group.next();
      group.next(1);
      const error = new Error('not handled');
      let thrown: unknown;
      try {
        group.throw(error);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBe(error);
      expect(subs.handled).toEqual([[]]);
      expect(subs.log).toEqual(['start 1', 'finally 1']);
    });
  });

  test("return() on the grouper reaches the sub-generator and runs its finally", () => {
    converse((talk) => {
      const subs = fakeSubs(talk);
      const group = grouperIn(talk, {}, subs.makeSub);
      group.next();
      group.next(1);
      group.return(undefined as never);
      expect(subs.log).toEqual(['start 1', 'finally 1']);
    });
  });

  test('without makeSub the grouper delegates to averager', () => {
    converse((talk) => {
      const results: Record<string, Target.Result> = {};
      const group = grouperIn(talk, results);
      group.next();
      group.next(10);
      group.next(20);
      group.next(m.STOP);
      expect(results).toEqual({ k: { count: 2, average: 15 } });
    });
  });
});

describe('groupAverages', () => {
  test('with the heights-and-weights table it gives one result per key', () => {
    expect(Object.keys(m.groupAverages(heightsAndWeights)).sort()).toEqual(
      ['boys;kg', 'boys;m', 'girls;kg', 'girls;m'],
    );
  });

  test('with the heights-and-weights table it counts 10, 10, 9 and 9 values', () => {
    const results = m.groupAverages(heightsAndWeights);
    expect({
      'girls;kg': results['girls;kg']?.count,
      'girls;m': results['girls;m']?.count,
      'boys;kg': results['boys;kg']?.count,
      'boys;m': results['boys;m']?.count,
    }).toEqual({ 'girls;kg': 10, 'girls;m': 10, 'boys;kg': 9, 'boys;m': 9 });
  });

  test('with the heights-and-weights table the averages are 42.04, 1.43, 40.42 and 1.39', () => {
    const results = m.groupAverages(heightsAndWeights);
    const twoPlaces = (key: string) => {
      const average = results[key]?.average;
      return typeof average === 'number' ? average.toFixed(2) : average;
    };
    expect({
      'girls;kg': twoPlaces('girls;kg'),
      'girls;m': twoPlaces('girls;m'),
      'boys;kg': twoPlaces('boys;kg'),
      'boys;m': twoPlaces('boys;m'),
    }).toEqual({ 'girls;kg': '42.04', 'girls;m': '1.43', 'boys;kg': '40.42', 'boys;m': '1.39' });
  });

  test('an empty list gives { count: 0, average: null }', () => {
    expect(m.groupAverages({ none: [], some: [1, 3] })).toEqual({
      none: { count: 0, average: null },
      some: { count: 2, average: 2 },
    });
  });
});

describe('walk', () => {
  test('a single node yields its value and returns 1', () => {
    converse((talk) => {
      expect(drain(walkIn(talk, { value: 42 }))).toEqual({ values: [42], returned: 1 });
    });
  });

  test('a node with an empty children list yields its value and returns 1', () => {
    converse((talk) => {
      expect(drain(walkIn(talk, { value: 'x', children: [] }))).toEqual({ values: ['x'], returned: 1 });
    });
  });

  test('walk yields depth-first, each parent before its children', () => {
    converse((talk) => {
      expect(drain(walkIn(talk, tree)).values).toEqual(['a', 'b', 'd', 'e', 'g', 'c', 'f']);
    });
  });

  test('walk returns the number of nodes in the whole tree', () => {
    converse((talk) => {
      expect(drain(walkIn(talk, tree)).returned).toBe(7);
    });
  });
});
