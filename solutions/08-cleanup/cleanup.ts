/**
 * 08 · Cleanup — `close()`, `return()` and `finally`.
 *
 * A paused coroutine may hold something that needs releasing. Python's `gen.close()` raises
 * GeneratorExit at the paused `yield`; JavaScript's `gen.return()` instead makes the paused
 * `yield` behave like a `return` statement. Either way only `finally` blocks run on the way
 * out, so that is where cleanup belongs.
 */

/** The one kind of error the demo coroutine knows how to survive. */
export class DemoException extends Error {
  override name = 'DemoException';
}

/** Fluent Python's `demo_finally`: like demoExcHandling, plus a goodbye on every way out. */
export function* demoFinally(log: string[]): Generator<void, void, unknown> {
  log.push('-> coroutine started');
  // One try/finally around the whole loop, not one per round: the ending line marks the end
  // of the coroutine's life, whichever way it ends (return(), an unhandled error, break).
  try {
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
  } finally {
    // return() never enters a `catch`, so cleanup written in a catch would be skipped;
    // `finally` is the only block that every exit passes through.
    log.push('-> coroutine ending');
  }
}

/** Python's `gen.close()` for a JavaScript generator. */
export function close(gen: Generator<unknown, unknown, unknown>): void {
  // return() is the JavaScript counterpart of raising GeneratorExit: it unwinds through the
  // `finally` blocks only. On a created generator it ends it without running the body, and on
  // a finished one it does nothing; an error thrown by a `finally` simply propagates.
  const result = gen.return(undefined);
  // A `finally` that yields has refused to stop. Python reports that as a RuntimeError;
  // pretending the generator closed would leave it alive and paused.
  if (!result.done) {
    throw new Error('generator ignored GeneratorExit');
  }
}
