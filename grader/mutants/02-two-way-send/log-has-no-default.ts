// Known-wrong: the optional log gets no default, so coroutine2(30) crashes on its first push.
export function* coroutine2(x: number, log?: string[]): Generator<number, number, number> {
  log!.push(`started: ${x}`);
  const y = yield x;
  log!.push(`received: ${y}`);
  const z = yield x + y;
  log!.push(`received: ${z}`);
  return x + y + z;
}
