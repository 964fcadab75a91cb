import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'falsy-check',
    violates: 'Sending something that is not of type number throws TypeError (0 is a number and is added).',
    edits: [["if (typeof value !== 'number') {", 'if (!value) {']],
  },
  {
    name: 'no-type-check',
    violates: 'Sending something that is not of type number (a bare next(), a string) throws TypeError.',
    edits: [["if (typeof value !== 'number') {", 'if (false) {']],
  },
  {
    name: 'catches-and-continues',
    violates: 'Sending something that is not of type number throws TypeError; the generator is then closed.',
    edits: [
      ["if (typeof value !== 'number') {", "try {\n      if (typeof value !== 'number') {"],
      ['total += value;', 'total += value;\n    } catch {\n      // the bad value is dropped and the total kept\n    }'],
    ],
  },
  {
    name: 'ignores-start',
    violates: 'Priming yields start (default 0).',
    edits: [['let total = start;', 'let total = 0;']],
  },
  {
    name: 'module-level-total',
    violates: 'Every instance has its own total.',
    edits: [
      ['export function*', 'let total = 0;\n\nexport function*'],
      ['let total = start;', 'total = start;'],
    ],
  },
] satisfies Mutant[];
