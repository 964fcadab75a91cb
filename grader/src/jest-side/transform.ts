/**
 * The transform of every `.ts` file in a grading run, which Jest loads from this module. It
 * serves what the grader compiled before the run (../protocol/plan.ts, `SourcesRef`): the
 * runner never loads TypeScript for those. The grader's own files (hidden specs and what they
 * import) are served as they were when grading began, whatever is on disk by then: outside the
 * sandbox student code runs with the grader's rights, and could otherwise rewrite a spec that
 * a later exercise loads. Any other file is compiled here, the same way (../protocol/compile.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { compile, compileFingerprint, type Compiled } from '../protocol/compile';
import type { CompiledSources, SourcesRef } from '../protocol/plan';

let sources: CompiledSources = {};

const sha1 = (text: string): string => crypto.createHash('sha1').update(text).digest('hex');

/**
 * Reads the compiled sources the runner was handed, before any student code runs; the hash
 * catches a file changed between the grader writing it and the runner reading it.
 */
export function useSources(ref: SourcesRef): void {
  const text = fs.readFileSync(ref.file, 'utf8');
  if (crypto.createHash('sha256').update(text).digest('hex') !== ref.sha256) {
    throw new Error("The grader's compiled sources were changed before the run began; grade again.");
  }
  sources = JSON.parse(text) as CompiledSources;
}

/** What the grader compiled for this file, if it applies to this text. */
function served(text: string, file: string): Compiled | undefined {
  const known = sources[file];
  return known && (known.trusted || known.sha1 === sha1(text)) ? known : undefined;
}

interface TransformOptions {
  config: { cacheDirectory: string };
}

export function process(text: string, file: string): Pick<Compiled, 'code' | 'map'> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compiled = served(text, file) ?? compile(require('typescript') as typeof import('typescript'), text, file);
  return compiled.map ? { code: compiled.code, map: compiled.map } : { code: compiled.code };
}

/** Keyed by the code served (or, compiled here, by the text and how it compiles). */
export function getCacheKey(text: string, file: string, options: TransformOptions): string {
  const compiled = served(text, file);
  const what = compiled ? `served\u0000${compiled.code}\u0000${compiled.map ?? ''}` : `compiled\u0000${compileFingerprint()}\u0000${text}`;
  return sha1(`${file}\u0000${options.config.cacheDirectory}\u0000${what}`);
}

/** Jest takes a transformer module's exports as the transformer. */
export default { process, getCacheKey };
