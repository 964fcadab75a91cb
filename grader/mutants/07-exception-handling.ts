import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'catches-every-error',
    violates: 'Any other error thrown in propagates as the very same object, and the generator is closed.',
    explanation: {
      en: 'Your `demoExcHandling` handles every error thrown in, not only a `DemoException`. Any other error must come back out as the very same object, and the generator is then closed.',
      ko: '`demoExcHandling`이 `DemoException`뿐 아니라 던져 넣은 모든 에러를 처리합니다. 그 밖의 에러는 같은 객체 그대로 밖으로 나와야 하고, 제너레이터는 그 뒤로 닫혀야 합니다.',
    },
    edits: [['if (!(error instanceof DemoException)) throw error;', '']],
  },
  {
    name: 'exact-class-check',
    violates: 'throw(new DemoException()) (or a subclass) pushes `*** DemoException handled. Continuing...`.',
    explanation: {
      en: "Your `demoExcHandling` handles a `DemoException` but not an instance of a subclass of it. Test with `instanceof`, as Python's `except` does.",
      ko: '`demoExcHandling`이 `DemoException`은 처리하지만 그 하위 클래스의 인스턴스는 처리하지 않습니다. 파이썬의 `except`처럼 `instanceof`로 검사해야 합니다.',
    },
    edits: [['if (!(error instanceof DemoException))', 'if ((error as object | null)?.constructor !== DemoException)']],
  },
  {
    name: 'logs-received-after-handling',
    violates: 'After a handled DemoException nothing else is logged for that round (the Python else branch does not run).',
    explanation: {
      en: "After handling a `DemoException`, your `demoExcHandling` also logs a `received` line. Nothing else is logged that round: Python's `else` branch does not run.",
      ko: '`DemoException`을 처리한 뒤 `demoExcHandling`이 `received` 줄도 기록합니다. 그 차례에는 아무것도 더 기록하지 않아야 합니다. 파이썬의 `else` 절은 실행되지 않습니다.',
    },
    edits: [['continue;', '']],
  },
  {
    name: 'error-tested-for-truthiness',
    violates: 'If fn throws (whatever it throws), attempt calls onError(error) and returns undefined.',
    explanation: {
      en: 'Your `attempt` misses a failure when `fn` throws a falsy value such as `0` or `undefined`. Whatever `fn` throws, `onError` gets it and `attempt` returns `undefined`.',
      ko: '`fn`이 `0`이나 `undefined` 같은 falsy 값을 던지면 `attempt`가 실패를 놓칩니다. `fn`이 무엇을 던지든 `onError`가 받아야 하고, `attempt`는 `undefined`를 돌려줘야 합니다.',
    },
    edits: [
      ['let value: T;', 'let value!: T;\n    let failure: unknown;'],
      ['value = fn();\n    } catch (error) {', 'value = fn();\n    } catch (caught) {\n      failure = caught;\n    }\n    if (failure) {\n      const error = failure;'],
    ],
  },
  {
    name: 'on-else-inside-try',
    violates: 'An error thrown by onElse is not passed to onError: it propagates.',
    explanation: {
      en: "Your `attempt` passes an error thrown by `onElse` to `onError`. Like Python's `else` clause, `onElse` runs outside the `try`: its error propagates.",
      ko: '`attempt`가 `onElse`에서 난 에러를 `onError`에 넘깁니다. 파이썬의 `else` 절처럼 `onElse`는 `try` 밖에서 실행되므로, 그 에러는 밖으로 전파되어야 합니다.',
    },
    edits: [
      ['    hooks.onElse?.(value);\n', ''],
      ['value = fn();', 'value = fn();\n      hooks.onElse?.(value);'],
    ],
  },
  {
    name: 'finally-without-finally-block',
    violates: 'onFinally runs exactly once in every case, last, also when fn, onError or onElse throws.',
    explanation: {
      en: 'Your `attempt` skips `onFinally` when `fn`, `onError` or `onElse` throws. `onFinally` runs exactly once in every case, last, as a `finally` block does.',
      ko: '`fn`, `onError`, `onElse` 중 하나가 예외를 던지면 `attempt`가 `onFinally`를 건너뜁니다. `onFinally`는 `finally` 블록처럼 어떤 경우에도 마지막에 정확히 한 번 실행되어야 합니다.',
    },
    edits: [
      ['    hooks.onFinally?.();\n', ''],
      ['hooks.onError(error);', 'hooks.onError(error);\n      hooks.onFinally?.();'],
      ['return value;', 'hooks.onFinally?.();\n    return value;'],
    ],
  },
] satisfies Mutant[];
