import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'log-has-no-default',
    violates: 'coroutine2(x, log?): the log is optional.',
    explanation: {
      en: 'Your `coroutine2` fails when it is called without a `log`. The log is optional: without one, it runs just the same.',
      ko: '`log` 없이 호출하면 `coroutine2`가 실패합니다. `log`는 선택 인자이므로, 주지 않아도 똑같이 실행되어야 합니다.',
    },
    edits: [['log: string[] = []', 'log?: string[]']],
  },
  {
    name: 'no-return-value',
    violates: 'next(30): pushes `received: 30`, returns x + y + z: { value: 80, done: true }.',
    explanation: {
      en: 'Your `coroutine2` ends without a return value. After `next(30)` it returns `x + y + z`, so the last result is `{ value: 80, done: true }`.',
      ko: '`coroutine2`가 반환값 없이 끝납니다. `next(30)` 뒤에는 `x + y + z`를 `return`해서 마지막 결과가 `{ value: 80, done: true }`여야 합니다.',
    },
    edits: [['return x + y + z;', 'return undefined as unknown as number;']],
  },
  {
    name: 'yields-the-total',
    violates: 'next(30): pushes `received: 30`, returns x + y + z: { value: 80, done: true }.',
    explanation: {
      en: 'Your `coroutine2` yields `x + y + z` instead of returning it, so `next(30)` answers `done: false`. The total is the return value: `{ value: 80, done: true }`.',
      ko: '`coroutine2`가 `x + y + z`를 `return`하지 않고 `yield`해서, `next(30)`이 `done: false`를 돌려줍니다. 합계는 반환값이어야 합니다: `{ value: 80, done: true }`.',
    },
    edits: [['return x + y + z;', 'yield x + y + z;\n  return x + y + z;']],
  },
  {
    name: 'primes-itself',
    violates: 'Creating it runs nothing: log stays empty.',
    explanation: {
      en: 'Your `coroutine2` starts running as soon as it is created: it logs `started` before any `next()`. Creating a generator runs nothing of its body.',
      ko: '`coroutine2`가 만들어지자마자 실행을 시작해서, `next()`를 부르기도 전에 `started`를 기록합니다. 제너레이터를 만들 때는 본문이 한 줄도 실행되지 않아야 합니다.',
    },
    edits: [
      ['export function* coroutine2(x: number, log: string[] = [])', 'function* body(x: number, log: string[])'],
      ['return x + y + z;\n}', 'return x + y + z;\n}\n\nexport function coroutine2(x: number, log: string[] = []): Generator<number, number, number> {\n  const gen = body(x, log);\n  gen.next();\n  return gen;\n}'],
    ],
  },
  {
    name: 'shared-module-state',
    violates: 'next(20): pushes `received: 20`, yields x + y (each coroutine keeps its own y and z).',
    explanation: {
      en: 'Your coroutines keep `y` and `z` outside the generator, so two of them mix up their values. Each coroutine keeps what it received in its own local variables.',
      ko: '`y`와 `z`를 제너레이터 밖에 두어서 두 코루틴이 서로의 값을 섞어 씁니다. 코루틴마다 받은 값을 자기 지역 변수에 간직해야 합니다.',
    },
    edits: [
      ['export function*', 'let y = 0;\nlet z = 0;\n\nexport function*'],
      ['const y = yield x;', 'y = yield x;'],
      ['const z = yield x + y;', 'z = yield x + y;'],
    ],
  },
] satisfies Mutant[];
