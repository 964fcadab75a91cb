// Known-wrong: naturals keeps its counter in a module-level variable, so every generator it makes shares (and resets) one count.
export function* countdown(n: number): Generator<number, void, unknown> {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`bad count ${n}`);
  for (let i = n; i > 0; i--) yield i;
}

let current = 1;

export function* naturals(start = 1): Generator<number, never, unknown> {
  current = start;
  while (true) yield current++;
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
  for (const item of source) yield fn(item);
}
