// Known-wrong: tests the sent value for truthiness instead of its type, so sending 0 throws.
export function* summer(start = 0): Generator<number, never, number> {
  let total = start;
  while (true) {
    const value = yield total;
    if (!value) throw new TypeError('summer can only add numbers');
    total += Number(value);
  }
}
