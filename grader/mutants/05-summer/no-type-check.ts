// Known-wrong: trusts the type annotation and adds whatever is sent, so strings are glued on and a bare next() gives NaN.
export function* summer(start = 0): Generator<number, never, number> {
  let total = start;
  while (true) {
    const value = yield total;
    total += value;
  }
}
