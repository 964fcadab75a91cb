// Known-wrong: lazyMap maps one item ahead (to know whether another value follows), so fn runs for an item nobody has pulled yet.
export function* countdown(n: number): Generator<number, void, unknown> {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`bad count ${n}`);
  for (let i = n; i > 0; i--) yield i;
}

export function* naturals(start = 1): Generator<number, never, unknown> {
  for (let i = start; ; i++) yield i;
}

export function take<T>(source: Iterable<T>, n: number): T[] {
  const items: T[] = [];
  if (n <= 0) return items;
  for (const item of source) {
    items.push(item);
    if (items.length >= n) break;
  }
  return items;
}

export function* lazyMap<T, U>(source: Iterable<T>, fn: (item: T) => U): Generator<U, void, unknown> {
  const iterator = source[Symbol.iterator]();
  let current = iterator.next();
  if (current.done) return;
  let mapped = fn(current.value);
  while (true) {
    current = iterator.next();
    if (current.done) {
      yield mapped;
      return;
    }
    const following = fn(current.value);
    yield mapped;
    mapped = following;
  }
}
