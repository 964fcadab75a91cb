// Known-wrong: skips values that are falsy, so a sent 0 is not counted.
export function* averager(): Generator<number | null, never, number> {
  let total = 0;
  let count = 0;
  let average: number | null = null;
  while (true) {
    const term: unknown = yield average;
    if (!term) continue;
    if (typeof term !== 'number') throw new TypeError('averager can only average numbers');
    total += term;
    count += 1;
    average = total / count;
  }
}
