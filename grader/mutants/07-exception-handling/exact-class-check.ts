// Known-wrong: demoExcHandling compares error.constructor with DemoException instead of using instanceof, so a subclass of DemoException is not handled.
export class DemoException extends Error {
  override name = 'DemoException';
}

export function* demoExcHandling(log: string[]): Generator<void, never, unknown> {
  log.push('-> coroutine started');
  while (true) {
    let received: unknown;
    try {
      received = yield;
    } catch (error) {
      if ((error as object | null)?.constructor !== DemoException) throw error;
      log.push('*** DemoException handled. Continuing...');
      continue;
    }
    log.push(`-> coroutine received: ${String(received)}`);
  }
}

export function attempt<T>(
  fn: () => T,
  hooks: { onError?: (error: unknown) => void; onElse?: (value: T) => void; onFinally?: () => void },
): T | undefined {
  try {
    let value: T;
    try {
      value = fn();
    } catch (error) {
      if (!hooks.onError) throw error;
      hooks.onError(error);
      return undefined;
    }
    hooks.onElse?.(value);
    return value;
  } finally {
    hooks.onFinally?.();
  }
}
