// Known-wrong: relies on the engine's own 'already running' error instead of refusing re-entry itself, so the call reaches the wrapped generator.

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

  [Symbol.iterator](): this {
    return this;
  }

  next(...args: [] | [S]): IteratorResult<Y, R> {
    if (this.#state === 'GEN_CLOSED') return { value: undefined as R, done: true };
    return this.#resume(() => this.#gen.next(...args));
  }

  throw(error: unknown): IteratorResult<Y, R> {
    if (this.#state === 'GEN_CLOSED') throw error;
    return this.#resume(() => this.#gen.throw(error));
  }

  return(value: R): IteratorResult<Y, R> {
    if (this.#state === 'GEN_CLOSED') return { value, done: true };
    return this.#resume(() => this.#gen.return(value));
  }

  #resume(step: () => IteratorResult<Y, R>): IteratorResult<Y, R> {
    this.#state = 'GEN_RUNNING';
    try {
      const result = step();
      this.#state = result.done ? 'GEN_CLOSED' : 'GEN_SUSPENDED';
      return result;
    } catch (error) {
      this.#state = 'GEN_CLOSED';
      throw error;
    }
  }
}

export function track<A extends unknown[], Y, R, S>(
  fn: (...args: A) => Generator<Y, R, S>,
): (...args: A) => TrackedGenerator<Y, R, S> {
  return (...args: A) => new TrackedGenerator(fn(...args));
}

export function getGeneratorState(gen: TrackedGenerator<unknown, unknown, unknown>): GeneratorState {
  return gen.state;
}
