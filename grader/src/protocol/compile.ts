/**
 * How a TypeScript file becomes the CommonJS a grading run executes: transpiled, never
 * type-checked (type errors are reported apart, by the type check). The grader compiles before
 * a run and the runner only falls back to it for a file the grader did not foresee; both use
 * this one function, so a file runs the same either way. TypeScript is passed in: loading it
 * costs a third of a second, which neither side pays unless it must.
 */
import crypto from 'node:crypto';
import type * as TypeScript from 'typescript';

export interface Compiled {
  code: string;
  map?: string;
  /** The file did not parse: `code` throws a SyntaxError that names the file by its path. */
  syntaxError?: true;
}

/**
 * A file TypeScript cannot parse compiles to code that throws a SyntaxError naming the file,
 * line and column, as the student's editor would: the file is then an `error` when a spec loads
 * it, with a message that points to the mistake.
 */
export function compile(ts: typeof TypeScript, text: string, fileName: string): Compiled {
  const output = ts.transpileModule(text, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      isolatedModules: true,
      sourceMap: true,
      inlineSources: false,
    },
  });
  const syntaxError = output.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error && d.file);
  if (syntaxError) {
    const { line, character } = syntaxError.file!.getLineAndCharacterOfPosition(syntaxError.start ?? 0);
    const message = `${fileName}:${line + 1}:${character + 1}: ${ts.flattenDiagnosticMessageText(syntaxError.messageText, ' ')}`;
    return { code: `throw new SyntaxError(${JSON.stringify(message)});\n`, syntaxError: true };
  }
  // Jest takes the map beside the code; the comment pointing at a file would mislead it.
  const code = output.outputText.replace(/\n\/\/# sourceMappingURL=.*$/, '');
  return output.sourceMapText ? { code, map: output.sourceMapText } : { code };
}

let fingerprint: string | undefined;

/**
 * What a compiled file's cache key must include besides its text: this function's own code and
 * TypeScript's version (read from its package.json: TypeScript itself is not loaded), so that a
 * change to either compiles again. Both the grader's cache and the runner's use it.
 */
export function compileFingerprint(): string {
  if (fingerprint === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { version } = require('typescript/package.json') as { version: string };
    fingerprint = crypto.createHash('sha1').update(`${compile.toString()}\u0000${version}`).digest('hex');
  }
  return fingerprint;
}
