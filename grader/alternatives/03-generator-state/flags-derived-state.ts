// Alternative: keeps three booleans (started, running, finished) and derives the state name from them, answering throw()/return() on a fresh generator itself instead of forwarding.

export type GeneratorState = 'GEN_CREATED' | 'GEN_RUNNING' | 'GEN_SUSPENDED' | 'GEN_CLOSED';

export class TrackedGenerator<Y, R, S> implements Iterator<Y, R, S> {
  private readonly gen: Generator<Y, R, S>;
  private started = false;
  private running = false;
  private finished = false;

  constructor(gen: Generator<Y, R, S>) {
    this.gen = gen;
  }

  get state(): GeneratorState {
    if (this.finished) return 'GEN_CLOSED';
    if (this.running) return 'GEN_RUNNING';
    return this.started ? 'GEN_SUSPENDED' : 'GEN_CREATED';
  }

  next(...args: [] | [S]): IteratorResult<Y, R> {
    this.refuseReentry();
    if (this.finished) return { value: undefined as R, done: true };
    return this.enter(() => this.gen.next(...args));
  }

  throw(error: unknown): IteratorResult<Y, R> {
    this.refuseReentry();
    if (!this.started) this.finished = true;
    if (this.finished) throw error;
    return this.enter(() => this.gen.throw(error));
  }

  return(value: R): IteratorResult<Y, R> {
    this.refuseReentry();
    if (!this.started) this.finished = true;
    if (this.finished) return { value, done: true };
    return this.enter(() => this.gen.return(value));
  }

  [Symbol.iterator](): this {
    return this;
  }

  private refuseReentry(): void {
    if (this.running) throw new TypeError('generator already executing');
  }

  private enter(step: () => IteratorResult<Y, R>): IteratorResult<Y, R> {
    this.started = true;
    this.running = true;
    let result: IteratorResult<Y, R> | undefined;
    try {
      result = step();
      return result;
    } finally {
      this.running = false;
      // No result means an exception is on its way out: that ends the generator too.
      if (result === undefined || result.done) this.finished = true;
    }
  }
}

export function track<A extends unknown[], Y, R, S>(
  fn: (...args: A) => Generator<Y, R, S>,
): (...args: A) => TrackedGenerator<Y, R, S> {
  return function tracked(...args: A) {
    return new TrackedGenerator(fn(...args));
  };
}

export function getGeneratorState(gen: TrackedGenerator<unknown, unknown, unknown>): GeneratorState {
  return gen.state;
}
