import type { Mutant } from '../src/mutants';

const guard = "if (this.#state === 'GEN_RUNNING') throw new TypeError('TrackedGenerator is already executing');";

export default [
  {
    name: 'never-marks-running',
    violates: 'While its body runs (read from inside the body) it is GEN_RUNNING.',
    explanation: {
      en: "Your wrapper never reports `GEN_RUNNING`: while the body runs, code in the body that reads the wrapper's `state` must see `GEN_RUNNING`.",
      ko: '래퍼가 `GEN_RUNNING`을 한 번도 알리지 않습니다. 본문이 실행되는 동안 본문 안에서 래퍼의 `state`를 읽으면 `GEN_RUNNING`이어야 합니다.',
    },
    edits: [
      ["#state: GeneratorState = 'GEN_CREATED';", "#state: GeneratorState = 'GEN_CREATED';\n  #busy = false;"],
      ["if (this.#state === 'GEN_RUNNING')", 'if (this.#busy)'],
      ["this.#state = 'GEN_RUNNING';", 'this.#busy = true;'],
      ['      throw error;\n    }', '      throw error;\n    } finally {\n      this.#busy = false;\n    }'],
    ],
  },
  {
    name: 'exception-leaves-running',
    violates: 'Once an exception escapes the body, it is GEN_CLOSED.',
    explanation: {
      en: 'After an exception escapes the body, your wrapper still says `GEN_RUNNING`. It must be `GEN_CLOSED`, and the exception reaches the caller unchanged.',
      ko: '예외가 본문 밖으로 빠져나온 뒤에도 래퍼가 `GEN_RUNNING`이라고 합니다. 그때는 `GEN_CLOSED`여야 하고, 예외는 그대로 호출자에게 전달되어야 합니다.',
    },
    edits: [["this.#state = 'GEN_CLOSED';", '']],
  },
  {
    name: 'throw-primes-created',
    violates: 'throw(e) on a created one closes it without running the body, and throws e.',
    explanation: {
      en: 'Your `throw(e)` on a wrapper that was just created runs the body first. On a created wrapper it closes it without running the body, and throws `e`.',
      ko: '생성 상태의 래퍼에 `throw(e)`를 부르면 본문을 먼저 실행합니다. 생성 상태에서는 본문을 실행하지 않고 닫은 뒤 `e`를 던져야 합니다.',
    },
    edits: [['return this.#resume(() => this.#gen.throw(error));', "if (this.#state === 'GEN_CREATED') {\n      const started = this.next();\n      if (started.done) throw error;\n    }\n    return this.#resume(() => this.#gen.throw(error));"]],
  },
  {
    name: 'return-always-closes',
    violates: 'return(v) closes it, unless a finally in the body yields: then the result has done: false and the state is GEN_SUSPENDED.',
    explanation: {
      en: 'Your `return(v)` always marks the wrapper `GEN_CLOSED`, even when a `finally` in the body yields; then the result has `done: false` and the state is `GEN_SUSPENDED`.',
      ko: '`return(v)`가 언제나 래퍼를 `GEN_CLOSED`로 만듭니다. 본문의 `finally`가 `yield`하면 결과는 `done: false`이고 상태는 `GEN_SUSPENDED`여야 합니다.',
    },
    edits: [['return this.#resume(() => this.#gen.return(value));', "const result = this.#resume(() => this.#gen.return(value));\n    this.#state = 'GEN_CLOSED';\n    return result;"]],
  },
  {
    name: 'closed-forwards-to-generator',
    violates: 'On a closed one, next(), return(v) and throw(e) answer by themselves; none of them touch the wrapped generator.',
    explanation: {
      en: 'Your closed wrapper still passes `next()`, `return(v)` or `throw(e)` on to the wrapped generator. Once it is closed, the wrapper answers them by itself.',
      ko: '닫힌 래퍼가 `next()`, `return(v)`, `throw(e)`를 여전히 감싼 제너레이터에 넘깁니다. 닫힌 뒤에는 래퍼가 직접 답해야 합니다.',
    },
    edits: [
      ["if (this.#state === 'GEN_CLOSED') return { value: undefined as R, done: true };", ''],
      ["if (this.#state === 'GEN_CLOSED') throw error;", ''],
      ["if (this.#state === 'GEN_CLOSED') return { value, done: true };", ''],
    ],
  },
  {
    name: 'closed-throw-returns-done',
    violates: 'On a closed one, throw(e) throws e.',
    explanation: {
      en: 'Your closed wrapper answers `throw(e)` with a `done` result; on a closed wrapper, `throw(e)` throws `e`.',
      ko: '닫힌 래퍼가 `throw(e)`에 `done` 결과로 답합니다. 닫힌 래퍼에서 `throw(e)`는 `e`를 던져야 합니다.',
    },
    edits: [["if (this.#state === 'GEN_CLOSED') throw error;", "if (this.#state === 'GEN_CLOSED') return { value: undefined as R, done: true };"]],
  },
  {
    name: 'no-reentrancy-guard',
    violates: 'Calling next, throw or return on the wrapper from inside its own running body throws TypeError (already executing) without touching the wrapped generator.',
    explanation: {
      en: 'When its own running body calls `next`, `throw` or `return` on it, your wrapper passes the call on to the generator. It must throw a `TypeError` containing `already executing` instead, without touching the wrapped generator.',
      ko: '실행 중인 본문이 자기 래퍼의 `next`, `throw`, `return`을 부르면 래퍼가 그 호출을 제너레이터에 넘깁니다. 감싼 제너레이터는 건드리지 말고 메시지에 `already executing`이 들어간 `TypeError`를 던져야 합니다.',
    },
    edits: [[guard, '']],
  },
  {
    name: 'guard-only-on-next',
    violates: 'Calling throw or return (not only next) on the wrapper from inside its own running body throws TypeError without touching the wrapped generator.',
    explanation: {
      en: 'Your wrapper refuses `next` from inside its running body but lets `throw` and `return` through. All three must throw the `TypeError` (`already executing`) without touching the wrapped generator.',
      ko: '래퍼가 실행 중인 본문 안에서 부른 `next`는 막지만 `throw`와 `return`은 통과시킵니다. 셋 모두 감싼 제너레이터를 건드리지 않고 `TypeError`(`already executing`)를 던져야 합니다.',
    },
    edits: [
      [guard, ''],
      ['return this.#resume(() => this.#gen.next(...args));', `${guard}\n    return this.#resume(() => this.#gen.next(...args));`],
    ],
  },
] satisfies Mutant[];
