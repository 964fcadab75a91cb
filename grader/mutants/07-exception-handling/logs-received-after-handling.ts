// Known-wrong: demoExcHandling logs the received value after the try/catch with no "else" path, so a handled DemoException is followed by "received: undefined".
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
      if (!(error instanceof DemoException)) throw error;
      log.push('*** DemoException handled. Continuing...');
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
