/**
 * 03 · Generator state — Python's `inspect.getgeneratorstate`, rebuilt for JavaScript.
 *
 * Read exercises/03-generator-state/README.md first. Check your work with
 * `npm run grade -- --exercise 03`; stuck? `npm run hint -- 03`.
 *
 * 한국어: README.ko.md를 먼저 읽으세요. 막히면 `npm run hint -- 03 --lang ko`.
 */

// Given: the four states, named as Python's `inspect` names them.
export type GeneratorState = 'GEN_CREATED' | 'GEN_RUNNING' | 'GEN_SUSPENDED' | 'GEN_CLOSED';

export class TrackedGenerator<Y, R, S> implements Iterator<Y, R, S> {
  constructor(gen: Generator<Y, R, S>) {
    // TODO: keep `gen` and start in 'GEN_CREATED'. Nothing of the body may run yet.
    // 할 일: `gen`을 간직하고 'GEN_CREATED'에서 시작한다. 본문은 아직 조금도 실행되면 안 된다.
    throw new Error('Not implemented: TrackedGenerator (exercises/03-generator-state/generator-state.ts)');
  }

  get state(): GeneratorState {
    // TODO: report the state you keep.
    // 할 일: 간직한 상태를 돌려준다.
    throw new Error('Not implemented: TrackedGenerator.state (exercises/03-generator-state/generator-state.ts)');
  }

  next(...args: [] | [S]): IteratorResult<Y, R> {
    // TODO: refuse if running, answer `done` if closed, else mark 'GEN_RUNNING', forward
    // `args` to the wrapped generator and record the state its result (or exception) shows.
    // 할 일: 실행 중이면 거절하고, 닫혔으면 `done`으로 답하고, 아니면 'GEN_RUNNING'으로 표시한 뒤
    // `args`를 감싼 제너레이터에 넘기고, 그 결과(또는 예외)가 보여 주는 상태를 기록한다.
    throw new Error('Not implemented: TrackedGenerator.next (exercises/03-generator-state/generator-state.ts)');
  }

  throw(error: unknown): IteratorResult<Y, R> {
    // TODO: same door as next(), but forwards `error` with the generator's throw().
    // 할 일: next()와 같은 문이지만, 제너레이터의 throw()로 `error`를 넘긴다.
    throw new Error('Not implemented: TrackedGenerator.throw (exercises/03-generator-state/generator-state.ts)');
  }

  return(value: R): IteratorResult<Y, R> {
    // TODO: same door again, with return(); a `finally` that yields keeps it suspended.
    // 할 일: 역시 같은 문이고 return()을 쓴다. `finally`가 yield하면 멈춘 상태로 남는다.
    throw new Error('Not implemented: TrackedGenerator.return (exercises/03-generator-state/generator-state.ts)');
  }

  [Symbol.iterator](): this {
    // TODO: a generator is its own iterator; so is its wrapper.
    // 할 일: 제너레이터는 자기 자신이 이터레이터이고, 래퍼도 그렇다.
    throw new Error('Not implemented: TrackedGenerator[Symbol.iterator] (exercises/03-generator-state/generator-state.ts)');
  }
}

export function track<A extends unknown[], Y, R, S>(
  fn: (...args: A) => Generator<Y, R, S>,
): (...args: A) => TrackedGenerator<Y, R, S> {
  // TODO: return a function that calls `fn` with its arguments and wraps the generator.
  // 할 일: 받은 인자로 `fn`을 부르고 그 제너레이터를 감싸는 함수를 돌려준다.
  throw new Error('Not implemented: track (exercises/03-generator-state/generator-state.ts)');
}

export function getGeneratorState(gen: TrackedGenerator<unknown, unknown, unknown>): GeneratorState {
  // TODO: the JavaScript twin of inspect.getgeneratorstate.
  // 할 일: 자바스크립트판 inspect.getgeneratorstate.
  throw new Error('Not implemented: getGeneratorState (exercises/03-generator-state/generator-state.ts)');
}
