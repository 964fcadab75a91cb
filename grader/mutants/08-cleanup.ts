import type { Mutant } from '../src/mutants';

const endingInFinally = "    log.push('-> coroutine ending');\n  }\n}";

export default [
  {
    name: 'cleanup-in-catch',
    violates: 'return() on a primed one pushes `-> coroutine ending` exactly once; breaking out of a for…of over it runs the cleanup.',
    explanation: {
      en: 'Your `demoFinally` does its cleanup in a `catch`, so `return()` (and leaving a `for…of` early) ends it without the `-> coroutine ending` line. Put the cleanup in a `finally`, which `return()` runs.',
      ko: '`demoFinally`가 뒷정리를 `catch`에서 해서, `return()`으로 끝낼 때(`for…of`에서 일찍 빠져나올 때도) `-> coroutine ending` 줄이 남지 않습니다. 뒷정리는 `return()`이 실행하는 `finally`에 두어야 합니다.',
    },
    edits: [
      ['} finally {', '} catch (error) {'],
      [endingInFinally, "    log.push('-> coroutine ending');\n    throw error;\n  }\n}"],
    ],
  },
  {
    name: 'demo-exception-ends-the-loop',
    violates: 'A DemoException thrown in is handled (no ending line).',
    explanation: {
      en: 'Your `demoFinally` ends after handling a `DemoException`. A handled `DemoException` lets it yield again and keep working, with no ending line.',
      ko: '`demoFinally`가 `DemoException`을 처리한 뒤 끝나 버립니다. 처리한 `DemoException` 뒤에는 다시 `yield`하며 계속 동작해야 하고, 끝 줄은 기록하지 않습니다.',
    },
    edits: [['continue;', 'return;']],
  },
  {
    name: 'finally-inside-loop',
    violates: 'demoFinally wraps its loop in try { … } finally { … } that pushes `-> coroutine ending`: once, when the coroutine ends.',
    explanation: {
      en: 'Your `demoFinally` has its `finally` inside the loop, so `-> coroutine ending` is logged every round. The `try … finally` wraps the whole loop: the line is logged once, when the coroutine ends.',
      ko: '`demoFinally`의 `finally`가 반복문 안에 있어서 `-> coroutine ending`이 차례마다 기록됩니다. `try … finally`는 반복문 전체를 감싸야 하고, 그 줄은 코루틴이 끝날 때 한 번만 기록됩니다.',
    },
    edits: [
      [endingInFinally, '  }\n}'],
      ['continue;\n      }', "continue;\n      } finally {\n        log.push('-> coroutine ending');\n      }"],
    ],
  },
  {
    name: 'close-ignores-yield',
    violates: 'If the generator yields instead of finishing, close throws Error (message contains `generator ignored GeneratorExit`).',
    explanation: {
      en: 'Your `close` says nothing when the generator yields instead of finishing. Then it must throw an `Error` whose message contains `generator ignored GeneratorExit`.',
      ko: '제너레이터가 끝나지 않고 `yield`해도 `close`가 아무 말을 하지 않습니다. 그때는 메시지에 `generator ignored GeneratorExit`이 들어간 `Error`를 던져야 합니다.',
    },
    edits: [['if (!result.done) {', 'if (false) {']],
  },
  {
    name: 'close-swallows-errors',
    violates: "An error thrown by the generator's finally propagates out of close.",
    explanation: {
      en: "Your `close` swallows an error thrown by the generator's `finally`; it must propagate out of `close` unchanged.",
      ko: '제너레이터의 `finally`가 던진 에러를 `close`가 삼킵니다. 그 에러는 그대로 `close` 밖으로 전파되어야 합니다.',
    },
    edits: [['const result = gen.return(undefined);', "let result: IteratorResult<unknown, unknown> = { value: undefined, done: true };\n  try {\n    result = gen.return(undefined);\n  } catch {\n    // close must never fail\n  }"]],
  },
  {
    name: 'close-throws-generator-exit',
    violates: 'close(gen) ends the generator with return(), so only its finally blocks run, not its catch blocks.',
    explanation: {
      en: 'Your `close` throws an exception into the generator, so its `catch` blocks run. End it with `return()`: only its `finally` blocks run.',
      ko: '`close`가 제너레이터 안으로 예외를 던져 넣어서 `catch` 블록이 실행됩니다. `return()`으로 끝내야 `finally` 블록만 실행됩니다.',
    },
    edits: [['const result = gen.return(undefined);', 'const exit = new (class GeneratorExit extends Error {})();\n  let result: IteratorResult<unknown, unknown>;\n  try {\n    result = gen.throw(exit);\n  } catch (error) {\n    if (error === exit) return;\n    throw error;\n  }']],
  },
] satisfies Mutant[];
