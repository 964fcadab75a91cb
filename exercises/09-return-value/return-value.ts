/**
 * 09 · Return value — what `StopIteration.value` carries.
 *
 * Read README.md first. Replace each `throw new Error('Not implemented: …')` with your code;
 * keep every export's name and type. A function that must be a generator becomes
 * `function*` once you implement it.
 *
 * 한국어: README.ko.md를 먼저 읽으세요. 막히면 `npm run hint -- 09 --lang ko`.
 */

export interface Result {
  count: number;
  average: number | null;
}

// Given: the stop signal. Send it to end the averager; it can never be mistaken for a number.
export const STOP: unique symbol = Symbol('STOP');

// TODO: make this a generator (`function*`). Priming and every number sent yield `undefined`;
// a number is a term (0 too). On STOP, return `{ count, average }`, with `average: null`
// when no term came in.
// 할 일: 제너레이터(`function*`)로 만든다. 프라이밍과 보내온 숫자마다 `undefined`를 내보낸다.
// 숫자는 0도 항목이다. STOP을 받으면 `{ count, average }`를 반환하고, 항목이 하나도 없었으면
// `average: null`이다.
export function averager2(): Generator<void, Result, number | typeof STOP> {
  throw new Error('Not implemented: averager2 (exercises/09-return-value/return-value.ts)');
}

// TODO: an Error whose `name` is 'StopIteration' and whose `value` holds the generator's
// return value. Set both in the constructor (remove the throw, keep the super call first).
// 할 일: `name`이 'StopIteration'이고 `value`에 제너레이터의 반환값을 담는 Error.
// 둘 다 생성자에서 정한다(throw는 지우고, super 호출은 맨 앞에 둔다).
export class StopIteration<R = unknown> extends Error {
  readonly value: R;

  constructor(value: R) {
    super('the generator has finished');
    throw new Error('Not implemented: StopIteration (exercises/09-return-value/return-value.ts)');
  }
}

// TODO: Python's send. Call next(value): return the yielded value, or, when the generator
// is done instead, throw a StopIteration carrying the return value.
// 할 일: 파이썬의 send. next(value)를 불러 yield된 값을 돌려주고, 제너레이터가 그 대신
// 끝나면 반환값을 실은 StopIteration을 던진다.
export function send<Y, R, S>(gen: Generator<Y, R, S>, value: S): Y {
  throw new Error('Not implemented: send (exercises/09-return-value/return-value.ts)');
}

// TODO: prime gen, send each input in order with send, and return the value of the
// StopIteration that ends it. If the inputs run out first, throw an Error whose message
// contains 'did not finish'.
// 할 일: gen을 프라이밍하고, 입력을 차례로 send로 보내고, 제너레이터를 끝낸 StopIteration의
// value를 돌려준다. 입력이 먼저 바닥나면 메시지에 'did not finish'가 들어간 Error를 던진다.
export function resultOf<R>(gen: Generator<unknown, R, any>, inputs: Iterable<unknown>): R {
  throw new Error('Not implemented: resultOf (exercises/09-return-value/return-value.ts)');
}
