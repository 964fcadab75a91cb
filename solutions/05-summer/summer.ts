/**
 * 05 · Summer: a running total (the notes' `sumer`).
 *
 * The total lives in the generator's own frame: each `yield` hands the current total out and
 * waits, and the value sent back in resumes the body right where it stopped. No object, no
 * field, no global: suspension is what keeps the state, so every summer has its own total.
 */
export function* summer(start = 0): Generator<number, never, number> {
  let total = start;
  while (true) {
    // The priming `next()` runs up to here and hands out the start value; every later
    // `next(value)` resumes here with `value` as the result of the `yield`.
    const value: unknown = yield total;
    // Python's `total += None` or `total += 'x'` raises TypeError by itself. JavaScript would
    // quietly give NaN or glue strings together, so the check has to be written out. Throwing
    // from the body also ends the generator, as an uncaught exception ends a Python one.
    if (typeof value !== 'number') {
      throw new TypeError(`summer can only add numbers, but received ${typeof value}.`);
    }
    total += value;
  }
}
