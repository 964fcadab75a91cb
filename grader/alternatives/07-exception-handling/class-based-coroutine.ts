// Alternative: demoExcHandling as a hand-written class implementing the Generator interface, and attempt with an "ok" flag instead of nested try blocks.
export class DemoException extends Error {
  override name = 'DemoException';
}

/** A state machine: 'created' until primed, 'paused' at the yield, 'closed' for good. */
class DemoExcHandling implements Generator<void, never, unknown> {
  private state: 'created' | 'paused' | 'closed' = 'created';

  constructor(private readonly log: string[]) {}

  next(...args: [] | [unknown]): IteratorResult<void, never> {
    if (this.state === 'closed') return { value: undefined as never, done: true };
    if (this.state === 'created') {
      this.state = 'paused';
      this.log.push('-> coroutine started');
    } else {
      this.log.push(`-> coroutine received: ${String(args[0])}`);
    }
    return { value: undefined, done: false };
  }

  throw(error: unknown): IteratorResult<void, never> {
    if (this.state === 'paused' && error instanceof DemoException) {
      this.log.push('*** DemoException handled. Continuing...');
      return { value: undefined, done: false };
    }
    this.state = 'closed';
    throw error;
  }

  return(value: never): IteratorResult<void, never> {
    this.state = 'closed';
    return { value, done: true };
  }

  [Symbol.iterator](): this {
    return this;
  }

  // Generators are disposable (`using`); disposing one is the same as return().
  [Symbol.dispose](): void {
    this.state = 'closed';
  }
}

export function demoExcHandling(log: string[]): Generator<void, never, unknown> {
  return new DemoExcHandling(log);
}

export function attempt<T>(
  fn: () => T,
  hooks: { onError?: (error: unknown) => void; onElse?: (value: T) => void; onFinally?: () => void },
): T | undefined {
  let ok = false;
  let value: T | undefined;
  try {
    try {
      value = fn();
      ok = true;
    } catch (error) {
      if (hooks.onError === undefined) throw error;
      hooks.onError(error);
    }
    if (ok) hooks.onElse?.(value as T);
    return value;
  } finally {
    hooks.onFinally?.();
  }
}
