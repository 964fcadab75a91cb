// Known-wrong: the wrappers are arrow functions calling fn(...args), so the wrapped method loses its this.
function prime<Y, R, S>(gen: Generator<Y, R, S>): Generator<Y, R, S> {
  if (gen.next().done) throw new TypeError('The generator finished while priming.');
  return gen;
}

export function coroutine<A extends unknown[], Y, R, S>(
  fn: (...args: A) => Generator<Y, R, S>,
): (...args: A) => Generator<Y, R, S> {
  return (...args: A) => prime(fn(...args));
}

export function primed<This, A extends unknown[], Y, R, S>(
  method: (this: This, ...args: A) => Generator<Y, R, S>,
  _context: ClassMethodDecoratorContext<This, (this: This, ...args: A) => Generator<Y, R, S>>,
): (this: This, ...args: A) => Generator<Y, R, S> {
  return (...args: A) => prime(method.call(undefined as This, ...args));
}
