/**
 * 08 · Cleanup — `close()`, `return()` and `finally`.
 *
 * Read README.md first. Turn `demoFinally` into a generator (`function*`, keep the parameter
 * and return types) and write `close` as a plain function.
 * Check your work with `npm run grade -- --exercise 08`; stuck? `npm run hint -- 08`.
 *
 * 한국어: README.ko.md를 먼저 읽으세요. 막히면 `npm run hint -- 08 --lang ko`.
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
  // 할 일: 07번의 demoExcHandling과 똑같이 기록하고('-> coroutine started',
  // '-> coroutine received: ...', '*** DemoException handled. Continuing...'), 시작한 코루틴이
  // 끝날 때마다 '-> coroutine ending'을 한 번 넣는 제너레이터로 만든다. return(), for…of에서의
  // break, DemoException이 아닌 예외가 모두 그런 끝이다.
  throw new Error('Not implemented: demoFinally (exercises/08-cleanup/cleanup.ts)');
}

/** Python's `gen.close()` for a JavaScript generator. */
export function close(gen: Generator<unknown, unknown, unknown>): void {
  // TODO: end gen with return(). If the generator yields instead of finishing (a `finally`
  // that yields), throw an Error whose message contains 'generator ignored GeneratorExit'.
  // Errors thrown by the generator's own cleanup must propagate.
  // 할 일: return()으로 gen을 끝낸다. 제너레이터가 끝나지 않고 yield하면(`finally`가 yield하면)
  // 메시지에 'generator ignored GeneratorExit'가 들어간 Error를 던진다. 제너레이터의 뒷정리가
  // 던진 예외는 그대로 전파되어야 한다.
  throw new Error('Not implemented: close (exercises/08-cleanup/cleanup.ts)');
}
