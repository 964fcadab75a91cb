// Known-wrong: attempt calls onFinally by hand at the end of the success and the handled-error paths instead of in a finally block, so it is skipped whenever an error propagates.
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
  let value: T;
  try {
    value = fn();
  } catch (error) {
    if (!hooks.onError) throw error;
    hooks.onError(error);
    hooks.onFinally?.();
    return undefined;
  }
  hooks.onElse?.(value);
  hooks.onFinally?.();
  return value;
}
