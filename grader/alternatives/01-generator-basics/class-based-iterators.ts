// Alternative: hand-written iterator classes that implement the Generator interface, and take with manual next() calls.

/** Shared plumbing: a generator-shaped object whose `step()` produces the next result. */
abstract class HandRolled<T, R> implements Generator<T, R, unknown> {
  protected finished = false;

  protected abstract step(): IteratorResult<T, R>;

  next(): IteratorResult<T, R> {
    if (this.finished) return { value: undefined as R, done: true };
    try {
      const result = this.step();
      if (result.done) this.finished = true;
      return result;
    } catch (error) {
      this.finished = true;
      throw error;
    }
  }

  return(value: R): IteratorResult<T, R> {
    this.finished = true;
    return { value, done: true };
  }

  throw(error: unknown): IteratorResult<T, R> {
    this.finished = true;
    throw error;
  }

  [Symbol.iterator](): this {
    return this;
  }

  // The Generator type (with Node's typings) also asks for disposal; disposing ends it early.
  [Symbol.dispose](): void {
    this.finished = true;
  }
}

class Countdown extends HandRolled<number, void> {
  private checked = false;

  constructor(private remaining: number) {
    super();
  }

  protected step(): IteratorResult<number, void> {
    if (!this.checked) {
      this.checked = true;
      if (!Number.isInteger(this.remaining) || this.remaining < 0) {
        throw new RangeError(`countdown needs a whole number >= 0, got ${this.remaining}`);
      }
    }
    if (this.remaining <= 0) return { value: undefined, done: true };
    return { value: this.remaining--, done: false };
  }
}

class Naturals extends HandRolled<number, never> {
  constructor(private current: number) {
    super();
  }

  protected step(): IteratorResult<number, never> {
    return { value: this.current++, done: false };
  }
}

class LazyMap<T, U> extends HandRolled<U, void> {
  private iterator: Iterator<T> | undefined;

  constructor(
    private readonly source: Iterable<T>,
    private readonly fn: (item: T) => U,
  ) {
    super();
  }

  protected step(): IteratorResult<U, void> {
    this.iterator ??= this.source[Symbol.iterator]();
    const result = this.iterator.next();
    if (result.done) return { value: undefined, done: true };
    return { value: this.fn(result.value), done: false };
  }
}

export function countdown(n: number): Generator<number, void, unknown> {
  return new Countdown(n);
}

export function naturals(start = 1): Generator<number, never, unknown> {
  return new Naturals(start);
}

export function take<T>(source: Iterable<T>, n: number): T[] {
  const items: T[] = [];
  if (n <= 0) return items;
  const iterator = source[Symbol.iterator]();
  while (items.length < n) {
    const result = iterator.next();
    if (result.done) return items;
    items.push(result.value);
  }
  iterator.return?.();
  return items;
}

export function lazyMap<T, U>(source: Iterable<T>, fn: (item: T) => U): Generator<U, void, unknown> {
  return new LazyMap(source, fn);
}
