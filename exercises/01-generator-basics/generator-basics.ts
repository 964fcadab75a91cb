/**
 * 01 · Generator basics — lazy values, state kept between `next()` calls.
 *
 * Read README.md first. Turn each function below into a working one: the generators become
 * `function*` (keep the parameter and return types), `take` stays a plain function.
 * Check your work with `npm run grade -- --exercise 01`; stuck? `npm run hint -- 01`.
 *
 * 한국어: README.ko.md를 먼저 읽으세요. 막히면 `npm run hint -- 01 --lang ko`.
 */

/** Yields n, n - 1, …, 1. */
export function countdown(n: number): Generator<number, void, unknown> {
  // TODO: make this a generator (`function*`) that yields n, n - 1, …, 1 and then finishes.
  // A negative or fractional n must throw RangeError, but only on the first next(),
  // not when countdown(n) is called.
  // 할 일: n, n - 1, …, 1을 내보내고 끝나는 제너레이터(`function*`)로 만든다.
  // n이 음수이거나 정수가 아니면 RangeError를 던지되, countdown(n)을 부를 때가 아니라
  // 첫 next()에서 던진다.
  throw new Error('Not implemented: countdown (exercises/01-generator-basics/generator-basics.ts)');
}

/** Yields start, start + 1, … forever. */
export function naturals(start?: number): Generator<number, never, unknown> {
  // TODO: make this a generator that yields start, start + 1, … forever.
  // With no argument it starts at 1; naturals(0) starts at 0.
  // 할 일: start, start + 1, …을 끝없이 내보내는 제너레이터로 만든다.
  // 인자가 없으면 1부터, naturals(0)은 0부터 시작한다.
  throw new Error('Not implemented: naturals (exercises/01-generator-basics/generator-basics.ts)');
}

/** The first `n` items of `source` (fewer if it ends first). */
export function take<T>(source: Iterable<T>, n: number): T[] {
  // TODO: collect the first n items into an array. Pull no item you will not keep
  // (none at all when n is 0), stop once the source is done, and when you stop early
  // let the source clean up by calling its return() once.
  // 할 일: 앞에서부터 n개를 배열에 모은다. 쓰지 않을 항목은 꺼내지 않고(n이 0이면 하나도),
  // 소스가 끝나면 멈추며, 일찍 멈출 때는 소스의 return()을 한 번 불러 뒷정리하게 한다.
  throw new Error('Not implemented: take (exercises/01-generator-basics/generator-basics.ts)');
}

/** Applies `fn` to each item of `source`, one item at a time, as the result is pulled. */
export function lazyMap<T, U>(source: Iterable<T>, fn: (item: T) => U): Generator<U, void, unknown> {
  // TODO: make this a generator that yields fn(item) for each item of source, calling fn
  // only when the caller pulls a value, so that it works on endless sources too.
  // 할 일: source의 항목마다 fn(item)을 내보내는 제너레이터로 만든다. fn은 호출자가 값을
  // 꺼낼 때만 불러서, 끝없는 소스에서도 동작하게 한다.
  throw new Error('Not implemented: lazyMap (exercises/01-generator-basics/generator-basics.ts)');
}
