// Alternative: a class that implements the generator protocol by hand, keeping the total in a field.
class Summer implements Generator<number, never, number> {
  private primed = false;
  private closed = false;

  constructor(private total: number) {}

  next(...args: [] | [number]): IteratorResult<number, never> {
    if (this.closed) return this.finished();
    if (!this.primed) {
      // Like a generator's first next(), priming ignores its argument.
      this.primed = true;
      return { value: this.total, done: false };
    }
    const value: unknown = args[0];
    if (typeof value !== 'number') {
      this.closed = true;
      throw new TypeError(`Only numbers can be added, not ${typeof value}.`);
    }
    this.total += value;
    return { value: this.total, done: false };
  }

  return(value?: never): IteratorResult<number, never> {
    this.closed = true;
    return { value: value as never, done: true };
  }

  throw(error: unknown): IteratorResult<number, never> {
    this.closed = true;
    throw error;
  }

  [Symbol.iterator](): this {
    return this;
  }

  // The lib types ask generators for explicit resource management: disposing closes it.
  [Symbol.dispose](): void {
    this.return();
  }

  private finished(): IteratorResult<number, never> {
    return { value: undefined as never, done: true };
  }
}

export function summer(start = 0): Generator<number, never, number> {
  return new Summer(start);
}
