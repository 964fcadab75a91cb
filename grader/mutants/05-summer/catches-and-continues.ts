// Known-wrong: catches its own TypeError and keeps the summer running instead of letting the error end it.
export function* summer(start = 0): Generator<number, never, number> {
  let total = start;
  while (true) {
    const value: unknown = yield total;
    try {
      if (typeof value !== 'number') throw new TypeError('summer can only add numbers');
      total += value;
    } catch {
      // Swallowed: the summer just keeps its old total.
    }
  }
}
