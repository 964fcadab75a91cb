// Alternative: the grouper spells out what `yield*` does (next, throw and return forwarded by hand, as in PEP 380), and walk uses an explicit stack instead of recursion.

export interface Result {
  count: number;
  average: number | null;
}

export const STOP: unique symbol = Symbol('STOP');

type Input = number | typeof STOP;

export function* averager(): Generator<void, Result, Input> {
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

export function* grouper(
  results: Record<string, Result>,
  key: string,
  makeSub: () => Generator<void, Result, Input> = averager,
): Generator<void, never, Input> {
  while (true) {
    const sub = makeSub();
    let step = sub.next();
    while (!step.done) {
      let resumed = false;
      try {
        const sent = yield step.value;
        resumed = true;
        step = sub.next(sent);
      } catch (error) {
        if (resumed) throw error; // thrown by sub.next itself: it is the sub's own error
        resumed = true;
        step = sub.throw(error);
      } finally {
        // Reached without resuming only when return() was called on us: pass it on.
        if (!resumed) sub.return(undefined as never);
      }
    }
    results[key] = step.value;
  }
}

export function groupAverages(data: Record<string, number[]>): Record<string, Result> {
  const results: Record<string, Result> = {};
  for (const key of Object.keys(data)) {
    const group = grouper(results, key);
    group.next();
    data[key].forEach((value) => group.next(value));
    group.next(STOP);
  }
  return results;
}

export interface Tree<T> {
  value: T;
  children?: Tree<T>[];
}

export function* walk<T>(tree: Tree<T>): Generator<T, number, unknown> {
  const stack: Tree<T>[] = [tree];
  let nodes = 0;
  while (stack.length > 0) {
    const node = stack.pop() as Tree<T>;
    nodes += 1;
    yield node.value;
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return nodes;
}
