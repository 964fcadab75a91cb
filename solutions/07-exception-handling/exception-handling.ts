/**
 * 07 · Exception handling — `throw()`, and try / except / else / finally.
 *
 * `gen.throw(e)` is the caller's way to make an exception appear *inside* the paused body,
 * exactly at the `yield` where it is waiting. The body decides: catch it and keep going, or
 * let it escape, which ends the coroutine and hands the error back to the caller.
 */

/** The one kind of error the demo coroutine knows how to survive. */
export class DemoException extends Error {
  // Without this, `error.name` would read "Error" in messages and stack traces.
  override name = 'DemoException';
}

/** Fluent Python's `demo_exc_handling`: logs what it receives and shrugs off DemoException. */
export function* demoExcHandling(log: string[]): Generator<void, never, unknown> {
  // This line runs on the first next() (priming), not when the generator is created.
  log.push('-> coroutine started');
  while (true) {
    let received: unknown;
    try {
      // A throw() from the caller surfaces right here, as if `yield` itself had thrown.
      received = yield;
    } catch (error) {
      // Only the error we know how to handle is swallowed; anything else must reach the
      // caller unchanged, and escaping the body is what closes the generator.
      if (!(error instanceof DemoException)) throw error;
      log.push('*** DemoException handled. Continuing...');
      // Python's `else` branch must not run after a handled exception: skip to the next yield.
      continue;
    }
    // JavaScript has no `else` on try; code after the try that the `catch` skips plays its part.
    // It also sits outside the try so that a bug here would not be mistaken for a thrown-in error.
    log.push(`-> coroutine received: ${String(received)}`);
  }
}

/** Python's try / except / else / finally, as a function. */
export function attempt<T>(
  fn: () => T,
  hooks: {
    onError?: (error: unknown) => void;
    onElse?: (value: T) => void;
    onFinally?: () => void;
  },
): T | undefined {
  try {
    let value: T;
    try {
      value = fn();
    } catch (error) {
      // A flag-free design: whatever was thrown (even `undefined` or 0) is an error, because
      // we got here through `catch`, not by testing the thrown value.
      if (!hooks.onError) throw error;
      hooks.onError(error);
      return undefined;
    }
    // `else` lives outside the inner try on purpose: an error raised by onElse is not an
    // error of `fn`, so it must not be handed to onError.
    hooks.onElse?.(value);
    return value;
  } finally {
    // The outer finally runs once on every way out: normal return, an error of fn with no
    // handler, or an error thrown by onError or onElse.
    hooks.onFinally?.();
  }
}
