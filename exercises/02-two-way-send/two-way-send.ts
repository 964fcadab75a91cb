/**
 * 02 · Two-way send — values go in as well as out (the notes' `coroutine2`).
 *
 * Read README.md first. Check your work with `npm run grade -- --exercise 02`;
 * stuck? `npm run hint -- 02`.
 */
export function coroutine2(x: number, log?: string[]): Generator<number, number, number> {
  // TODO: make this a generator (`function*`; give `log` a default of []) that
  //   1. pushes `started: ${x}` and yields x,
  //   2. receives y from the next next(y), pushes `received: ${y}` and yields x + y,
  //   3. receives z from the next next(z), pushes `received: ${z}` and returns x + y + z.
  throw new Error('Not implemented: coroutine2 (exercises/02-two-way-send/two-way-send.ts)');
}
