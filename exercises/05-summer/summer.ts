/**
 * 05 · Summer: a running total (the notes' `sumer`).
 *
 * Read README.md first; `npm run hint -- 05` gives hints.
 *
 * 한국어: README.ko.md를 먼저 읽으세요. 막히면 `npm run hint -- 05 --lang ko`.
 */

export function summer(start?: number): Generator<number, never, number> {
  // TODO: make this a generator (`function*`) that yields `start` (0 when not given) when it
  // is primed, then adds each number sent to it and yields the new total. Anything sent that
  // is not of type number (a bare next(), a string) must throw a TypeError.
  // 할 일: 프라이밍되면 `start`(주지 않았으면 0)를 내보내고, 그 뒤로 보내온 숫자를 더해 새 합계를
  // 내보내는 제너레이터(`function*`)로 만든다. number 타입이 아닌 값(인자 없는 next(), 문자열)이
  // 오면 TypeError를 던진다.
  throw new Error('Not implemented: summer (exercises/05-summer/summer.ts)');
}
