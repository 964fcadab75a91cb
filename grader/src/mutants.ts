/**
 * Known-wrong implementations ("mutants") as edits of the reference solution: one typed file
 * per exercise, `grader/mutants/NN-slug.ts`, whose default export is a `Mutant[]`. `verify`
 * applies each mutant's edits to `solutions/NN-slug/slug.ts` and checks that the result loses
 * points. Edits are exact replacements, so a mutant shows its one fault and nothing else, and
 * an edit whose `from` no longer occurs exactly once (the solution changed) is a verify fault.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type TypeScript from 'typescript';

export interface Mutant {
  /** Kebab-case, unique within the exercise: `forgets-to-prime` (never the name of a mutant of the kit: this file is in the handout). */
  name: string;
  /** The contract line the fault breaks, quoted or closely paraphrased from the exercise README. */
  violates: string;
  /** `[from, to]` pairs applied in order; each `from` must occur exactly once in the text so far. */
  edits: Array<[from: string, to: string]>;
  /**
   * What a student whose code makes this mistake reads (see ./report/diagnose.ts): one or two
   * sentences on what the code does wrong, in the README's terms, never naming the solution's
   * code or the mutant. Korean in 합니다체, with the glossary's terms (`verify` checks both).
   */
  explanation: Explanation;
}

/** A text a student reads, in each language of the course. */
export interface Explanation {
  en: string;
  ko: string;
}

/** An edit that could not be applied because its `from` does not occur exactly once. */
export interface EditProblem {
  /** Counted from 1, as people count edits. */
  edit: number;
  from: string;
  /** 0, or 2 when it occurs twice or more (counting stops there). */
  occurrences: number;
}

export interface EditedSource {
  text: string;
  problems: EditProblem[];
}

/** A mutant as read from its file, before verify has checked that it has its explanation. */
export type LoadedMutant = Omit<Mutant, 'explanation'> & { explanation?: Explanation };

export type MutantsFile = { ok: true; mutants: LoadedMutant[] } | { ok: false; problem: string };

// A name also becomes a folder in verify's scratch space: kebab-case cannot leave it.
const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The mutants of exercise `NN-slug` live in `grader/mutants/NN-slug.ts`. */
export function mutantsFileOf(mutantsDir: string, exerciseId: string): string {
  return path.join(mutantsDir, `${exerciseId}.ts`);
}

/** Occurrences of `from` in `text`, overlapping ones included, stopping at two. */
function occurrencesOf(text: string, from: string): number {
  const first = text.indexOf(from);
  if (first < 0) return 0;
  return text.indexOf(from, first + 1) < 0 ? 1 : 2;
}

/**
 * Applies the edits in order, each to the text the earlier ones left. An edit whose `from`
 * does not occur exactly once is skipped and reported; the others still apply, so one stale
 * edit does not hide the state of the rest.
 */
export function applyEdits(source: string, edits: Mutant['edits']): EditedSource {
  let text = source;
  const problems: EditProblem[] = [];
  edits.forEach(([from, to], index) => {
    const occurrences = occurrencesOf(text, from);
    if (occurrences !== 1) {
      problems.push({ edit: index + 1, from, occurrences });
      return;
    }
    // Slicing, not String#replace, which would read `$&` or `$'` in `to` as patterns.
    const at = text.indexOf(from);
    text = text.slice(0, at) + to + text.slice(at + from.length);
  });
  return { text, problems };
}

function shapeProblem(raw: unknown): string | undefined {
  if (!Array.isArray(raw)) return 'its default export must be an array of mutants (export default [ … ] satisfies Mutant[])';
  const seen = new Set<string>();
  for (const [index, entry] of raw.entries()) {
    const where = `mutant ${index + 1}`;
    if (typeof entry !== 'object' || entry === null) return `${where} is not an object`;
    const { name, violates, edits, explanation } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || !NAME.test(name)) return `${where} needs a kebab-case name such as "forgets-to-prime"`;
    if (seen.has(name)) return `two mutants are named "${name}"`;
    seen.add(name);
    if (typeof violates !== 'string' || violates.trim() === '') return `${name}: violates must name the contract line it breaks`;
    if (!Array.isArray(edits) || edits.length === 0) return `${name}: edits must be a non-empty list of [from, to] pairs`;
    const bad = edits.findIndex((e) => !Array.isArray(e) || e.length !== 2 || typeof e[0] !== 'string' || e[0] === '' || typeof e[1] !== 'string');
    if (bad >= 0) return `${name}: edit ${bad + 1} must be a [from, to] pair of strings with a non-empty from`;
    // A missing explanation is verify's to report, mutant by mutant (../commands/verify-mistakes.ts);
    // one of the wrong shape would break whoever reads it.
    if (explanation !== undefined) {
      const { en, ko } = (explanation ?? {}) as Record<string, unknown>;
      if (typeof explanation !== 'object' || explanation === null || typeof en !== 'string' || typeof ko !== 'string') {
        return `${name}: explanation must be { en: '…', ko: '…' }`;
      }
    }
  }
  return undefined;
}

/**
 * Reads one exercise's mutants. A missing file means no mutants (verify then reports that the
 * exercise has too few); a file that does not compile, throws, or has the wrong shape comes
 * back as a one-line problem, which verify lists under the file's name.
 */
export function loadMutantsFile(file: string): MutantsFile {
  if (!fs.existsSync(file)) return { ok: true, mutants: [] };
  // Loaded here rather than at the top: every command loads this module through the CLI,
  // and TypeScript takes longer to load than the rest of the grader.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof TypeScript;
  const { outputText, diagnostics = [] } = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const [syntaxError] = diagnostics;
  if (syntaxError) {
    const line = syntaxError.file && syntaxError.start !== undefined ? syntaxError.file.getLineAndCharacterOfPosition(syntaxError.start).line + 1 : '?';
    return { ok: false, problem: `line ${line}: ${ts.flattenDiagnosticMessageText(syntaxError.messageText, ' ')}` };
  }
  const module = { exports: {} as Record<string, unknown> };
  const refuseImports = (id: string): never => {
    throw new Error(`require("${id}"): a mutants file may import only types`);
  };
  try {
    const evaluate = vm.runInThisContext(`(function (exports, require, module) {${outputText}\n})`, { filename: file }) as (
      exports: unknown,
      require: (id: string) => never,
      module: unknown,
    ) => void;
    evaluate(module.exports, refuseImports, module);
  } catch (error) {
    // Read the message by shape: code run by `vm` may throw an Error of another realm.
    const message = (error as { message?: unknown } | null)?.message;
    return { ok: false, problem: `loading it threw: ${typeof message === 'string' ? message : String(error)}` };
  }
  const problem = shapeProblem(module.exports.default);
  return problem ? { ok: false, problem } : { ok: true, mutants: module.exports.default as LoadedMutant[] };
}
