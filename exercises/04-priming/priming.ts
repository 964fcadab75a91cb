/**
 * 04 · Priming: the `@coroutine` decorator.
 *
 * A generator's body only starts at the first `next()`, and the value that first `next()`
 * carries is dropped. Write the helpers that do that first `next()` for you.
 * Read README.md first; `npm run hint -- 04` gives hints.
 *
 * 한국어: README.ko.md를 먼저 읽으세요. 막히면 `npm run hint -- 04 --lang ko`.
 */

export function coroutine<A extends unknown[], Y, R, S>(
  fn: (...args: A) => Generator<Y, R, S>,
): (...args: A) => Generator<Y, R, S> {
  // TODO: return a function that, each time it is called, calls `fn` with the same arguments
  // and the same `this`, calls `next()` once on the generator it got, and returns that
  // generator. If the generator is already done after that `next()`, throw a TypeError whose
  // message contains "priming".
  // 할 일: 부를 때마다 같은 인자와 같은 `this`로 `fn`을 부르고, 받은 제너레이터에 `next()`를
  // 한 번 부른 뒤 그 제너레이터를 돌려주는 함수를 돌려준다. 그 `next()` 뒤에 제너레이터가
  // 이미 끝났다면 메시지에 "priming"이 들어간 TypeError를 던진다.
  throw new Error('Not implemented: coroutine (exercises/04-priming/priming.ts)');
}

export function primed<This, A extends unknown[], Y, R, S>(
  method: (this: This, ...args: A) => Generator<Y, R, S>,
  context: ClassMethodDecoratorContext<This, (this: This, ...args: A) => Generator<Y, R, S>>,
): (this: This, ...args: A) => Generator<Y, R, S> {
  // TODO: the same job as `coroutine`, as a standard method decorator: return the function
  // that replaces `method` on the class (`@primed *numbers() { … }`).
  // 할 일: `coroutine`과 같은 일을 표준 메서드 데코레이터로 한다. 클래스에서 `method`를 대신할
  // 함수를 돌려준다(`@primed *numbers() { … }`).
  throw new Error('Not implemented: primed (exercises/04-priming/priming.ts)');
}
