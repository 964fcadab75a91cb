// Alternative: the averager is a class implementing the generator protocol by hand, and resultOf reads `done` from manual next() calls instead of catching StopIteration.

export interface Result {
  count: number;
  average: number | null;
}

export const STOP: unique symbol = Symbol('STOP');

type Input = number | typeof STOP;

/** A hand-written state machine with the same observable behaviour as the `function*` version. */
class Averager2 implements Generator<void, Result, Input> {
  private state: 'created' | 'suspended' | 'closed' = 'created';
  private total = 0;
  private count = 0;

  next(...args: [] | [Input]): IteratorResult<void, Result> {
    if (this.state === 'closed') return { value: undefined as never, done: true };
    if (this.state === 'created') {
      this.state = 'suspended';
      return { value: undefined, done: false };
    }
    const term = args[0] as Input;
    if (term === STOP) {
      this.state = 'closed';
      return { value: { count: this.count, average: this.count ? this.total / this.count : null }, done: true };
    }
    this.total += term;
    this.count += 1;
    return { value: undefined, done: false };
  }

  return(value: Result): IteratorResult<void, Result> {
    this.state = 'closed';
    return { value, done: true };
  }

  throw(error: unknown): IteratorResult<void, Result> {
    this.state = 'closed';
    throw error;
  }

  [Symbol.iterator](): this {
    return this;
  }

  // Generators are disposable (`using`): disposing one closes it.
  [Symbol.dispose](): void {
    this.state = 'closed';
  }
}

export function averager2(): Generator<void, Result, Input> {
  return new Averager2();
}

export class StopIteration<R = unknown> extends Error {
  readonly value: R;

  constructor(value: R, message = 'StopIteration') {
    super(message);
    this.name = 'StopIteration';
    this.value = value;
  }
}

export function send<Y, R, S>(gen: Generator<Y, R, S>, value: S): Y {
  const { done, value: out } = gen.next(value);
  if (!done) return out;
  throw new StopIteration<R>(out);
}

export function resultOf<R>(gen: Generator<unknown, R, any>, inputs: Iterable<unknown>): R {
  const source = inputs[Symbol.iterator]();
  let step = gen.next();
  while (!step.done) {
    const input = source.next();
    if (input.done) throw new Error('the generator did not finish: no inputs left');
    step = gen.next(input.value);
  }
  source.return?.();
  return step.value;
}
