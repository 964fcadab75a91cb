// Known-wrong: close calls return() and ignores its result, so a generator whose finally yields stays alive and close reports nothing.
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
  gen.return(undefined);
}
