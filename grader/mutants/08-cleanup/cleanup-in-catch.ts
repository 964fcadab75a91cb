// Known-wrong: demoFinally logs the ending line in a catch that rethrows instead of in a finally, so return() and break (which never enter a catch) skip the cleanup.
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
  } catch (error) {
    log.push('-> coroutine ending');
    throw error;
  }
}

export function close(gen: Generator<unknown, unknown, unknown>): void {
  const result = gen.return(undefined);
  if (!result.done) throw new Error('generator ignored GeneratorExit');
}
