// Known-wrong: never checks whether priming already finished the generator, so a body without a yield slips through.
export function coroutine<A extends unknown[], Y, R, S>(
  fn: (...args: A) => Generator<Y, R, S>,
): (...args: A) => Generator<Y, R, S> {
  return function (this: unknown, ...args: A): Generator<Y, R, S> {
    const gen = fn.apply(this, args);
    gen.next();
    return gen;
  };
}

export function primed<This, A extends unknown[], Y, R, S>(
  method: (this: This, ...args: A) => Generator<Y, R, S>,
  _context: ClassMethodDecoratorContext<This, (this: This, ...args: A) => Generator<Y, R, S>>,
): (this: This, ...args: A) => Generator<Y, R, S> {
  return function (this: This, ...args: A): Generator<Y, R, S> {
    const gen = method.apply(this, args);
    gen.next();
    return gen;
  };
}
