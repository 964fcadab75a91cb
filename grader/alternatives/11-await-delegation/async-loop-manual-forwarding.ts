// Alternative: run as an async function with an explicit loop, and a grouper that forwards each next() to its averager by hand instead of yield*.
export interface Result {
  count: number;
  average: number | null;
}

export const STOP: unique symbol = Symbol('STOP');

export async function run<R>(genFn: () => Generator<unknown, R, unknown>): Promise<R> {
  const gen = genFn();
  let result = gen.next();
  while (!result.done) {
    let settled: { ok: true; value: unknown } | { ok: false; error: unknown };
    try {
      settled = { ok: true, value: await result.value };
    } catch (error) {
      settled = { ok: false, error };
    }
    result = settled.ok ? gen.next(settled.value) : gen.throw(settled.error);
  }
  return result.value;
}

export async function* asyncAverager(): AsyncGenerator<void, Result, number | typeof STOP> {
  const terms: number[] = [];
  let term = yield;
  while (term !== STOP) {
    terms.push(term);
    term = yield;
  }
  const total = terms.reduce((sum, t) => sum + t, 0);
  return { count: terms.length, average: terms.length ? total / terms.length : null };
}

export async function* asyncGrouper(
  results: Record<string, Result>,
  key: string,
): AsyncGenerator<void, never, number | typeof STOP> {
  while (true) {
    const sub = asyncAverager();
    let step = await sub.next();
    while (!step.done) {
      const sent: number | typeof STOP = yield step.value;
      step = await sub.next(sent);
    }
    results[key] = step.value;
  }
}
