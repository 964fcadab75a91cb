/**
 * 04 · Priming: the `@coroutine` decorator.
 *
 * A generator body does not start when the generator is made; the first `next()` runs it up
 * to its first `yield`, and whatever that `next()` carried is dropped. A coroutine that waits
 * for values is therefore useless until someone has called `next()` once ("primed" it).
 * Python's `@coroutine` decorator does that call for you; these are its TypeScript twins.
 */

/**
 * Runs a freshly made generator to its first `yield`, so the caller's first `next(value)`
 * lands on a `yield` that is waiting for a value instead of being thrown away.
 */
function prime<Y, R, S>(gen: Generator<Y, R, S>): Generator<Y, R, S> {
  // Exceptions from the body pass through untouched: the caller should see the body's own
  // error, not a wrapped one.
  const first = gen.next();
  // A body that finished before yielding can never receive anything, so handing it out as
  // a ready coroutine would only hide the bug until the first send.
  if (first.done) throw new TypeError('The generator finished while priming, before its first yield.');
  // The generator itself, not `first`: the caller wants the object it can send to.
  return gen;
}

export function coroutine<A extends unknown[], Y, R, S>(
  fn: (...args: A) => Generator<Y, R, S>,
): (...args: A) => Generator<Y, R, S> {
  // A `function` (not an arrow) so that a wrapped method still sees its own `this`.
  return function (this: unknown, ...args: A): Generator<Y, R, S> {
    return prime(fn.apply(this, args));
  };
}

/**
 * The same as a standard method decorator: `@primed *numbers() { … }`. The decorator runs
 * once, when the class is defined, and the function it returns replaces the method, so every
 * call of the method hands back an already primed generator.
 */
export function primed<This, A extends unknown[], Y, R, S>(
  method: (this: This, ...args: A) => Generator<Y, R, S>,
  _context: ClassMethodDecoratorContext<This, (this: This, ...args: A) => Generator<Y, R, S>>,
): (this: This, ...args: A) => Generator<Y, R, S> {
  return function (this: This, ...args: A): Generator<Y, R, S> {
    return prime(method.apply(this, args));
  };
}
