/**
 * 01 · Generator basics — lazy values, state kept between `next()` calls.
 *
 * A generator is the notes' "subroutine that can pause": each `yield` hands one value to
 * the caller (the main routine) and freezes the body, locals included, until the next
 * `next()`. Nothing runs before it is asked for, which is what makes endless sources usable.
 */

/** Yields n, n - 1, …, 1. */
export function* countdown(n: number): Generator<number, void, unknown> {
  // This check sits inside the body on purpose: a generator body runs only on the first
  // next(), so a bad argument is reported when the first value is asked for, not at the call.
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`countdown needs a whole number >= 0, got ${n}`);
  }
  // `i` lives in the paused frame: every next() resumes the loop where the last yield left it.
  for (let i = n; i > 0; i--) {
    yield i;
  }
}

/** Yields start, start + 1, … forever. */
export function* naturals(start = 1): Generator<number, never, unknown> {
  // An endless loop is safe here because the caller decides how many values to pull;
  // the body is suspended at `yield` in between.
  for (let i = start; ; i++) {
    yield i;
  }
}

/** The first `n` items of `source` (fewer if it ends first). */
export function take<T>(source: Iterable<T>, n: number): T[] {
  const items: T[] = [];
  // Checking before pulling means we never ask for an item we would throw away:
  // with an expensive or endless source every pull counts.
  if (n <= 0) return items;
  // `for…of` calls the iterator's return() when we break out, so a generator source gets to
  // run its `finally` blocks; it does not when the source itself reported done.
  for (const item of source) {
    items.push(item);
    if (items.length >= n) break;
  }
  return items;
}

/** Applies `fn` to each item of `source`, one item at a time, as the result is pulled. */
export function* lazyMap<T, U>(source: Iterable<T>, fn: (item: T) => U): Generator<U, void, unknown> {
  // Each pull on the result pulls exactly one item from the source and maps it; the body is
  // paused between pulls, so `fn` never runs ahead of the caller and infinite sources work.
  for (const item of source) {
    yield fn(item);
  }
}
