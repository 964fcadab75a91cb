/**
 * 02 · Two-way send — values go in as well as out (the notes' `coroutine2`).
 *
 * `yield` is a two-way door: the value on its right goes out to the caller, and the whole
 * `yield` expression becomes whatever the caller passes to the *next* `next(value)`.
 * That is Python's `y = yield x` with `send(y)`.
 */
export function* coroutine2(x: number, log: string[] = []): Generator<number, number, number> {
  log.push(`started: ${x}`);
  // Paused here after the first next(). There is no earlier yield that could have received
  // the first next()'s argument, which is why JavaScript drops it (Python forbids it).
  const y = yield x;
  log.push(`received: ${y}`);
  const z = yield x + y;
  log.push(`received: ${z}`);
  // Python's StopIteration.value: in JavaScript it arrives as `{ value, done: true }`.
  return x + y + z;
}
