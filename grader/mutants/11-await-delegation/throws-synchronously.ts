// Known-wrong: the generator is created and started outside the promise, so an early error is thrown synchronously instead of rejecting.
export interface Result {
  count: number;
  average: number | null;
}

export const STOP: unique symbol = Symbol('STOP');

export function run<R>(genFn: () => Generator<unknown, R, unknown>): Promise<R> {
  const gen = genFn();
  const first = gen.next();
  return new Promise<R>((resolve, reject) => {
    const handle = (result: IteratorResult<unknown, R>): void => {
      if (result.done) {
        resolve(result.value);
        return;
      }
      Promise.resolve(result.value).then(
        (value) => step(() => gen.next(value)),
        (error: unknown) => step(() => gen.throw(error)),
      );
    };
    const step = (resume: () => IteratorResult<unknown, R>): void => {
      try {
        handle(resume());
      } catch (error) {
        reject(error);
      }
    };
    handle(first);
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
