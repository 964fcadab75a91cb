// Known-wrong: the decorator hands back the method unchanged, believing the decorator syntax itself primes it.
export function coroutine<A extends unknown[], Y, R, S>(
  fn: (...args: A) => Generator<Y, R, S>,
): (...args: A) => Generator<Y, R, S> {
  return function (this: unknown, ...args: A): Generator<Y, R, S> {
    const gen = fn.apply(this, args);
    if (gen.next().done) throw new TypeError('The generator finished while priming.');
    return gen;
  };
}

export function primed<This, A extends unknown[], Y, R, S>(
  method: (this: This, ...args: A) => Generator<Y, R, S>,
  _context: ClassMethodDecoratorContext<This, (this: This, ...args: A) => Generator<Y, R, S>>,
): (this: This, ...args: A) => Generator<Y, R, S> {
  return method;
}
