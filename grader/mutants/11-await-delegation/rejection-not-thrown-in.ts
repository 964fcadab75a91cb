// Known-wrong: a rejection rejects run directly instead of being thrown into the generator, so its try/catch never sees it.
export interface Result {
  count: number;
  average: number | null;
}

export const STOP: unique symbol = Symbol('STOP');

export async function run<R>(genFn: () => Generator<unknown, R, unknown>): Promise<R> {
  const gen = genFn();
  let result = gen.next();
  while (!result.done) {
    const value = await result.value;
    result = gen.next(value);
  }
  return result.value;
}

// Same as the synchronous averager2; only `next()` now returns a promise of each step.
export async function* asyncAverager(): AsyncGenerator<void, Result, number | typeof STOP> {
  let total = 0;
  let count = 0;
  for (;;) {
    const term = yield;
    if (term === STOP) break;
    total += term;
    count += 1;
  }
  return { count, average: count === 0 ? null : total / count };
}

export async function* asyncGrouper(
  results: Record<string, Result>,
  key: string,
): AsyncGenerator<void, never, number | typeof STOP> {
  // `yield*` forwards every value sent to the grouper straight to the current averager and
  // hands back its return value when it ends: the grouper only stores it and starts anew.
  for (;;) {
    results[key] = yield* asyncAverager();
  }
}
