import type { Mutant } from '../src/mutants';

const delegation = 'results[key] = yield* makeSub();';

export default [
  {
    name: 'no-loop',
    violates: 'grouper loops forever: after STOP it is not done, and it has started a fresh sub.',
    edits: [
      ['  while (true) {\n    // The assignment', '    // The assignment'],
      [`${delegation}\n  }\n`, `${delegation}\n`],
    ],
  },
  {
    name: 'copies-the-result',
    violates: 'After STOP, results[key] is the very object the sub returned.',
    edits: [[delegation, 'results[key] = { ...(yield* makeSub()) };']],
  },
  {
    name: 'key-initialized-before-stop',
    violates: 'The key does not exist before the first STOP.',
    edits: [['): Generator<void, never, number | typeof STOP> {', '): Generator<void, never, number | typeof STOP> {\n  results[key] = { count: 0, average: null };']],
  },
  {
    name: 'for-of-instead-of-yield-star',
    violates: 'grouper: results[key] = yield* makeSub(); values sent to the grouper reach the sub-generator in order.',
    edits: [[delegation, 'const sub: Iterable<void> = makeSub();\n    for (const value of sub) yield value;']],
  },
  {
    name: 'manual-forwarding-without-throw',
    violates: 'throw() and return() on the grouper reach the sub too (its own handlers and finally run).',
    edits: [[delegation, 'const sub = makeSub();\n    let step = sub.next();\n    while (!step.done) {\n      const sent = yield step.value;\n      step = sub.next(sent);\n    }\n    results[key] = step.value;']],
  },
  {
    name: 'group-averages-without-priming',
    violates: "groupAverages(data) gives Fluent Python's averages: every value of a key is counted.",
    edits: [['    group.next();\n', '']],
  },
  {
    name: 'forgets-final-stop',
    violates: 'groupAverages(data) gives one Result per key; an empty list gives { count: 0, average: null }.',
    edits: [['    group.next(STOP);\n', '']],
  },
  {
    name: 'walk-children-before-parent',
    violates: 'walk yields values depth-first, parent before children.',
    edits: [
      ['  yield tree.value;\n', ''],
      ['  return nodes;', '  yield tree.value;\n  return nodes;'],
    ],
  },
  {
    name: 'walk-for-of-over-children',
    violates: "walk uses yield* on the children and returns the number of nodes it walked (the sum of the children's return values plus one).",
    edits: [['nodes += yield* walk(child);', 'for (const value of walk(child)) yield value;\n    nodes += 1;']],
  },
] satisfies Mutant[];
