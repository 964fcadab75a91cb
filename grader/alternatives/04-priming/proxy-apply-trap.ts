// Alternative: the wrappers are Proxies whose apply trap primes the generator, and the decorator reuses coroutine.
export function coroutine<A extends unknown[], Y, R, S>(
  fn: (...args: A) => Generator<Y, R, S>,
): (...args: A) => Generator<Y, R, S> {
  return new Proxy(fn, {
    apply(target, thisArg: unknown, args: A): Generator<Y, R, S> {
      const gen = Reflect.apply(target, thisArg, args);
      const { done } = gen.next();
      if (done === true) throw new TypeError('cannot use a generator that ends during priming');
      return gen;
    },
  });
}

export function primed<This, A extends unknown[], Y, R, S>(
  method: (this: This, ...args: A) => Generator<Y, R, S>,
  _context: ClassMethodDecoratorContext<This, (this: This, ...args: A) => Generator<Y, R, S>>,
): (this: This, ...args: A) => Generator<Y, R, S> {
  return coroutine(method);
}
