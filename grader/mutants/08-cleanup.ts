import type { Mutant } from '../src/mutants';

const endingInFinally = "    log.push('-> coroutine ending');\n  }\n}";

export default [
  {
    name: 'cleanup-in-catch',
    violates: 'return() on a primed one pushes `-> coroutine ending` exactly once; breaking out of a for…of over it runs the cleanup.',
    edits: [
      ['} finally {', '} catch (error) {'],
      [endingInFinally, "    log.push('-> coroutine ending');\n    throw error;\n  }\n}"],
    ],
  },
  {
    name: 'demo-exception-ends-the-loop',
    violates: 'A DemoException thrown in is handled (no ending line).',
    edits: [['continue;', 'return;']],
  },
  {
    name: 'finally-inside-loop',
    violates: 'demoFinally wraps its loop in try { … } finally { … } that pushes `-> coroutine ending`: once, when the coroutine ends.',
    edits: [
      [endingInFinally, '  }\n}'],
      ['continue;\n      }', "continue;\n      } finally {\n        log.push('-> coroutine ending');\n      }"],
    ],
  },
  {
    name: 'close-ignores-yield',
    violates: 'If the generator yields instead of finishing, close throws Error (message contains `generator ignored GeneratorExit`).',
    edits: [['if (!result.done) {', 'if (false) {']],
  },
  {
    name: 'close-swallows-errors',
    violates: "An error thrown by the generator's finally propagates out of close.",
    edits: [['const result = gen.return(undefined);', "let result: IteratorResult<unknown, unknown> = { value: undefined, done: true };\n  try {\n    result = gen.return(undefined);\n  } catch {\n    // close must never fail\n  }"]],
  },
  {
    name: 'close-throws-generator-exit',
    violates: 'close(gen) ends the generator with return(), so only its finally blocks run, not its catch blocks.',
    edits: [['const result = gen.return(undefined);', 'const exit = new (class GeneratorExit extends Error {})();\n  let result: IteratorResult<unknown, unknown>;\n  try {\n    result = gen.throw(exit);\n  } catch (error) {\n    if (error === exit) return;\n    throw error;\n  }']],
  },
] satisfies Mutant[];
