/**
 * 07 · Exception handling — `throw()`, and try / except / else / finally.
 *
 * Read README.md first. Turn `demoExcHandling` into a generator (`function*`, keep the
 * parameter and return types) and write `attempt` as a plain function.
 * Check your work with `npm run grade -- --exercise 07`; stuck? `npm run hint -- 07`.
 */

// Given: the error the demo coroutine knows how to handle. Throw it in with gen.throw(...).
export class DemoException extends Error {
  override name = 'DemoException';
}

/** Fluent Python's `demo_exc_handling`: logs what it receives and shrugs off DemoException. */
export function demoExcHandling(log: string[]): Generator<void, never, unknown> {
  // TODO: make this a generator that, once primed, pushes '-> coroutine started' and then
  // loops forever around a bare `yield`:
  // - a sent value x pushes `-> coroutine received: ${String(x)}`;
  // - a DemoException (or subclass) thrown in pushes '*** DemoException handled. Continuing...'
  //   and nothing else, and the loop goes on;
  // - any other error thrown in escapes unchanged (which ends the generator).
  throw new Error('Not implemented: demoExcHandling (exercises/07-exception-handling/exception-handling.ts)');
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
  // TODO: call fn once.
  // - It throws: call onError(error) and return undefined; with no onError, let it propagate.
  // - It returns: call onElse(value) and return the value. An error thrown by onElse must
  //   NOT reach onError.
  // - onFinally runs exactly once, last, whatever happened (even if a hook throws).
  throw new Error('Not implemented: attempt (exercises/07-exception-handling/exception-handling.ts)');
}
