/**
 * 01 · Generator basics — lazy values, state kept between `next()` calls.
 *
 * Read README.md first. Turn each function below into a working one: the generators become
 * `function*` (keep the parameter and return types), `take` stays a plain function.
 * Check your work with `npm run grade -- --exercise 01`; stuck? `npm run hint -- 01`.
 */

/** Yields n, n - 1, …, 1. */
export function countdown(n: number): Generator<number, void, unknown> {
  // TODO: make this a generator (`function*`) that yields n, n - 1, …, 1 and then finishes.
  // A negative or fractional n must throw RangeError, but only on the first next(),
  // not when countdown(n) is called.
  throw new Error('Not implemented: countdown (exercises/01-generator-basics/generator-basics.ts)');
}

/** Yields start, start + 1, … forever. */
export function naturals(start?: number): Generator<number, never, unknown> {
  // TODO: make this a generator that yields start, start + 1, … forever.
  // With no argument it starts at 1; naturals(0) starts at 0.
  throw new Error('Not implemented: naturals (exercises/01-generator-basics/generator-basics.ts)');
}

/** The first `n` items of `source` (fewer if it ends first). */
export function take<T>(source: Iterable<T>, n: number): T[] {
  // TODO: collect the first n items into an array. Pull no item you will not keep
  // (none at all when n is 0), stop once the source is done, and when you stop early
  // let the source clean up by calling its return() once.
  throw new Error('Not implemented: take (exercises/01-generator-basics/generator-basics.ts)');
}

/** Applies `fn` to each item of `source`, one item at a time, as the result is pulled. */
export function lazyMap<T, U>(source: Iterable<T>, fn: (item: T) => U): Generator<U, void, unknown> {
  // TODO: make this a generator that yields fn(item) for each item of source, calling fn
  // only when the caller pulls a value, so that it works on endless sources too.
  throw new Error('Not implemented: lazyMap (exercises/01-generator-basics/generator-basics.ts)');
}
