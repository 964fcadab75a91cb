// Alternative: run chains promises by hand without async/await, and the averager and grouper are classes implementing the async iterator protocol.
export interface Result {
  count: number;
  average: number | null;
}

export const STOP: unique symbol = Symbol('STOP');

type Sent = number | typeof STOP;

export function run<R>(genFn: () => Generator<unknown, R, unknown>): Promise<R> {
  return Promise.resolve()
    .then(() => genFn())
    .then((gen) => {
      const advance = (result: IteratorResult<unknown, R>): R | Promise<R> =>
        result.done
          ? result.value
          : Promise.resolve(result.value).then(
              (value) => advance(gen.next(value)),
              (error: unknown) => advance(gen.throw(error)),
            );
      return advance(gen.next());
    });
}

class Averager {
  private total = 0;
  private count = 0;
  private started = false;
  private finished = false;

  async next(...args: [] | [Sent]): Promise<IteratorResult<void, Result>> {
    if (this.finished) return { value: undefined as unknown as Result, done: true };
    if (!this.started) {
      this.started = true;
      return { value: undefined, done: false };
    }
    const term = args[0] as Sent;
    if (term === STOP) {
      this.finished = true;
      const { count, total } = this;
      return { value: { count, average: count === 0 ? null : total / count }, done: true };
    }
    this.total += term;
    this.count += 1;
    return { value: undefined, done: false };
  }

  async return(value: Result | PromiseLike<Result>): Promise<IteratorResult<void, Result>> {
    this.finished = true;
    return { value: await value, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<void, Result>> {
    this.finished = true;
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

class Grouper {
  private sub = new Averager();
  private closed = false;

  constructor(
    private readonly results: Record<string, Result>,
    private readonly key: string,
  ) {}

  async next(...args: [] | [Sent]): Promise<IteratorResult<void, never>> {
    if (this.closed) return { value: undefined as never, done: true };
    let step = await this.sub.next(...args);
    while (step.done) {
      this.results[this.key] = step.value;
      this.sub = new Averager();
      step = await this.sub.next();
    }
    return step;
  }

  // Closing or throwing reaches the current averager first, as yield* would forward it.
  async return(): Promise<IteratorResult<void, never>> {
    this.closed = true;
    await this.sub.return({ count: 0, average: null });
    return { value: undefined as never, done: true };
  }

  async throw(error: unknown): Promise<IteratorResult<void, never>> {
    this.closed = true;
    await this.sub.throw(error);
    throw error;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

export function asyncAverager(): AsyncGenerator<void, Result, Sent> {
  return new Averager() as unknown as AsyncGenerator<void, Result, Sent>;
}

export function asyncGrouper(results: Record<string, Result>, key: string): AsyncGenerator<void, never, Sent> {
  return new Grouper(results, key) as unknown as AsyncGenerator<void, never, Sent>;
}
