// Known-wrong: catches whatever the body throws while priming and throws a new Error instead of letting the original through.
function prime<Y, R, S>(gen: Generator<Y, R, S>): Generator<Y, R, S> {
  let first: IteratorResult<Y, R>;
  try {
    first = gen.next();
  } catch (error) {
    throw new Error(`priming failed: ${String(error)}`);
  }
  if (first.done) throw new TypeError('The generator finished while priming.');
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
