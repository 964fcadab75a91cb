import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'countdown-checks-eagerly',
    violates: 'countdown checks its argument lazily: calling countdown(-1) or countdown(1.5) throws nothing; the first next() throws RangeError.',
    explanation: {
      en: "Your `countdown` checks its argument as soon as it is called. A generator's body runs only at the first `next()`: `countdown(-1)` must hand back a generator, and that first `next()` throws the `RangeError`.",
      ko: '`countdown`이 호출되자마자 인자를 검사합니다. 제너레이터의 본문은 첫 `next()`에서야 실행되므로, `countdown(-1)`은 제너레이터를 돌려주고 `RangeError`는 그 첫 `next()`에서 나야 합니다.',
    },
    edits: [
      ['export function* countdown', 'export function countdown'],
      ['for (let i = n; i > 0; i--) {\n    yield i;\n  }', 'return (function* () {\n    for (let i = n; i > 0; i--) yield i;\n  })();'],
    ],
  },
  {
    name: 'countdown-yields-zero',
    violates: 'countdown(3) yields 3, 2, 1 and then is done. countdown(0) yields nothing.',
    explanation: {
      en: 'Your `countdown` yields 0 at the end: `countdown(3)` yields 3, 2, 1 and is done, and `countdown(0)` yields nothing.',
      ko: '`countdown`이 마지막에 0까지 내보냅니다. `countdown(3)`은 3, 2, 1을 내보내고 끝나야 하고, `countdown(0)`은 아무것도 내보내지 않아야 합니다.',
    },
    edits: [['i > 0; i--', 'i >= 0; i--']],
  },
  {
    name: 'naturals-start-or-one',
    violates: 'naturals() yields 1, 2, 3, … forever; naturals(0) starts at 0.',
    explanation: {
      en: 'Your `naturals(0)` starts at 1, as if no start were given. Only a missing argument means 1; `naturals(0)` starts at 0.',
      ko: '`naturals(0)`이 인자가 없을 때처럼 1부터 시작합니다. 인자가 없을 때만 1부터이고, `naturals(0)`은 0부터 시작해야 합니다.',
    },
    edits: [
      ['naturals(start = 1)', 'naturals(start?: number)'],
      ['let i = start;', 'let i = start || 1;'],
    ],
  },
  {
    name: 'naturals-shared-counter',
    violates: 'Two generators made by the same function are independent.',
    explanation: {
      en: 'Your `naturals` generators share one counter, so pulling from one moves the others. Each generator keeps its count in its own local variable.',
      ko: '`naturals`로 만든 제너레이터들이 카운터 하나를 함께 써서, 하나에서 값을 꺼내면 다른 것도 움직입니다. 제너레이터마다 자기 지역 변수에 수를 간직해야 합니다.',
    },
    edits: [
      ['export function* naturals', 'let current = 1;\n\nexport function* naturals'],
      ['for (let i = start; ; i++) {\n    yield i;', 'for (current = start; ; current++) {\n    yield current;'],
    ],
  },
  {
    name: 'take-pulls-one-too-many',
    violates: 'take never pulls again after it holds n items.',
    explanation: {
      en: 'Your `take` pulls one more item from the source after it already holds `n`; it must stop pulling as soon as it has `n` items.',
      ko: '`take`가 이미 `n`개를 모은 뒤에도 소스에서 한 번 더 꺼냅니다. `n`개를 모으는 즉시 꺼내기를 멈춰야 합니다.',
    },
    edits: [['items.push(item);\n    if (items.length >= n) break;', 'if (items.length >= n) break;\n    items.push(item);']],
  },
  {
    name: 'take-zero-still-pulls',
    violates: 'take with n = 0 pulls nothing.',
    explanation: {
      en: 'Your `take(source, 0)` still pulls from the source; with `n = 0` it must not call `next()` at all.',
      ko: '`take(source, 0)`도 소스에서 값을 꺼냅니다. `n = 0`이면 `next()`를 한 번도 부르지 않아야 합니다.',
    },
    edits: [['  if (n <= 0) return items;\n', '']],
  },
  {
    name: 'take-never-calls-return',
    violates: "When take stops holding n items and the source has not reported done, it calls the source's return() once.",
    explanation: {
      en: "Your `take` stops with `n` items without calling the source's `return()`, so the source never gets to clean up. Call it once when you stop early, as `for…of` does on `break`.",
      ko: '`take`가 `n`개를 모아 멈추면서 소스의 `return()`을 부르지 않아서, 소스가 뒷정리를 할 수 없습니다. 일찍 멈출 때는 `for…of`가 `break`에서 하듯 `return()`을 한 번 불러야 합니다.',
    },
    edits: [['for (const item of source) {\n    items.push', 'for (const iterator = source[Symbol.iterator](); ; ) {\n    const pulled = iterator.next();\n    if (pulled.done) break;\n    const item = pulled.value;\n    items.push']],
  },
  {
    name: 'lazy-map-runs-ahead',
    violates: 'lazyMap calls fn only when an item is pulled from the result, once per item.',
    explanation: {
      en: 'Your `lazyMap` calls `fn` one item ahead of what has been pulled; it may call `fn` only when an item is pulled from the result, once per item.',
      ko: '`lazyMap`이 꺼낸 항목보다 하나 앞서 `fn`을 부릅니다. `fn`은 결과에서 항목을 꺼낼 때만, 항목마다 한 번씩 불러야 합니다.',
    },
    edits: [['for (const item of source) {\n    yield fn(item);\n  }', 'let ahead: { mapped: U } | undefined;\n  for (const item of source) {\n    const mapped = fn(item);\n    if (ahead) yield ahead.mapped;\n    ahead = { mapped };\n  }\n  if (ahead) yield ahead.mapped;']],
  },
] satisfies Mutant[];
