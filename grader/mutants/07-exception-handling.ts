import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'catches-every-error',
    violates: 'Any other error thrown in propagates as the very same object, and the generator is closed.',
    edits: [['if (!(error instanceof DemoException)) throw error;', '']],
  },
  {
    name: 'exact-class-check',
    violates: 'throw(new DemoException()) (or a subclass) pushes `*** DemoException handled. Continuing...`.',
    edits: [['if (!(error instanceof DemoException))', 'if ((error as object | null)?.constructor !== DemoException)']],
  },
  {
    name: 'logs-received-after-handling',
    violates: 'After a handled DemoException nothing else is logged for that round (the Python else branch does not run).',
    edits: [['continue;', '']],
  },
  {
    name: 'error-tested-for-truthiness',
    violates: 'If fn throws (whatever it throws), attempt calls onError(error) and returns undefined.',
    edits: [
      ['let value: T;', 'let value!: T;\n    let failure: unknown;'],
      ['value = fn();\n    } catch (error) {', 'value = fn();\n    } catch (caught) {\n      failure = caught;\n    }\n    if (failure) {\n      const error = failure;'],
    ],
  },
  {
    name: 'on-else-inside-try',
    violates: 'An error thrown by onElse is not passed to onError: it propagates.',
    edits: [
      ['    hooks.onElse?.(value);\n', ''],
      ['value = fn();', 'value = fn();\n      hooks.onElse?.(value);'],
    ],
  },
  {
    name: 'finally-without-finally-block',
    violates: 'onFinally runs exactly once in every case, last, also when fn, onError or onElse throws.',
    edits: [
      ['    hooks.onFinally?.();\n', ''],
      ['hooks.onError(error);', 'hooks.onError(error);\n      hooks.onFinally?.();'],
      ['return value;', 'hooks.onFinally?.();\n    return value;'],
    ],
  },
] satisfies Mutant[];
