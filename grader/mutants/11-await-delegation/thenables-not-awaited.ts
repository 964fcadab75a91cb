// Known-wrong: only real Promises are awaited (`instanceof Promise`), so a foreign thenable is sent back in unawaited.
export interface Result {
  count: number;
  average: number | null;
}

export const STOP: unique symbol = Symbol('STOP');

export function run<R>(genFn: () => Generator<unknown, R, unknown>): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const gen = genFn();
    const step = (resume: () => IteratorResult<unknown, R>): void => {
      let result: IteratorResult<unknown, R>;
      try {
        result = resume();
      } catch (error) {
        reject(error);
        return;
      }
      if (result.done) {
        resolve(result.value);
        return;
      }
      const value = result.value;
      if (value instanceof Promise) {
        value.then(
          (settled) => step(() => gen.next(settled)),
          (error: unknown) => step(() => gen.throw(error)),
        );
      } else {
        queueMicrotask(() => step(() => gen.next(value)));
      }
    };
    step(() => gen.next());
  });
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
