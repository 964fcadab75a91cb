/**
 * 11 · await is delegation too.
 *
 * Write `run`, a driver that makes a generator behave like an async function, then the
 * async versions of averager2 and grouper. See README.md.
 */

// Given: the shape of an averager's result.
export interface Result {
  count: number;
  average: number | null;
}

// Given: the stop signal, sent instead of a number to end an averager.
export const STOP: unique symbol = Symbol('STOP');

export function run<R>(genFn: () => Generator<unknown, R, unknown>): Promise<R> {
  // TODO: return a promise; drive the generator made by genFn(): await every yielded value
  // (promise, thenable or plain value) and send the result back in, throw rejections in at
  // the yield, resolve with the return value, reject with whatever escapes. Never throw.
  throw new Error('Not implemented: run (exercises/11-await-delegation/await-delegation.ts)');
}

export function asyncAverager(): AsyncGenerator<void, Result, number | typeof STOP> {
  // TODO: make this an `async function*`: averager2 again, returning { count, average } on STOP.
  throw new Error('Not implemented: asyncAverager (exercises/11-await-delegation/await-delegation.ts)');
}

export function asyncGrouper(
  results: Record<string, Result>,
  key: string,
): AsyncGenerator<void, never, number | typeof STOP> {
  // TODO: make this an `async function*` that, forever, stores
  // results[key] = yield* asyncAverager().
  throw new Error('Not implemented: asyncGrouper (exercises/11-await-delegation/await-delegation.ts)');
}
