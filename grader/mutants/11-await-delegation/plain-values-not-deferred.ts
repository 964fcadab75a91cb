// Known-wrong: a plain yielded value is sent straight back without waiting a tick, so the generator resumes synchronously.
export interface Result {
  count: number;
  average: number | null;
}

export const STOP: unique symbol = Symbol('STOP');

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    ((typeof value === 'object' && value !== null) || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

export function run<R>(genFn: () => Generator<unknown, R, unknown>): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const gen = genFn();
    const step = (resume: () => IteratorResult<unknown, R>): void => {
      let result: IteratorResult<unknown, R>;
      try {
        result = resume();
        // Plain values are "already there", so why wait? (Because await always waits.)
        while (!result.done && !isThenable(result.value)) result = gen.next(result.value);
      } catch (error) {
        reject(error);
        return;
      }
      if (result.done) {
        resolve(result.value);
        return;
      }
      Promise.resolve(result.value).then(
        (value) => step(() => gen.next(value)),
        (error: unknown) => step(() => gen.throw(error)),
      );
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
