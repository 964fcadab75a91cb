// Known-wrong: attempt calls onElse inside the same try as fn, so an error thrown by onElse is handed to onError instead of propagating.
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
    const value = fn();
    hooks.onElse?.(value);
    return value;
  } catch (error) {
    if (!hooks.onError) throw error;
    hooks.onError(error);
    return undefined;
  } finally {
    hooks.onFinally?.();
  }
}
