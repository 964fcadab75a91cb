// Known-wrong: close wraps return() in a try/catch that ignores errors, so an error thrown by the generator's finally never reaches the caller.
export class DemoException extends Error {
  override name = 'DemoException';
}

export function* demoFinally(log: string[]): Generator<void, void, unknown> {
  log.push('-> coroutine started');
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
    log.push('-> coroutine ending');
  }
}

export function close(gen: Generator<unknown, unknown, unknown>): void {
  let result: IteratorResult<unknown, unknown> = { value: undefined, done: true };
  try {
    result = gen.return(undefined);
  } catch {
    // "close must never fail"
  }
  if (!result.done) throw new Error('generator ignored GeneratorExit');
}
