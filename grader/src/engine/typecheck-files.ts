/**
 * The type check itself, run in the worker thread: a TypeScript program over the graded
 * files only. An incremental build-info file in the kit's cache makes the next check quick.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import ts from 'typescript';
import type { TypeError } from '../report/outcome';
import type { TypecheckRequest } from './typescript';

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  isolatedModules: true,
  types: [],
  incremental: true,
};

/** Declares console and timers: see the file for why not the Node.js typings. */
const STUDENT_GLOBALS = path.join(__dirname, '..', '..', 'types', 'student-globals.d.ts');

/** Runs in the worker (and directly in tests): the diagnostics of the given files only. */
export function typecheckFiles(request: TypecheckRequest): TypeError[] {
  const key = crypto.createHash('sha1').update(request.targetDir).digest('hex').slice(0, 12);
  const options: ts.CompilerOptions = {
    ...COMPILER_OPTIONS,
    tsBuildInfoFile: path.join(request.cacheDirectory, `typecheck-${key}.tsbuildinfo`),
  };
  const host = ts.createIncrementalCompilerHost(options);
  const rootNames = [...request.files, STUDENT_GLOBALS];
  const program = ts.createIncrementalProgram({ rootNames, options, host });
  const wanted = new Set(request.files.map((f) => path.resolve(f)));
  const diagnostics = [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics()];
  program.emit(); // writes only the build-info file (noEmit), for next time
  return diagnostics
    .filter((d) => d.file && wanted.has(path.resolve(d.file.fileName)))
    .map((d) => {
      const { line, character } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      return {
        file: path.relative(request.targetDir, d.file!.fileName).split(path.sep).join('/'),
        line: line + 1,
        column: character + 1,
        message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
      };
    });
}

