// Alternative: a class implementing the Generator interface by hand, with a step counter instead of a paused function body.

class Coroutine2 implements Generator<number, number, number> {
  private step = 0;
  private y = 0;

  constructor(
    private readonly x: number,
    private readonly log: string[],
  ) {}

  next(...args: [] | [number]): IteratorResult<number, number> {
    switch (this.step) {
      case 0:
        // The first call has no pending yield to answer, so any argument is dropped.
        this.step = 1;
        this.log.push(`started: ${this.x}`);
        return { value: this.x, done: false };
      case 1:
        this.step = 2;
        this.y = args[0] as number;
        this.log.push(`received: ${this.y}`);
        return { value: this.x + this.y, done: false };
      case 2: {
        this.step = 3;
        const z = args[0] as number;
        this.log.push(`received: ${z}`);
        return { value: this.x + this.y + z, done: true };
      }
      default:
        // A finished generator reports undefined, whatever its declared return type says.
        return { value: undefined as unknown as number, done: true };
    }
  }

  return(value: number): IteratorResult<number, number> {
    this.step = 3;
    return { value, done: true };
  }

  throw(error: unknown): IteratorResult<number, number> {
    this.step = 3;
    throw error;
  }

  [Symbol.iterator](): this {
    return this;
  }

  // The Generator type (with Node's typings) also asks for disposal; disposing ends it early.
  [Symbol.dispose](): void {
    this.step = 3;
  }
}

export function coroutine2(x: number, log: string[] = []): Generator<number, number, number> {
  return new Coroutine2(x, log);
}
