import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'zero-taken-as-stop',
    violates: 'averager2: 0 is a term, not a stop.',
    edits: [['if (term === STOP) break;', 'if (!term || term === STOP) break;']],
  },
  {
    name: 'stop-counted-as-term',
    violates: 'averager2: 10, 30, 6.5, STOP → { count: 3, average: 15.5 }.',
    edits: [
      ['    count += 1;\n', ''],
      ['const term = yield;', 'const term = yield;\n    count += 1;'],
    ],
  },
  {
    name: 'average-without-null-check',
    violates: 'averager2: STOP straight after priming → { count: 0, average: null }.',
    edits: [['count === 0 ? null : total / count', 'total / count']],
  },
  {
    name: 'module-level-state',
    violates: 'averager2: each averager counts only the terms sent to it (STOP straight after priming → { count: 0, average: null }).',
    edits: [
      ['  let total = 0;\n  let count = 0;\n', ''],
      ['export function* averager2', 'let total = 0;\nlet count = 0;\n\nexport function* averager2'],
    ],
  },
  {
    name: 'stop-iteration-without-name',
    violates: "StopIteration is an Error whose name is 'StopIteration'.",
    edits: [["override readonly name = 'StopIteration';", '']],
  },
  {
    name: 'send-without-stop-iteration',
    violates: 'send(gen, v): when the generator finishes it throws StopIteration carrying the return value.',
    edits: [['if (result.done) throw new StopIteration(result.value);', '']],
  },
  {
    name: 'result-of-without-priming',
    violates: 'resultOf(gen, inputs) primes gen, then sends each input in order with send.',
    edits: [['    send(gen, undefined);\n', '']],
  },
  {
    name: 'result-of-swallows-exhaustion',
    violates: 'If the inputs run out before the generator finishes, resultOf throws Error (message contains `did not finish`).',
    edits: [["throw new Error('resultOf: the generator did not finish before its inputs ran out');", 'return undefined as R;']],
  },
] satisfies Mutant[];
