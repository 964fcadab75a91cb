// Known-wrong: coroutine2 primes its own generator (as a @coroutine decorator would), so creating it already logs, and the caller's first next() is taken as y.
function* body(x: number, log: string[]): Generator<number, number, number> {
  log.push(`started: ${x}`);
  const y = yield x;
  log.push(`received: ${y}`);
  const z = yield x + y;
  log.push(`received: ${z}`);
  return x + y + z;
}

export function coroutine2(x: number, log: string[] = []): Generator<number, number, number> {
  const gen = body(x, log);
  gen.next();
  return gen;
}
