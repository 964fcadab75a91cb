// Known-wrong: divides by the count before counting the new value, so the first average is Infinity and the rest are too big.
export function* averager(): Generator<number | null, never, number> {
  let total = 0;
  let count = 0;
  let average: number | null = null;
  while (true) {
    const term: unknown = yield average;
    if (typeof term !== 'number') throw new TypeError('averager can only average numbers');
    total += term;
    average = total / count;
    count += 1;
  }
}
