// Known-wrong: countdown validates its argument in a plain wrapper before creating the generator, so countdown(-1) throws at the call instead of on the first next().
function* countFrom(n: number): Generator<number, void, unknown> {
  for (let i = n; i > 0; i--) yield i;
}

export function countdown(n: number): Generator<number, void, unknown> {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`bad count ${n}`);
  return countFrom(n);
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
  for (const item of source) yield fn(item);
}
