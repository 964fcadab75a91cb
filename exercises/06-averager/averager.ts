/**
 * 06 · Averager: a running average.
 *
 * Read README.md first; `npm run hint -- 06` gives hints.
 */

export function averager(): Generator<number | null, never, number> {
  // TODO: make this a generator (`function*`) that yields null when it is primed, then, for
  // each number sent to it, yields the average of all the numbers sent so far. Anything sent
  // that is not of type number (a bare next(), a string) must throw a TypeError.
  throw new Error('Not implemented: averager (exercises/06-averager/averager.ts)');
}
