// Known-wrong: keeps the sum and the count at module level, so all averagers pool their values.
let total = 0;
let count = 0;

export function* averager(): Generator<number | null, never, number> {
  let average: number | null = null;
  while (true) {
    const term: unknown = yield average;
    if (typeof term !== 'number') throw new TypeError('averager can only average numbers');
    total += term;
    count += 1;
    average = total / count;
  }
}
