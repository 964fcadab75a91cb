// Known-wrong: groupAverages never sends STOP, so no averager returns and the results stay empty.
/**
 * 10 · Delegation — `yield*` is Python's `yield from`.
 *
 * A delegating generator opens a direct channel between its caller and a sub-generator:
 * everything the caller sends, throws or returns goes straight through to the sub, everything
 * the sub yields goes straight back out, and when the sub returns, its return value becomes the
 * value of the `yield*` expression in the delegating generator.
 */

export interface Result {
  count: number;
  average: number | null;
}

// Given: the stop signal (a symbol, so that no number, not even 0, can be mistaken for it).
export const STOP: unique symbol = Symbol('STOP');

// Given: the averager of exercise 09. It returns its Result when it receives STOP.
export function* averager(): Generator<void, Result, number | typeof STOP> {
  let total = 0;
  let count = 0;
  while (true) {
    const term = yield;
    if (term === STOP) break;
    total += term;
    count += 1;
  }
  return { count, average: count === 0 ? null : total / count };
}

/**
 * Fluent Python's `grouper`: the delegating generator between the caller and one averager
 * at a time. It never sees the values: `yield*` hands each `next(v)` (and `throw`/`return`)
 * straight to the sub. It wakes up only when a sub returns, stores that result, and loops to
 * start the next sub, so the caller can keep sending without ever getting `done`.
 */
export function* grouper(
  results: Record<string, Result>,
  key: string,
  makeSub: () => Generator<void, Result, number | typeof STOP> = averager,
): Generator<void, never, number | typeof STOP> {
  while (true) {
    // The assignment happens only after the sub has returned: until the first STOP the key
    // does not exist.
    results[key] = yield* makeSub();
  }
}

/**
 * Fluent Python's `main`: the caller. One grouper per key, primed, fed every value, then sent
 * STOP so that its current averager returns and the grouper stores the result.
 */
export function groupAverages(data: Record<string, number[]>): Record<string, Result> {
  const results: Record<string, Result> = {};
  for (const [key, values] of Object.entries(data)) {
    const group = grouper(results, key);
    // Priming runs the grouper into the averager's first `yield`; the argument of this first
    // next() would be dropped, so no value may be sent with it.
    group.next();
    for (const value of values) group.next(value);
  }
  return results;
}

export interface Tree<T> {
  value: T;
  children?: Tree<T>[];
}

/**
 * Depth-first, parent first. Each child's subtree is walked by a recursive `walk` that this one
 * delegates to: its values flow straight out to our caller, and its return value (the size of
 * that subtree) comes back as the value of `yield*`, which `for…of` would throw away.
 */
export function* walk<T>(tree: Tree<T>): Generator<T, number, unknown> {
  yield tree.value;
  let nodes = 1;
  for (const child of tree.children ?? []) {
    nodes += yield* walk(child);
  }
  return nodes;
}
