// Known-wrong: the count is incremented before the STOP check, so the stop signal is counted as a term.
/**
 * 09 · Return value — what `StopIteration.value` carries.
 *
 * A generator can hand back one final value with `return`. Python delivers it inside the
 * `StopIteration` exception that ends the generator; JavaScript delivers it as the single
 * `{ value, done: true }` result. This file builds the Python view on top of the JavaScript one.
 */

export interface Result {
  count: number;
  average: number | null;
}

/**
 * The stop signal. Python's averager stops on `None`, but in JavaScript a bare `next()` sends
 * `undefined`, and `0` or `NaN` are real numbers: only a unique symbol can never be mistaken
 * for a term.
 */
export const STOP: unique symbol = Symbol('STOP');

/**
 * Fluent Python's `averager` that returns instead of yielding: the caller gets nothing back
 * while feeding it, and one `Result` at the end, carried by the finishing `next()`.
 */
export function* averager2(): Generator<void, Result, number | typeof STOP> {
  let total = 0;
  let count = 0;
  while (true) {
    const term = yield;
    count += 1;
    if (term === STOP) break;
    total += term;
  }
  // No terms means no average: null says so, where 0 / 0 would say NaN.
  return { count, average: count === 0 ? null : total / count };
}

/**
 * Python's "the generator is finished" signal. Python raises it from `send()`/`next()`; the
 * generator's return value travels in `value`.
 */
export class StopIteration<R = unknown> extends Error {
  override readonly name = 'StopIteration';
  readonly value: R;

  constructor(value: R) {
    super('the generator has finished');
    this.value = value;
  }
}

/**
 * Python's `gen.send(value)`. JavaScript's `next(value)` answers "done" in the result;
 * Python answers it by raising, so the return value can only be read in an `except` clause.
 * A finished JavaScript generator keeps answering `{ value: undefined, done: true }`, so every
 * later call raises again, with an undefined value, as Python's does.
 */
export function send<Y, R, S>(gen: Generator<Y, R, S>, value: S): Y {
  const result = gen.next(value);
  if (result.done) throw new StopIteration(result.value);
  return result.value;
}

/**
 * Drives a coroutine to its end and hands back what it returned: the Python idiom
 * `try: coro.send(None) except StopIteration as exc: result = exc.value`.
 */
export function resultOf<R>(gen: Generator<unknown, R, any>, inputs: Iterable<unknown>): R {
  try {
    // Priming: the first next() only runs the body up to its first `yield`; what it is passed
    // is dropped, so every real input has to come after it.
    send(gen, undefined);
    for (const input of inputs) send(gen, input);
  } catch (error) {
    // Only the end of the generator is an answer; any other error is the caller's to see.
    if (error instanceof StopIteration) return error.value as R;
    throw error;
  }
  throw new Error('resultOf: the generator did not finish before its inputs ran out');
}
