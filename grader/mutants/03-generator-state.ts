import type { Mutant } from '../src/mutants';

const guard = "if (this.#state === 'GEN_RUNNING') throw new TypeError('TrackedGenerator is already executing');";

export default [
  {
    name: 'never-marks-running',
    violates: 'While its body runs (read from inside the body) it is GEN_RUNNING.',
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
    edits: [["this.#state = 'GEN_CLOSED';", '']],
  },
  {
    name: 'throw-primes-created',
    violates: 'throw(e) on a created one closes it without running the body, and throws e.',
    edits: [['return this.#resume(() => this.#gen.throw(error));', "if (this.#state === 'GEN_CREATED') {\n      const started = this.next();\n      if (started.done) throw error;\n    }\n    return this.#resume(() => this.#gen.throw(error));"]],
  },
  {
    name: 'return-always-closes',
    violates: 'return(v) closes it, unless a finally in the body yields: then the result has done: false and the state is GEN_SUSPENDED.',
    edits: [['return this.#resume(() => this.#gen.return(value));', "const result = this.#resume(() => this.#gen.return(value));\n    this.#state = 'GEN_CLOSED';\n    return result;"]],
  },
  {
    name: 'closed-forwards-to-generator',
    violates: 'On a closed one, next(), return(v) and throw(e) answer by themselves; none of them touch the wrapped generator.',
    edits: [
      ["if (this.#state === 'GEN_CLOSED') return { value: undefined as R, done: true };", ''],
      ["if (this.#state === 'GEN_CLOSED') throw error;", ''],
      ["if (this.#state === 'GEN_CLOSED') return { value, done: true };", ''],
    ],
  },
  {
    name: 'closed-throw-returns-done',
    violates: 'On a closed one, throw(e) throws e.',
    edits: [["if (this.#state === 'GEN_CLOSED') throw error;", "if (this.#state === 'GEN_CLOSED') return { value: undefined as R, done: true };"]],
  },
  {
    name: 'no-reentrancy-guard',
    violates: 'Calling next, throw or return on the wrapper from inside its own running body throws TypeError (already executing) without touching the wrapped generator.',
    edits: [[guard, '']],
  },
  {
    name: 'guard-only-on-next',
    violates: 'Calling throw or return (not only next) on the wrapper from inside its own running body throws TypeError without touching the wrapped generator.',
    edits: [
      [guard, ''],
      ['return this.#resume(() => this.#gen.next(...args));', `${guard}\n    return this.#resume(() => this.#gen.next(...args));`],
    ],
  },
] satisfies Mutant[];
