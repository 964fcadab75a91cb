// Known-wrong: a line-by-line copy of the Python notes, which never return x + y + z, so the last next() gives value undefined.
export function* coroutine2(x: number, log: string[] = []): Generator<number, number, number> {
  log.push(`started: ${x}`);
  const y = yield x;
  log.push(`received: ${y}`);
  const z = yield x + y;
  log.push(`received: ${z}`);
  return undefined as unknown as number;
}
