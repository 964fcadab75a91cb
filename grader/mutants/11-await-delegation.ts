import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'plain-values-not-deferred',
    violates: 'run: any other yielded value is sent back as is, after a tick.',
    explanation: {
      en: 'Your `run` sends a yielded value that is not a thenable straight back in, synchronously. Like `await 5`, it resumes the generator later, from the microtask queue.',
      ko: '`run`이 thenable이 아닌 값을 `yield`받으면 곧바로, 동기적으로 다시 보냅니다. `await 5`처럼 제너레이터는 나중에, 마이크로태스크 큐에서 재개해야 합니다.',
    },
    edits: [['result = resume();', "result = resume();\n        while (!result.done && typeof (result.value as { then?: unknown } | null)?.then !== 'function') result = gen.next(result.value);"]],
  },
  {
    name: 'thenables-not-awaited',
    violates: 'run: a yielded promise or thenable is awaited and its value sent back in.',
    explanation: {
      en: 'Your `run` waits only for real promises and sends any other thenable back as it is. Wait for any object with a `then` method, and send its fulfilled value back in.',
      ko: '`run`이 진짜 프로미스만 기다리고, 다른 thenable은 그대로 돌려보냅니다. `then` 메서드가 있는 객체라면 무엇이든 기다렸다가 이행된 값을 다시 보내야 합니다.',
    },
    edits: [['Promise.resolve(result.value).then(', 'const value = result.value;\n      if (!(value instanceof Promise)) {\n        queueMicrotask(() => step(() => gen.next(value)));\n        return;\n      }\n      value.then(']],
  },
  {
    name: 'rejection-not-thrown-in',
    violates: 'run: a rejection is thrown into the generator at that yield, where it can be caught.',
    explanation: {
      en: 'When a yielded promise rejects, your `run` rejects at once instead of throwing the reason into the generator at that `yield`, where a `try/catch` could handle it.',
      ko: '`yield`한 프로미스가 거부되면 `run`이 곧바로 거부됩니다. 그 이유를 `yield`한 자리에서 제너레이터에 던져 넣어서, 거기 있는 `try/catch`가 처리할 수 있게 해야 합니다.',
    },
    edits: [['(error: unknown) => step(() => gen.throw(error)),', '(error: unknown) => reject(error),']],
  },
  {
    name: 'throws-synchronously',
    violates: 'run rejects with the very error that escapes the generator, and never throws synchronously.',
    explanation: {
      en: 'Your `run` starts the generator before it makes its promise, so an error thrown before the first `yield` escapes synchronously. It never throws synchronously: every error comes out as a rejection.',
      ko: '`run`이 프로미스를 만들기 전에 제너레이터를 시작해서, 첫 `yield` 전에 난 에러가 동기적으로 빠져나옵니다. `run`은 절대 동기적으로 예외를 던지지 않고, 모든 에러를 거부로 내보내야 합니다.',
    },
    edits: [
      ['return new Promise<R>((resolve, reject) => {\n    const gen = genFn();', 'const gen = genFn();\n  const first = gen.next();\n  return new Promise<R>((resolve, reject) => {'],
      ['step(() => gen.next());', 'step(() => first);'],
    ],
  },
  {
    name: 'zero-taken-as-stop',
    violates: 'asyncAverager is averager2 with async function*: 0 is a term, not a stop.',
    explanation: {
      en: 'Your `asyncAverager` stops when it is sent 0. Only `STOP` ends it; 0 is a number like any other.',
      ko: '`asyncAverager`가 0을 받으면 끝납니다. `STOP`만 끝내는 신호이고, 0은 다른 숫자와 같은 값입니다.',
    },
    edits: [['if (term === STOP) break;', 'if (!term || term === STOP) break;']],
  },
  {
    name: 'key-set-before-stop',
    violates: 'asyncGrouper stores results[key] = yield* asyncAverager(): the key does not exist before the first STOP.',
    explanation: {
      en: "Your `asyncGrouper` writes `results[key]` before the first `STOP`. The key is written only when `yield*` hands back the averager's result.",
      ko: '`asyncGrouper`가 첫 `STOP` 전에 `results[key]`를 씁니다. 키는 `yield*`가 평균 계산기의 결과를 돌려줄 때에야 써야 합니다.',
    },
    edits: [['results[key] = yield*', 'results[key] = { count: 0, average: null };\n    results[key] = yield*']],
  },
] satisfies Mutant[];
