/**
 * 07 · Exception handling — `throw()`, and try / except / else / finally.
 *
 * Read README.md first. Turn `demoExcHandling` into a generator (`function*`, keep the
 * parameter and return types) and write `attempt` as a plain function.
 * Check your work with `npm run grade -- --exercise 07`; stuck? `npm run hint -- 07`.
 *
 * 한국어: README.ko.md를 먼저 읽으세요. 막히면 `npm run hint -- 07 --lang ko`.
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
  // 할 일: 프라이밍되면 '-> coroutine started'를 넣고, 맨 `yield`를 감싼 무한 루프를 도는
  // 제너레이터로 만든다.
  // - 보내온 값 x마다 `-> coroutine received: ${String(x)}`를 넣는다.
  // - 안으로 던진 DemoException(또는 하위 클래스)은 '*** DemoException handled. Continuing...'만
  //   넣고 루프를 계속한다.
  // - 그 밖의 예외는 그대로 밖으로 내보낸다(그러면 제너레이터가 끝난다).
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
  // 할 일: fn을 한 번 부른다.
  // - 예외를 던지면: onError(error)를 부르고 undefined를 돌려준다. onError가 없으면 그대로 전파한다.
  // - 값을 돌려주면: onElse(value)를 부르고 그 값을 돌려준다. onElse가 던진 예외는 onError로
  //   가면 안 된다.
  // - onFinally는 무슨 일이 있어도(훅이 예외를 던져도) 정확히 한 번, 맨 마지막에 실행된다.
  throw new Error('Not implemented: attempt (exercises/07-exception-handling/exception-handling.ts)');
}
