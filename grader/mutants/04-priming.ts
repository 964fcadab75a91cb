import type { Mutant } from '../src/mutants';

const coroutineWrapper = 'return function (this: unknown, ...args: A): Generator<Y, R, S> {\n    return prime(fn.apply(this, args));\n  };';
const primedWrapper = 'return function (this: This, ...args: A): Generator<Y, R, S> {\n    return prime(method.apply(this, args));\n  };';

export default [
  {
    name: 'coroutine-arrow-loses-this',
    violates: 'The function that coroutine(fn) returns calls fn with the same arguments and the same this.',
    edits: [[coroutineWrapper, 'return (...args: A) => prime(fn(...args));']],
  },
  {
    name: 'primed-arrow-loses-this',
    violates: 'primed is the same thing as a standard method decorator: the method sees its own instance as this.',
    edits: [[primedWrapper, 'return (...args: A) => prime(method.call(undefined as This, ...args));']],
  },
  {
    name: 'decorator-does-not-prime',
    violates: 'primed is the same thing as coroutine, as a method decorator: a @primed method hands back a primed generator.',
    edits: [[primedWrapper, 'return method;']],
  },
  {
    name: 'no-done-check',
    violates: 'If the generator is already done after priming, the call throws TypeError (message contains priming).',
    edits: [["if (first.done) throw new TypeError('The generator finished while priming, before its first yield.');", '']],
  },
  {
    name: 'primes-twice',
    violates: 'It calls next() on the generator exactly once, so the first value a caller sends is received by the body.',
    edits: [['const first = gen.next();', 'gen.next();\n  const first = gen.next();']],
  },
  {
    name: 'wraps-priming-error',
    violates: 'An exception thrown while priming propagates unchanged.',
    edits: [['const first = gen.next();', 'let first: IteratorResult<Y, R>;\n  try {\n    first = gen.next();\n  } catch (error) {\n    throw new Error(`priming failed: ${String(error)}`);\n  }']],
  },
] satisfies Mutant[];
