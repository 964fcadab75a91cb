// Known-wrong: attempt stores the caught error in a variable and tests it with if (error), so a thrown falsy value such as 0 is taken for success.
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
  let value: T | undefined;
  let error: unknown;
  try {
    value = fn();
  } catch (caught) {
    error = caught;
  }
  try {
    if (error) {
      if (!hooks.onError) throw error;
      hooks.onError(error);
      return undefined;
    }
    hooks.onElse?.(value as T);
    return value;
  } finally {
    hooks.onFinally?.();
  }
}
