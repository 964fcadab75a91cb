// Alternative: demoFinally as a hand-written class implementing the Generator interface, and close that destructures the result of return().
export class DemoException extends Error {
  override name = 'DemoException';
}

/** A state machine: 'created' until primed, 'paused' at the yield, 'closed' for good. */
class DemoFinally implements Generator<void, void, unknown> {
  private state: 'created' | 'paused' | 'closed' = 'created';

  constructor(private readonly log: string[]) {}

  /** Leaving the paused state is the one place the ending line is written. */
  private end(): void {
    if (this.state === 'paused') this.log.push('-> coroutine ending');
    this.state = 'closed';
  }

  next(...args: [] | [unknown]): IteratorResult<void, void> {
    if (this.state === 'closed') return { value: undefined, done: true };
    if (this.state === 'created') {
      this.state = 'paused';
      this.log.push('-> coroutine started');
    } else {
      this.log.push(`-> coroutine received: ${String(args[0])}`);
    }
    return { value: undefined, done: false };
  }

  throw(error: unknown): IteratorResult<void, void> {
    if (this.state === 'paused' && error instanceof DemoException) {
      this.log.push('*** DemoException handled. Continuing...');
      return { value: undefined, done: false };
    }
    this.end();
    throw error;
  }

  return(value: void): IteratorResult<void, void> {
    this.end();
    return { value, done: true };
  }

  [Symbol.iterator](): this {
    return this;
  }

  [Symbol.dispose](): void {
    this.end();
  }
}

export function demoFinally(log: string[]): Generator<void, void, unknown> {
  return new DemoFinally(log);
}

export function close(gen: Generator<unknown, unknown, unknown>): void {
  const { done } = gen.return(undefined);
  if (done === true) return;
  throw new Error('RuntimeError: generator ignored GeneratorExit');
}
