/**
 * 03 · Generator state — Python's `inspect.getgeneratorstate`, rebuilt for JavaScript.
 *
 * Read exercises/03-generator-state/README.md first. Check your work with
 * `npm run grade -- --exercise 03`; stuck? `npm run hint -- 03`.
 */

// Given: the four states, named as Python's `inspect` names them.
export type GeneratorState = 'GEN_CREATED' | 'GEN_RUNNING' | 'GEN_SUSPENDED' | 'GEN_CLOSED';

export class TrackedGenerator<Y, R, S> implements Iterator<Y, R, S> {
  constructor(gen: Generator<Y, R, S>) {
    // TODO: keep `gen` and start in 'GEN_CREATED'. Nothing of the body may run yet.
    throw new Error('Not implemented: TrackedGenerator (exercises/03-generator-state/generator-state.ts)');
  }

  get state(): GeneratorState {
    // TODO: report the state you keep.
    throw new Error('Not implemented: TrackedGenerator.state (exercises/03-generator-state/generator-state.ts)');
  }

  next(...args: [] | [S]): IteratorResult<Y, R> {
    // TODO: refuse if running, answer `done` if closed, else mark 'GEN_RUNNING', forward
    // `args` to the wrapped generator and record the state its result (or exception) shows.
    throw new Error('Not implemented: TrackedGenerator.next (exercises/03-generator-state/generator-state.ts)');
  }

  throw(error: unknown): IteratorResult<Y, R> {
    // TODO: same door as next(), but forwards `error` with the generator's throw().
    throw new Error('Not implemented: TrackedGenerator.throw (exercises/03-generator-state/generator-state.ts)');
  }

  return(value: R): IteratorResult<Y, R> {
    // TODO: same door again, with return(); a `finally` that yields keeps it suspended.
    throw new Error('Not implemented: TrackedGenerator.return (exercises/03-generator-state/generator-state.ts)');
  }

  [Symbol.iterator](): this {
    // TODO: a generator is its own iterator; so is its wrapper.
    throw new Error('Not implemented: TrackedGenerator[Symbol.iterator] (exercises/03-generator-state/generator-state.ts)');
  }
}

export function track<A extends unknown[], Y, R, S>(
  fn: (...args: A) => Generator<Y, R, S>,
): (...args: A) => TrackedGenerator<Y, R, S> {
  // TODO: return a function that calls `fn` with its arguments and wraps the generator.
  throw new Error('Not implemented: track (exercises/03-generator-state/generator-state.ts)');
}

export function getGeneratorState(gen: TrackedGenerator<unknown, unknown, unknown>): GeneratorState {
  // TODO: the JavaScript twin of inspect.getgeneratorstate.
  throw new Error('Not implemented: getGeneratorState (exercises/03-generator-state/generator-state.ts)');
}
