import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'primes-with-zero',
    violates: 'Priming yields null.',
    edits: [['let average: number | null = null;', 'let average = 0;']],
  },
  {
    name: 'count-after-divide',
    violates: 'Each sent value yields the average so far: 10 → 10, 30 → 20, 5 → 15, 20 → 16.25.',
    edits: [['count += 1;\n    average = total / count;', 'average = total / count;\n    count += 1;']],
  },
  {
    name: 'skips-falsy',
    violates: 'Zero and negative values count.',
    edits: [["if (typeof term !== 'number') {", "if (!term) continue;\n    if (typeof term !== 'number') {"]],
  },
  {
    name: 'no-type-check',
    violates: 'A value that is not of type number throws TypeError, and the generator is then closed.',
    edits: [["if (typeof term !== 'number') {", 'if (false) {']],
  },
  {
    name: 'module-level-state',
    violates: 'Then each sent value yields the average so far: the values sent to this averager, not to another one.',
    edits: [
      ['  let total = 0;\n  let count = 0;\n', ''],
      ['export function*', 'let total = 0;\nlet count = 0;\n\nexport function*'],
    ],
  },
] satisfies Mutant[];
