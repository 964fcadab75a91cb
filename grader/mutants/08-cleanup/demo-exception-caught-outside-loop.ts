// Known-wrong: demoFinally catches DemoException on the outer try around the loop, so handling one ends the coroutine (and logs the ending line) instead of continuing.
export class DemoException extends Error {
  override name = 'DemoException';
}

export function* demoFinally(log: string[]): Generator<void, void, unknown> {
  log.push('-> coroutine started');
  try {
    while (true) {
      const received: unknown = yield;
      log.push(`-> coroutine received: ${String(received)}`);
    }
  } catch (error) {
    if (!(error instanceof DemoException)) throw error;
    log.push('*** DemoException handled. Continuing...');
  } finally {
    log.push('-> coroutine ending');
  }
}

export function close(gen: Generator<unknown, unknown, unknown>): void {
  const result = gen.return(undefined);
  if (!result.done) throw new Error('generator ignored GeneratorExit');
}
