/**
 * 02 · Two-way send — values go in as well as out (the notes' `coroutine2`).
 *
 * Read README.md first. Check your work with `npm run grade -- --exercise 02`;
 * stuck? `npm run hint -- 02`.
 *
 * 한국어: README.ko.md를 먼저 읽으세요. 막히면 `npm run hint -- 02 --lang ko`.
 */
export function coroutine2(x: number, log?: string[]): Generator<number, number, number> {
  // TODO: make this a generator (`function*`; give `log` a default of []) that
  //   1. pushes `started: ${x}` and yields x,
  //   2. receives y from the next next(y), pushes `received: ${y}` and yields x + y,
  //   3. receives z from the next next(z), pushes `received: ${z}` and returns x + y + z.
  // 할 일: 다음처럼 동작하는 제너레이터(`function*`, `log`의 기본값은 [])로 만든다.
  //   1. `started: ${x}`를 넣고 x를 내보낸다.
  //   2. 다음 next(y)로 y를 받아 `received: ${y}`를 넣고 x + y를 내보낸다.
  //   3. 다음 next(z)로 z를 받아 `received: ${z}`를 넣고 x + y + z를 반환한다.
  throw new Error('Not implemented: coroutine2 (exercises/02-two-way-send/two-way-send.ts)');
}
