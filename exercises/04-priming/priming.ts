/**
 * 04 · Priming: the `@coroutine` decorator.
 *
 * A generator's body only starts at the first `next()`, and the value that first `next()`
 * carries is dropped. Write the helpers that do that first `next()` for you.
 * Read README.md first; `npm run hint -- 04` gives hints.
 */

export function coroutine<A extends unknown[], Y, R, S>(
  fn: (...args: A) => Generator<Y, R, S>,
): (...args: A) => Generator<Y, R, S> {
  // TODO: return a function that, each time it is called, calls `fn` with the same arguments
  // and the same `this`, calls `next()` once on the generator it got, and returns that
  // generator. If the generator is already done after that `next()`, throw a TypeError whose
  // message contains "priming".
  throw new Error('Not implemented: coroutine (exercises/04-priming/priming.ts)');
}

export function primed<This, A extends unknown[], Y, R, S>(
  method: (this: This, ...args: A) => Generator<Y, R, S>,
  context: ClassMethodDecoratorContext<This, (this: This, ...args: A) => Generator<Y, R, S>>,
): (this: This, ...args: A) => Generator<Y, R, S> {
  // TODO: the same job as `coroutine`, as a standard method decorator: return the function
  // that replaces `method` on the class (`@primed *numbers() { … }`).
  throw new Error('Not implemented: primed (exercises/04-priming/priming.ts)');
}
