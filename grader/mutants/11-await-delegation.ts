import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'plain-values-not-deferred',
    violates: 'run: any other yielded value is sent back as is, after a tick.',
    edits: [['result = resume();', "result = resume();\n        while (!result.done && typeof (result.value as { then?: unknown } | null)?.then !== 'function') result = gen.next(result.value);"]],
  },
  {
    name: 'thenables-not-awaited',
    violates: 'run: a yielded promise or thenable is awaited and its value sent back in.',
    edits: [['Promise.resolve(result.value).then(', 'const value = result.value;\n      if (!(value instanceof Promise)) {\n        queueMicrotask(() => step(() => gen.next(value)));\n        return;\n      }\n      value.then(']],
  },
  {
    name: 'rejection-not-thrown-in',
    violates: 'run: a rejection is thrown into the generator at that yield, where it can be caught.',
    edits: [['(error: unknown) => step(() => gen.throw(error)),', '(error: unknown) => reject(error),']],
  },
  {
    name: 'throws-synchronously',
    violates: 'run rejects with the very error that escapes the generator, and never throws synchronously.',
    edits: [
      ['return new Promise<R>((resolve, reject) => {\n    const gen = genFn();', 'const gen = genFn();\n  const first = gen.next();\n  return new Promise<R>((resolve, reject) => {'],
      ['step(() => gen.next());', 'step(() => first);'],
    ],
  },
  {
    name: 'zero-taken-as-stop',
    violates: 'asyncAverager is averager2 with async function*: 0 is a term, not a stop.',
    edits: [['if (term === STOP) break;', 'if (!term || term === STOP) break;']],
  },
  {
    name: 'key-set-before-stop',
    violates: 'asyncGrouper stores results[key] = yield* asyncAverager(): the key does not exist before the first STOP.',
    edits: [['results[key] = yield*', 'results[key] = { count: 0, average: null };\n    results[key] = yield*']],
  },
] satisfies Mutant[];
