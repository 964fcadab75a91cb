import type { Mutant } from '../src/mutants';

const delegation = 'results[key] = yield* makeSub();';

export default [
  {
    name: 'no-loop',
    violates: 'grouper loops forever: after STOP it is not done, and it has started a fresh sub.',
    explanation: {
      en: 'Your `grouper` runs only one round and is done after the first `STOP`. It loops forever: after `STOP` it has already started a fresh sub-generator.',
      ko: '`grouper`가 한 차례만 돌고 첫 `STOP` 뒤에 끝나 버립니다. `grouper`는 끝없이 반복해야 하고, `STOP` 뒤에는 이미 새 하위 제너레이터를 시작한 상태여야 합니다.',
    },
    edits: [
      ['  while (true) {\n    // The assignment', '    // The assignment'],
      [`${delegation}\n  }\n`, `${delegation}\n`],
    ],
  },
  {
    name: 'copies-the-result',
    violates: 'After STOP, results[key] is the very object the sub returned.',
    explanation: {
      en: 'Your `grouper` stores a copy of what the sub-generator returned; `results[key]` must be the very object it returned.',
      ko: '`grouper`가 하위 제너레이터의 반환값을 복사해서 저장합니다. `results[key]`는 하위 제너레이터가 돌려준 바로 그 객체여야 합니다.',
    },
    edits: [[delegation, 'results[key] = { ...(yield* makeSub()) };']],
  },
  {
    name: 'key-initialized-before-stop',
    violates: 'The key does not exist before the first STOP.',
    explanation: {
      en: 'Your `grouper` writes `results[key]` before the first `STOP`. The key appears only when the sub-generator returns, as `results[key] = yield* makeSub()` does.',
      ko: '`grouper`가 첫 `STOP` 전에 `results[key]`를 씁니다. `results[key] = yield* makeSub()`처럼, 키는 하위 제너레이터가 `return`할 때에야 생겨야 합니다.',
    },
    edits: [['): Generator<void, never, number | typeof STOP> {', '): Generator<void, never, number | typeof STOP> {\n  results[key] = { count: 0, average: null };']],
  },
  {
    name: 'for-of-instead-of-yield-star',
    violates: 'grouper: results[key] = yield* makeSub(); values sent to the grouper reach the sub-generator in order.',
    explanation: {
      en: "Your `grouper` walks the sub-generator with `for…of`, which sends it nothing, so the values sent to the grouper never reach it. Delegate with `yield*`, Python's `yield from`.",
      ko: '`grouper`가 하위 제너레이터를 `for…of`로 돌아서 아무 값도 보내지 않으므로, `grouper`에 보낸 값이 하위 제너레이터에 닿지 않습니다. 파이썬의 `yield from`인 `yield*`로 위임해야 합니다.',
    },
    edits: [[delegation, 'const sub: Iterable<void> = makeSub();\n    for (const value of sub) yield value;']],
  },
  {
    name: 'manual-forwarding-without-throw',
    violates: 'throw() and return() on the grouper reach the sub too (its own handlers and finally run).',
    explanation: {
      en: "Your `grouper` forwards `next()` to the sub-generator by hand but not `throw()` or `return()`, so the sub's `catch` and `finally` never run. `yield*` forwards all three.",
      ko: '`grouper`가 `next()`만 손으로 하위 제너레이터에 넘기고 `throw()`와 `return()`은 넘기지 않아서, 하위 제너레이터의 `catch`와 `finally`가 실행되지 않습니다. `yield*`는 셋 모두 넘겨 줍니다.',
    },
    edits: [[delegation, 'const sub = makeSub();\n    let step = sub.next();\n    while (!step.done) {\n      const sent = yield step.value;\n      step = sub.next(sent);\n    }\n    results[key] = step.value;']],
  },
  {
    name: 'group-averages-without-priming',
    violates: "groupAverages(data) gives Fluent Python's averages: every value of a key is counted.",
    explanation: {
      en: 'Your `groupAverages` sends values to each grouper without priming it, so every key loses its first value. Prime each grouper before sending.',
      ko: '`groupAverages`가 `grouper`를 프라이밍하지 않고 값을 보내서, 키마다 첫 값을 잃어버립니다. 보내기 전에 `grouper`마다 프라이밍해야 합니다.',
    },
    edits: [['    group.next();\n', '']],
  },
  {
    name: 'forgets-final-stop',
    violates: 'groupAverages(data) gives one Result per key; an empty list gives { count: 0, average: null }.',
    explanation: {
      en: "Your `groupAverages` never sends the last `STOP`, so no key gets its result. After a key's values, send `STOP`; an empty list then gives `{ count: 0, average: null }`.",
      ko: '`groupAverages`가 마지막 `STOP`을 보내지 않아서 어느 키도 결과를 얻지 못합니다. 키의 값을 모두 보낸 뒤 `STOP`을 보내야 하고, 그러면 빈 목록은 `{ count: 0, average: null }`이 됩니다.',
    },
    edits: [['    group.next(STOP);\n', '']],
  },
  {
    name: 'walk-children-before-parent',
    violates: 'walk yields values depth-first, parent before children.',
    explanation: {
      en: "Your `walk` yields a node's children before the node itself; it goes depth-first, each parent before its children.",
      ko: '`walk`가 노드보다 그 자식들을 먼저 내보냅니다. 깊이 우선으로, 부모를 자식보다 먼저 내보내야 합니다.',
    },
    edits: [
      ['  yield tree.value;\n', ''],
      ['  return nodes;', '  yield tree.value;\n  return nodes;'],
    ],
  },
  {
    name: 'walk-for-of-over-children',
    violates: "walk uses yield* on the children and returns the number of nodes it walked (the sum of the children's return values plus one).",
    explanation: {
      en: "Your `walk` walks each child with `for…of`, which drops the child's return value, so the count of nodes is wrong. Walk each child with `yield*` and add what it returns.",
      ko: '`walk`가 자식을 `for…of`로 돌아서 자식의 반환값을 버리므로 노드 수가 틀립니다. 자식마다 `yield*`로 돌고, 그 반환값을 더해야 합니다.',
    },
    edits: [['nodes += yield* walk(child);', 'for (const value of walk(child)) yield value;\n    nodes += 1;']],
  },
] satisfies Mutant[];
