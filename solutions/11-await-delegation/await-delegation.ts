/**
 * 11 · await is delegation too.
 *
 * An `async function` is a generator in disguise: every `await` is a `yield` that hands a
 * promise to a driver, and the driver sends the settled value back in (or throws the
 * rejection in). `run` is that driver, written by hand.
 */

export interface Result {
  count: number;
  average: number | null;
}

// A symbol cannot be mistaken for a number a caller sends, not even for 0.
export const STOP: unique symbol = Symbol('STOP');

type Step<R> = () => IteratorResult<unknown, R>;

export function run<R>(genFn: () => Generator<unknown, R, unknown>): Promise<R> {
  // Everything happens inside the executor, so that whatever throws (genFn itself, or the
  // body before its first yield) becomes a rejection, exactly as in an async function.
  return new Promise<R>((resolve, reject) => {
    const gen = genFn();

    // One resumption of the generator: `next(value)` after a fulfilment, `throw(error)`
    // after a rejection. Whatever escapes the generator here is the error `run` rejects with.
    const step = (resume: Step<R>): void => {
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
      // `Promise.resolve` treats promises, foreign thenables and plain values alike, and it
      // always settles later: the generator never resumes in the same tick it yielded, just
      // as `await 5` still waits a microtask.
      Promise.resolve(result.value).then(
        (value) => step(() => gen.next(value)),
        // The rejection goes back in at the very `yield` that produced it, so a plain
        // try/catch around that `yield` handles it, like try/catch around an `await`.
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
