// Known-wrong: trusts the type annotation, so a bare next() turns the average into NaN and a string is glued onto the sum.
export function* averager(): Generator<number | null, never, number> {
  let total = 0;
  let count = 0;
  let average: number | null = null;
  while (true) {
    const term = yield average;
    total += term;
    count += 1;
    average = total / count;
  }
}
