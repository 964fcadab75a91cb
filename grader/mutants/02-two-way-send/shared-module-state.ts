// Known-wrong: the received values live in module-level variables, so two coroutines running side by side overwrite each other's y.
let y = 0;
let z = 0;

export function* coroutine2(x: number, log: string[] = []): Generator<number, number, number> {
  log.push(`started: ${x}`);
  y = yield x;
  log.push(`received: ${y}`);
  z = yield x + y;
  log.push(`received: ${z}`);
  return x + y + z;
}
