// Known-wrong: starts the average at 0 instead of null, claiming an average before any value arrived.
export function* averager(): Generator<number | null, never, number> {
  let total = 0;
  let count = 0;
  let average = 0;
  while (true) {
    const term: unknown = yield average;
    if (typeof term !== 'number') throw new TypeError('averager can only average numbers');
    total += term;
    count += 1;
    average = total / count;
  }
}
