import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'log-has-no-default',
    violates: 'coroutine2(x, log?): the log is optional.',
    edits: [['log: string[] = []', 'log?: string[]']],
  },
  {
    name: 'no-return-value',
    violates: 'next(30): pushes `received: 30`, returns x + y + z: { value: 80, done: true }.',
    edits: [['return x + y + z;', 'return undefined as unknown as number;']],
  },
  {
    name: 'yields-the-total',
    violates: 'next(30): pushes `received: 30`, returns x + y + z: { value: 80, done: true }.',
    edits: [['return x + y + z;', 'yield x + y + z;\n  return x + y + z;']],
  },
  {
    name: 'primes-itself',
    violates: 'Creating it runs nothing: log stays empty.',
    edits: [
      ['export function* coroutine2(x: number, log: string[] = [])', 'function* body(x: number, log: string[])'],
      ['return x + y + z;\n}', 'return x + y + z;\n}\n\nexport function coroutine2(x: number, log: string[] = []): Generator<number, number, number> {\n  const gen = body(x, log);\n  gen.next();\n  return gen;\n}'],
    ],
  },
  {
    name: 'shared-module-state',
    violates: 'next(20): pushes `received: 20`, yields x + y (each coroutine keeps its own y and z).',
    edits: [
      ['export function*', 'let y = 0;\nlet z = 0;\n\nexport function*'],
      ['const y = yield x;', 'y = yield x;'],
      ['const z = yield x + y;', 'z = yield x + y;'],
    ],
  },
] satisfies Mutant[];
