/**
 * 06 · Averager: a running average.
 *
 * Read README.md first; `npm run hint -- 06` gives hints.
 *
 * 한국어: README.ko.md를 먼저 읽으세요. 막히면 `npm run hint -- 06 --lang ko`.
 */

export function averager(): Generator<number | null, never, number> {
  // TODO: make this a generator (`function*`) that yields null when it is primed, then, for
  // each number sent to it, yields the average of all the numbers sent so far. Anything sent
  // that is not of type number (a bare next(), a string) must throw a TypeError.
  // 할 일: 프라이밍되면 null을 내보내고, 그 뒤로 숫자를 받을 때마다 지금까지 받은 모든 숫자의
  // 평균을 내보내는 제너레이터(`function*`)로 만든다. number 타입이 아닌 값(인자 없는 next(),
  // 문자열)이 오면 TypeError를 던진다.
  throw new Error('Not implemented: averager (exercises/06-averager/averager.ts)');
}
