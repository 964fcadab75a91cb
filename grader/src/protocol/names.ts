/**
 * How tests are named, on every side of a grading run. The runner's course file wraps each
 * hidden spec in a `describe` block labelled with its (target, exercise) pair; the pair label
 * is never part of a test's name as students see it.
 */

const PAIR_PREFIX = 'coroutine-grader pair ';

/** A graded pair: one exercise of one target folder. `target` is a key unique in a run. */
export interface PairRef {
  target: string;
  exercise: string;
}

export function pairLabel(pair: PairRef): string {
  return `${PAIR_PREFIX}${JSON.stringify([pair.target, pair.exercise])}`;
}

/** The pair a `describe` label names, or undefined when it is a spec's own block. */
export function pairOfLabel(label: string): PairRef | undefined {
  if (!label.startsWith(PAIR_PREFIX)) return undefined;
  try {
    const [target, exercise] = JSON.parse(label.slice(PAIR_PREFIX.length)) as [unknown, unknown];
    return typeof target === 'string' && typeof exercise === 'string' ? { target, exercise } : undefined;
  } catch {
    return undefined;
  }
}

export function pairKey(pair: PairRef): string {
  return `${pair.target}\u0000${pair.exercise}`;
}

/**
 * A test's name: its `describe` titles and its own, joined with ` > `, without the pair label.
 * `titles` are outermost first, as Jest's `ancestorTitles` are.
 */
export function testName(titles: readonly string[]): string {
  return titles.filter((title) => pairOfLabel(title) === undefined).join(' > ');
}

/** What a spec that fails to load reports instead of its tests (it then scores 0 on all). */
export const SPEC_LOAD_FAILED_TEST = 'the hidden spec loads';
