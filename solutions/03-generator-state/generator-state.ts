/**
 * 03 · Generator state — Python's `inspect.getgeneratorstate`, rebuilt for JavaScript.
 *
 * A JavaScript generator knows perfectly well whether it is fresh, running, paused or
 * finished, but it never tells. The only moments that state changes are the calls that
 * hand control to the body (`next`, `throw`, `return`) and the moments the body hands it
 * back (a `yield`, a `return`, an escaping exception). A wrapper that sits on that door can
 * therefore keep an exact record of it.
 */

export type GeneratorState = 'GEN_CREATED' | 'GEN_RUNNING' | 'GEN_SUSPENDED' | 'GEN_CLOSED';

export class TrackedGenerator<Y, R, S> implements Iterator<Y, R, S> {
  readonly #gen: Generator<Y, R, S>;
  #state: GeneratorState = 'GEN_CREATED';

  constructor(gen: Generator<Y, R, S>) {
    this.#gen = gen;
  }

  get state(): GeneratorState {
    return this.#state;
  }

  next(...args: [] | [S]): IteratorResult<Y, R> {
    // A finished generator answers `done` forever; asking the wrapped one again would be
    // harmless for a real generator, but the record already knows the answer.
    if (this.#state === 'GEN_CLOSED') return { value: undefined as R, done: true };
    return this.#resume(() => this.#gen.next(...args));
  }

  throw(error: unknown): IteratorResult<Y, R> {
    // Like Python, a closed coroutine has nowhere to raise into: the error comes straight back.
    if (this.#state === 'GEN_CLOSED') throw error;
    // On a created generator, JavaScript's own `throw()` closes it without ever entering the
    // body (there is no `try` to catch it yet), which is exactly what Python does too, so
    // forwarding is right; `#resume` records the closing when the error comes back out.
    return this.#resume(() => this.#gen.throw(error));
  }

  return(value: R): IteratorResult<Y, R> {
    if (this.#state === 'GEN_CLOSED') return { value, done: true };
    // `return()` is not a guaranteed stop: it resumes the body with a "return" completion,
    // which runs pending `finally` blocks, and a `finally` may yield again. So the state is
    // read off the result, never assumed to be closed.
    return this.#resume(() => this.#gen.return(value));
  }

  [Symbol.iterator](): this {
    return this;
  }

  /** Hands control to the body and records what state it comes back in. */
  #resume(step: () => IteratorResult<Y, R>): IteratorResult<Y, R> {
    // Only the body itself can call us while we are running (one thread, one call stack).
    // Python refuses with "generator already executing"; refusing here, before touching the
    // wrapped generator, keeps both the generator and our record intact.
    if (this.#state === 'GEN_RUNNING') throw new TypeError('TrackedGenerator is already executing');
    // Set before resuming: the body must be able to see itself running.
    this.#state = 'GEN_RUNNING';
    try {
      const result = step();
      this.#state = result.done ? 'GEN_CLOSED' : 'GEN_SUSPENDED';
      return result;
    } catch (error) {
      // An exception that escapes the body ends it for good; pass it on untouched.
      this.#state = 'GEN_CLOSED';
      throw error;
    }
  }
}

/** Decorates a generator function so that every generator it makes is tracked. */
export function track<A extends unknown[], Y, R, S>(
  fn: (...args: A) => Generator<Y, R, S>,
): (...args: A) => TrackedGenerator<Y, R, S> {
  return (...args: A) => new TrackedGenerator(fn(...args));
}

/** The JavaScript twin of `inspect.getgeneratorstate`. */
export function getGeneratorState(gen: TrackedGenerator<unknown, unknown, unknown>): GeneratorState {
  return gen.state;
}
