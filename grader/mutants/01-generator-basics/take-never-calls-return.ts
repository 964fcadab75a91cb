// Known-wrong: take pulls with manual next() calls and just stops, never calling return(), so the source never gets to clean up.
export function* countdown(n: number): Generator<number, void, unknown> {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`bad count ${n}`);
  for (let i = n; i > 0; i--) yield i;
}

export function* naturals(start = 1): Generator<number, never, unknown> {
  for (let i = start; ; i++) yield i;
}

export function take<T>(source: Iterable<T>, n: number): T[] {
  const items: T[] = [];
  const iterator = source[Symbol.iterator]();
  while (items.length < n) {
    const result = iterator.next();
    if (result.done) break;
    items.push(result.value);
  }
  return items;
}

export function* lazyMap<T, U>(source: Iterable<T>, fn: (item: T) => U): Generator<U, void, unknown> {
  for (const item of source) yield fn(item);
}
