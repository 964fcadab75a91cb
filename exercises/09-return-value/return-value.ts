/**
 * 09 · Return value — what `StopIteration.value` carries.
 *
 * Read README.md first. Replace each `throw new Error('Not implemented: …')` with your code;
 * keep every export's name and type. A function that must be a generator becomes
 * `function*` once you implement it.
 */

export interface Result {
  count: number;
  average: number | null;
}

// Given: the stop signal. Send it to end the averager; it can never be mistaken for a number.
export const STOP: unique symbol = Symbol('STOP');

// TODO: make this a generator (`function*`). Priming and every number sent yield `undefined`;
// a number is a term (0 too). On STOP, return `{ count, average }`, with `average: null`
// when no term came in.
export function averager2(): Generator<void, Result, number | typeof STOP> {
  throw new Error('Not implemented: averager2 (exercises/09-return-value/return-value.ts)');
}

// TODO: an Error whose `name` is 'StopIteration' and whose `value` holds the generator's
// return value. Set both in the constructor (remove the throw, keep the super call first).
export class StopIteration<R = unknown> extends Error {
  readonly value: R;

  constructor(value: R) {
    super('the generator has finished');
    throw new Error('Not implemented: StopIteration (exercises/09-return-value/return-value.ts)');
  }
}

// TODO: Python's send. Call next(value): return the yielded value, or, when the generator
// is done instead, throw a StopIteration carrying the return value.
export function send<Y, R, S>(gen: Generator<Y, R, S>, value: S): Y {
  throw new Error('Not implemented: send (exercises/09-return-value/return-value.ts)');
}

// TODO: prime gen, send each input in order with send, and return the value of the
// StopIteration that ends it. If the inputs run out first, throw an Error whose message
// contains 'did not finish'.
export function resultOf<R>(gen: Generator<unknown, R, any>, inputs: Iterable<unknown>): R {
  throw new Error('Not implemented: resultOf (exercises/09-return-value/return-value.ts)');
}
