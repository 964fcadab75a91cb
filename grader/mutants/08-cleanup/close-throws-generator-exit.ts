// Known-wrong: close imitates Python by throwing a GeneratorExit error into the generator and swallowing it when it comes back, so the generator's catch blocks run too.
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

class GeneratorExit extends Error {}

export function close(gen: Generator<unknown, unknown, unknown>): void {
  const exit = new GeneratorExit();
  let result: IteratorResult<unknown, unknown>;
  try {
    result = gen.throw(exit);
  } catch (error) {
    if (error === exit) return;
    throw error;
  }
  if (!result.done) throw new Error('generator ignored GeneratorExit');
}
