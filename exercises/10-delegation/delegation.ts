/**
 * 10 · Delegation — `yield*` is Python's `yield from`.
 *
 * Read README.md first. Replace each `throw new Error('Not implemented: …')` with your code;
 * keep every export's name and type. A function that must be a generator becomes
 * `function*` once you implement it.
 *
 * 한국어: README.ko.md를 먼저 읽으세요. 막히면 `npm run hint -- 10 --lang ko`.
 */

export interface Result {
  count: number;
  average: number | null;
}

// Given: the stop signal (a symbol, so that no number, not even 0, can be mistaken for it).
export const STOP: unique symbol = Symbol('STOP');

// Given: the averager of exercise 09. It returns its Result when it receives STOP.
export function* averager(): Generator<void, Result, number | typeof STOP> {
  let total = 0;
  let count = 0;
  while (true) {
    const term = yield;
    if (term === STOP) break;
    total += term;
    count += 1;
  }
  return { count, average: count === 0 ? null : total / count };
}

// TODO: make this a generator (`function*`) that loops forever: each round delegates to a
// fresh sub-generator from makeSub (averager by default) with `yield*`, and stores what the
// sub returns in results[key].
// 할 일: 영원히 도는 제너레이터(`function*`)로 만든다. 한 바퀴마다 makeSub(기본값 averager)로
// 만든 새 하위 제너레이터에 `yield*`로 위임하고, 하위 제너레이터가 반환한 것을
// results[key]에 저장한다.
export function grouper(
  results: Record<string, Result>,
  key: string,
  makeSub: () => Generator<void, Result, number | typeof STOP> = averager,
): Generator<void, never, number | typeof STOP> {
  throw new Error('Not implemented: grouper (exercises/10-delegation/delegation.ts)');
}

// TODO: for each key of data, create a grouper writing into one shared results object,
// prime it, send it every value of the list, then send STOP. Return the results.
// 할 일: data의 키마다 하나의 results 객체에 쓰는 grouper를 만들어 프라이밍하고, 목록의 값을
// 모두 보낸 다음 STOP을 보낸다. results를 돌려준다.
export function groupAverages(data: Record<string, number[]>): Record<string, Result> {
  throw new Error('Not implemented: groupAverages (exercises/10-delegation/delegation.ts)');
}

export interface Tree<T> {
  value: T;
  children?: Tree<T>[];
}

// TODO: make this a generator (`function*`): yield the node's value, then walk each child
// with `yield*`; return how many nodes were walked (1 plus what each child's walk returned).
// 할 일: 제너레이터(`function*`)로 만든다. 노드의 값을 내보내고, 자식마다 `yield*`로 돈 뒤,
// 돈 노드 수(1에 각 자식의 walk가 반환한 값을 더한 것)를 반환한다.
export function walk<T>(tree: Tree<T>): Generator<T, number, unknown> {
  throw new Error('Not implemented: walk (exercises/10-delegation/delegation.ts)');
}
