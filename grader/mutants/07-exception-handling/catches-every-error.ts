// Known-wrong: demoExcHandling catches every error thrown in and treats it as a DemoException, so other errors are swallowed instead of propagating.
export class DemoException extends Error {
  override name = 'DemoException';
}

export function* demoExcHandling(log: string[]): Generator<void, never, unknown> {
  log.push('-> coroutine started');
  while (true) {
    try {
      const received: unknown = yield;
      log.push(`-> coroutine received: ${String(received)}`);
    } catch {
      log.push('*** DemoException handled. Continuing...');
    }
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
