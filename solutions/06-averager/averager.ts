/**
 * 06 · Averager: a running average.
 *
 * Like the summer, but the coroutine now keeps two pieces of state between sends, the sum
 * and the count, and hands out something derived from them. Before any value has arrived
 * there is no average at all, which is what the `null` of the priming `yield` says (Python's
 * averager yields `None` there).
 */
export function* averager(): Generator<number | null, never, number> {
  let total = 0;
  let count = 0;
  let average: number | null = null;
  while (true) {
    const term: unknown = yield average;
    // Python raises TypeError for `total += None` on its own; JavaScript would turn the
    // average into NaN or a string, so the check is explicit. The throw ends the generator.
    if (typeof term !== 'number') {
      throw new TypeError(`averager can only average numbers, but received ${typeof term}.`);
    }
    total += term;
    count += 1;
    average = total / count;
  }
}
