/**
 * 08 · Cleanup — `close()`, `return()` and `finally`.
 *
 * Read README.md first. Turn `demoFinally` into a generator (`function*`, keep the parameter
 * and return types) and write `close` as a plain function.
 * Check your work with `npm run grade -- --exercise 08`; stuck? `npm run hint -- 08`.
 */

// Given: the error the demo coroutine knows how to handle. Throw it in with gen.throw(...).
export class DemoException extends Error {
  override name = 'DemoException';
}

/** Fluent Python's `demo_finally`: like demoExcHandling, plus a goodbye on every way out. */
export function demoFinally(log: string[]): Generator<void, void, unknown> {
  // TODO: make this a generator that logs exactly like demoExcHandling in exercise 07
  // ('-> coroutine started', '-> coroutine received: ...', '*** DemoException handled. Continuing...')
  // and pushes '-> coroutine ending' once, whenever the coroutine ends after it started:
  // return(), break out of a for…of, or an error that is not a DemoException.
  throw new Error('Not implemented: demoFinally (exercises/08-cleanup/cleanup.ts)');
}

/** Python's `gen.close()` for a JavaScript generator. */
export function close(gen: Generator<unknown, unknown, unknown>): void {
  // TODO: end gen with return(). If the generator yields instead of finishing (a `finally`
  // that yields), throw an Error whose message contains 'generator ignored GeneratorExit'.
  // Errors thrown by the generator's own cleanup must propagate.
  throw new Error('Not implemented: close (exercises/08-cleanup/cleanup.ts)');
}
