// Known-wrong: primes with two next() calls, so the first value the caller sends is lost.
function prime<Y, R, S>(gen: Generator<Y, R, S>): Generator<Y, R, S> {
  gen.next();
  const second = gen.next();
  if (second.done) throw new TypeError('The generator finished while priming.');
  return gen;
}

export function coroutine<A extends unknown[], Y, R, S>(
  fn: (...args: A) => Generator<Y, R, S>,
): (...args: A) => Generator<Y, R, S> {
  return function (this: unknown, ...args: A): Generator<Y, R, S> {
    return prime(fn.apply(this, args));
  };
}

export function primed<This, A extends unknown[], Y, R, S>(
  method: (this: This, ...args: A) => Generator<Y, R, S>,
  _context: ClassMethodDecoratorContext<This, (this: This, ...args: A) => Generator<Y, R, S>>,
): (this: This, ...args: A) => Generator<Y, R, S> {
  return function (this: This, ...args: A): Generator<Y, R, S> {
    return prime(method.apply(this, args));
  };
}
