/**
 * 11 · await is delegation too.
 *
 * Write `run`, a driver that makes a generator behave like an async function, then the
 * async versions of averager2 and grouper. See README.md.
 *
 * 한국어: README.ko.md를 먼저 읽으세요. 막히면 `npm run hint -- 11 --lang ko`.
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
  // 할 일: 프로미스를 돌려준다. genFn()이 만든 제너레이터를 돌리면서, yield된 값(프로미스,
  // thenable, 평범한 값)을 모두 기다려 그 결과를 다시 들여보내고, 거부는 그 yield 자리에 던져
  // 넣고, 반환값으로 이행하고, 빠져나온 에러로 거부한다. 동기적으로 던지는 일은 없어야 한다.
  throw new Error('Not implemented: run (exercises/11-await-delegation/await-delegation.ts)');
}

export function asyncAverager(): AsyncGenerator<void, Result, number | typeof STOP> {
  // TODO: make this an `async function*`: averager2 again, returning { count, average } on STOP.
  // 할 일: `async function*`로 만든다. averager2와 같고, STOP을 받으면 { count, average }를 반환한다.
  throw new Error('Not implemented: asyncAverager (exercises/11-await-delegation/await-delegation.ts)');
}

export function asyncGrouper(
  results: Record<string, Result>,
  key: string,
): AsyncGenerator<void, never, number | typeof STOP> {
  // TODO: make this an `async function*` that, forever, stores
  // results[key] = yield* asyncAverager().
  // 할 일: 영원히 results[key] = yield* asyncAverager()를 저장하는 `async function*`로 만든다.
  throw new Error('Not implemented: asyncGrouper (exercises/11-await-delegation/await-delegation.ts)');
}
