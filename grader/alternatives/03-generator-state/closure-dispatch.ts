// Alternative: builds the methods as closures over local variables in the constructor, sending every call through one dispatch on the kind of resumption.

export type GeneratorState = 'GEN_CREATED' | 'GEN_RUNNING' | 'GEN_SUSPENDED' | 'GEN_CLOSED';

type Resumption<R, S> = { kind: 'next'; args: [] | [S] } | { kind: 'throw'; error: unknown } | { kind: 'return'; value: R };

export class TrackedGenerator<Y, R, S> implements Iterator<Y, R, S> {
  readonly next: (...args: [] | [S]) => IteratorResult<Y, R>;
  readonly throw: (error: unknown) => IteratorResult<Y, R>;
  readonly return: (value: R) => IteratorResult<Y, R>;
  readonly #read: () => GeneratorState;

  constructor(gen: Generator<Y, R, S>) {
    let state: GeneratorState = 'GEN_CREATED';

    const whenClosed = (r: Resumption<R, S>): IteratorResult<Y, R> => {
      switch (r.kind) {
        case 'next':
          return { value: undefined as R, done: true };
        case 'return':
          return { value: r.value, done: true };
        case 'throw':
          throw r.error;
      }
    };

    const forward = (r: Resumption<R, S>): IteratorResult<Y, R> => {
      switch (r.kind) {
        case 'next':
          return gen.next(...r.args);
        case 'return':
          return gen.return(r.value);
        case 'throw':
          return gen.throw(r.error);
      }
    };

    const dispatch = (r: Resumption<R, S>): IteratorResult<Y, R> => {
      if (state === 'GEN_RUNNING') throw new TypeError(`cannot ${r.kind}(): generator already executing`);
      if (state === 'GEN_CLOSED') return whenClosed(r);
      state = 'GEN_RUNNING';
      let outcome: GeneratorState = 'GEN_CLOSED';
      try {
        const result = forward(r);
        if (!result.done) outcome = 'GEN_SUSPENDED';
        return result;
      } finally {
        state = outcome;
      }
    };

    this.next = (...args) => dispatch({ kind: 'next', args });
    this.throw = (error) => dispatch({ kind: 'throw', error });
    this.return = (value) => dispatch({ kind: 'return', value });
    this.#read = () => state;
  }

  get state(): GeneratorState {
    return this.#read();
  }

  [Symbol.iterator](): this {
    return this;
  }
}

export const track =
  <A extends unknown[], Y, R, S>(fn: (...args: A) => Generator<Y, R, S>) =>
  (...args: A): TrackedGenerator<Y, R, S> =>
    new TrackedGenerator(fn(...args));

export const getGeneratorState = (gen: TrackedGenerator<unknown, unknown, unknown>): GeneratorState => gen.state;
