// Known-wrong: take checks whether it has enough items only after pulling the next one, so it always pulls one item it throws away.
export function* countdown(n: number): Generator<number, void, unknown> {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`bad count ${n}`);
  for (let i = n; i > 0; i--) yield i;
}

export function* naturals(start = 1): Generator<number, never, unknown> {
  for (let i = start; ; i++) yield i;
}

export function take<T>(source: Iterable<T>, n: number): T[] {
  const items: T[] = [];
  for (const item of source) {
    if (items.length >= n) break;
    items.push(item);
  }
  return items;
}

export function* lazyMap<T, U>(source: Iterable<T>, fn: (item: T) => U): Generator<U, void, unknown> {
  for (const item of source) yield fn(item);
}
