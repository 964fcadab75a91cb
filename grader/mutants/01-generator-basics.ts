import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'countdown-checks-eagerly',
    violates: 'countdown checks its argument lazily: calling countdown(-1) or countdown(1.5) throws nothing; the first next() throws RangeError.',
    edits: [
      ['export function* countdown', 'export function countdown'],
      ['for (let i = n; i > 0; i--) {\n    yield i;\n  }', 'return (function* () {\n    for (let i = n; i > 0; i--) yield i;\n  })();'],
    ],
  },
  {
    name: 'countdown-yields-zero',
    violates: 'countdown(3) yields 3, 2, 1 and then is done. countdown(0) yields nothing.',
    edits: [['i > 0; i--', 'i >= 0; i--']],
  },
  {
    name: 'naturals-start-or-one',
    violates: 'naturals() yields 1, 2, 3, … forever; naturals(0) starts at 0.',
    edits: [
      ['naturals(start = 1)', 'naturals(start?: number)'],
      ['let i = start;', 'let i = start || 1;'],
    ],
  },
  {
    name: 'naturals-shared-counter',
    violates: 'Two generators made by the same function are independent.',
    edits: [
      ['export function* naturals', 'let current = 1;\n\nexport function* naturals'],
      ['for (let i = start; ; i++) {\n    yield i;', 'for (current = start; ; current++) {\n    yield current;'],
    ],
  },
  {
    name: 'take-pulls-one-too-many',
    violates: 'take never pulls again after it holds n items.',
    edits: [['items.push(item);\n    if (items.length >= n) break;', 'if (items.length >= n) break;\n    items.push(item);']],
  },
  {
    name: 'take-zero-still-pulls',
    violates: 'take with n = 0 pulls nothing.',
    edits: [['  if (n <= 0) return items;\n', '']],
  },
  {
    name: 'take-never-calls-return',
    violates: "When take stops holding n items and the source has not reported done, it calls the source's return() once.",
    edits: [['for (const item of source) {\n    items.push', 'for (const iterator = source[Symbol.iterator](); ; ) {\n    const pulled = iterator.next();\n    if (pulled.done) break;\n    const item = pulled.value;\n    items.push']],
  },
  {
    name: 'lazy-map-runs-ahead',
    violates: 'lazyMap calls fn only when an item is pulled from the result, once per item.',
    edits: [['for (const item of source) {\n    yield fn(item);\n  }', 'let ahead: { mapped: U } | undefined;\n  for (const item of source) {\n    const mapped = fn(item);\n    if (ahead) yield ahead.mapped;\n    ahead = { mapped };\n  }\n  if (ahead) yield ahead.mapped;']],
  },
] satisfies Mutant[];
