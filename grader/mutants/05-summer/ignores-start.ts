// Known-wrong: always starts the total at 0, ignoring the start argument.
export function* summer(_start = 0): Generator<number, never, number> {
  let total = 0;
  while (true) {
    const value: unknown = yield total;
    if (typeof value !== 'number') throw new TypeError('summer can only add numbers');
    total += value;
  }
}
