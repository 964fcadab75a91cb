import type { Mutant } from '../src/mutants';

const coroutineWrapper = 'return function (this: unknown, ...args: A): Generator<Y, R, S> {\n    return prime(fn.apply(this, args));\n  };';
const primedWrapper = 'return function (this: This, ...args: A): Generator<Y, R, S> {\n    return prime(method.apply(this, args));\n  };';

export default [
  {
    name: 'coroutine-arrow-loses-this',
    violates: 'The function that coroutine(fn) returns calls fn with the same arguments and the same this.',
    explanation: {
      en: 'The function your `coroutine(fn)` returns calls `fn` without the `this` it was called with; it passes on the same arguments and the same `this`.',
      ko: '`coroutine(fn)`이 돌려주는 함수가 자신이 받은 `this` 없이 `fn`을 호출합니다. 같은 인자와 같은 `this`로 호출해야 합니다.',
    },
    edits: [[coroutineWrapper, 'return (...args: A) => prime(fn(...args));']],
  },
  {
    name: 'primed-arrow-loses-this',
    violates: 'primed is the same thing as a standard method decorator: the method sees its own instance as this.',
    explanation: {
      en: 'A method decorated with your `@primed` does not see its instance as `this`. Like any method decorator, the replacement calls the method with the instance as `this`.',
      ko: '`@primed`를 붙인 메서드가 자기 인스턴스를 `this`로 보지 못합니다. 다른 메서드 데코레이터처럼, 바꿔 넣은 메서드는 인스턴스를 `this`로 하여 원래 메서드를 호출해야 합니다.',
    },
    edits: [[primedWrapper, 'return (...args: A) => prime(method.call(undefined as This, ...args));']],
  },
  {
    name: 'decorator-does-not-prime',
    violates: 'primed is the same thing as coroutine, as a method decorator: a @primed method hands back a primed generator.',
    explanation: {
      en: 'Your `@primed` method hands back a generator that is not primed; like `coroutine`, it calls `next()` once before handing the generator back.',
      ko: '`@primed` 메서드가 프라이밍하지 않은 제너레이터를 돌려줍니다. `coroutine`처럼, 돌려주기 전에 `next()`를 한 번 불러야 합니다.',
    },
    edits: [[primedWrapper, 'return method;']],
  },
  {
    name: 'no-done-check',
    violates: 'If the generator is already done after priming, the call throws TypeError (message contains priming).',
    explanation: {
      en: 'When the generator is already done after priming (its body never reached a `yield`), your `coroutine` hands it back anyway; it must throw a `TypeError` whose message contains `priming`.',
      ko: '프라이밍한 뒤 제너레이터가 이미 끝났는데도(본문이 `yield`에 한 번도 닿지 않았는데도) `coroutine`이 그대로 돌려줍니다. 그때는 메시지에 `priming`이 들어간 `TypeError`를 던져야 합니다.',
    },
    edits: [["if (first.done) throw new TypeError('The generator finished while priming, before its first yield.');", '']],
  },
  {
    name: 'primes-twice',
    violates: 'It calls next() on the generator exactly once, so the first value a caller sends is received by the body.',
    explanation: {
      en: 'Your `coroutine` calls `next()` more than once while priming, so the first value a caller sends never reaches the body. Prime with exactly one `next()`.',
      ko: '`coroutine`이 프라이밍하면서 `next()`를 두 번 이상 불러서, 호출자가 처음 보낸 값이 본문에 닿지 않습니다. 프라이밍은 `next()` 한 번으로 해야 합니다.',
    },
    edits: [['const first = gen.next();', 'gen.next();\n  const first = gen.next();']],
  },
  {
    name: 'wraps-priming-error',
    violates: 'An exception thrown while priming propagates unchanged.',
    explanation: {
      en: 'When the body throws while it is being primed, your `coroutine` wraps the exception in another error. It must reach the caller unchanged: the same object.',
      ko: '프라이밍하는 동안 본문이 던진 예외를 `coroutine`이 다른 에러로 감쌉니다. 예외는 같은 객체 그대로 호출자에게 전달되어야 합니다.',
    },
    edits: [['const first = gen.next();', 'let first: IteratorResult<Y, R>;\n  try {\n    first = gen.next();\n  } catch (error) {\n    throw new Error(`priming failed: ${String(error)}`);\n  }']],
  },
] satisfies Mutant[];
