// Known-wrong: demoFinally puts its try/finally inside the loop around each yield, so the ending line is logged after every value instead of once at the end.
export class DemoException extends Error {
  override name = 'DemoException';
}

export function* demoFinally(log: string[]): Generator<void, void, unknown> {
  log.push('-> coroutine started');
  while (true) {
    try {
      const received: unknown = yield;
      log.push(`-> coroutine received: ${String(received)}`);
    } catch (error) {
      if (!(error instanceof DemoException)) throw error;
      log.push('*** DemoException handled. Continuing...');
    } finally {
      log.push('-> coroutine ending');
    }
  }
}

export function close(gen: Generator<unknown, unknown, unknown>): void {
  const result = gen.return(undefined);
  if (!result.done) throw new Error('generator ignored GeneratorExit');
}
