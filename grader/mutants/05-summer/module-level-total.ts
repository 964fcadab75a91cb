// Known-wrong: keeps the total in a module-level variable, so every summer shares (and resets) one total.
let total = 0;

export function* summer(start = 0): Generator<number, never, number> {
  total = start;
  while (true) {
    const value: unknown = yield total;
    if (typeof value !== 'number') throw new TypeError('summer can only add numbers');
    total += value;
  }
}
