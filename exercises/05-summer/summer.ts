/**
 * 05 · Summer: a running total (the notes' `sumer`).
 *
 * Read README.md first; `npm run hint -- 05` gives hints.
 */

export function summer(start?: number): Generator<number, never, number> {
  // TODO: make this a generator (`function*`) that yields `start` (0 when not given) when it
  // is primed, then adds each number sent to it and yields the new total. Anything sent that
  // is not of type number (a bare next(), a string) must throw a TypeError.
  throw new Error('Not implemented: summer (exercises/05-summer/summer.ts)');
}
