// Known-wrong: the final total is yielded instead of returned, so next(30) reports done: false and the generator ends one call later.
export function* coroutine2(x: number, log: string[] = []): Generator<number, number, number> {
  log.push(`started: ${x}`);
  const y = yield x;
  log.push(`received: ${y}`);
  const z = yield x + y;
  log.push(`received: ${z}`);
  yield x + y + z;
  return x + y + z;
}
