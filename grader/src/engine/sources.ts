/**
 * The TypeScript files a grading run executes, compiled by the grader before the run
 * (../protocol/plan.ts, `SourcesRef`). Compiled output is kept in the kit's cache by the
 * content it came from, so a file unchanged since the last grade costs no compile, and a grade
 * of unchanged files never loads TypeScript at all.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { GRADER_ROOT, type Kit } from '../kit';
import { compileFingerprint, type Compiled } from '../protocol/compile';
import type { CompiledSources } from '../protocol/plan';
import type { TypeScriptThread } from './typescript';

export interface SourceFile {
  /** Where the grader reads it. */
  file: string;
  /** Where the runner will load it from (inside the sandbox, another path). */
  seenAs: string;
  /** One of the grader's own files: the runner runs it as read now, whatever is on disk later. */
  trusted: boolean;
}

function tsFilesUnder(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.split(path.sep).includes('node_modules'))
    .map((name) => path.join(dir, name))
    .filter((file) => fs.lstatSync(file).isFile());
}

/**
 * The grader's own files a hidden spec may load: the kit's specs folder, and the specs'
 * support and the protocol it imports, from the grader itself (a test kit's specs import them).
 */
function trustedFiles(kit: Kit): SourceFile[] {
  const dirs = [kit.specsDir, path.join(GRADER_ROOT, 'specs', 'support'), path.join(GRADER_ROOT, 'src', 'protocol')];
  return [...new Set(dirs.map((dir) => path.resolve(dir)))].flatMap(tsFilesUnder).map((file) => ({ file, seenAs: file, trusted: true }));
}

/** The grader's own files, compiled once for a whole grade: every runner of a class shares them, as read at its start. */
export function compileTrusted(kit: Kit, thread: TypeScriptThread): Promise<CompiledSources> {
  return compileSources(trustedFiles(kit), thread, kit.cacheDirectory);
}

/** The `.ts` files of one exercise's folder in a target. */
export function exerciseSources(targetDir: string, exerciseId: string): string[] {
  return tsFilesUnder(path.join(targetDir, exerciseId));
}

/**
 * Keyed by how files are compiled, the file's name (its source map names it) and its text (by
 * hash), not by its folder: the same file staged for another run, or another student's copy of
 * it, compiles the same. What names the folder too, a syntax error, is never cached.
 */
function cacheFileOf(cacheDirectory: string, file: string, textSha1: string): string {
  const key = crypto.createHash('sha1').update(`${compileFingerprint()}\u0000${path.basename(file)}\u0000${textSha1}`).digest('hex');
  return path.join(cacheDirectory, 'compiled', key.slice(0, 2), `${key}.json`);
}

function readCached(cacheFile: string): Compiled | undefined {
  try {
    return JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as Compiled;
  } catch {
    return undefined;
  }
}

/** Compiles (or finds in the cache) every file; the TypeScript thread starts only for a cache miss. */
export async function compileSources(files: SourceFile[], thread: TypeScriptThread, cacheDirectory: string): Promise<CompiledSources> {
  const sources: CompiledSources = {};
  const missing: Array<{ source: SourceFile; text: string; sha1: string; cacheFile: string }> = [];
  for (const source of files) {
    let text: string;
    try {
      text = fs.readFileSync(source.file, 'utf8');
    } catch {
      continue;
    }
    const sha1 = crypto.createHash('sha1').update(text).digest('hex');
    const cacheFile = cacheFileOf(cacheDirectory, source.file, sha1);
    const cached = readCached(cacheFile);
    if (cached) sources[source.seenAs] = { sha1, ...cached, ...(source.trusted ? { trusted: true as const } : {}) };
    else missing.push({ source, text, sha1, cacheFile });
  }
  if (missing.length > 0) {
    const compiled = await thread.compile(missing.map(({ source, text }) => ({ file: source.file, text })));
    missing.forEach(({ source, sha1, cacheFile }, i) => {
      const output = compiled[i]!;
      sources[source.seenAs] = { sha1, ...output, ...(source.trusted ? { trusted: true as const } : {}) };
      // Its message names this path: another path with the same text must compile its own.
      if (output.syntaxError) return;
      try {
        fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
        writeFileAtomic.sync(cacheFile, JSON.stringify(output));
      } catch {
        // A cache that cannot be written only costs the next run a compile.
      }
    });
  }
  return sources;
}
