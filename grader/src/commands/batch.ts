/**
 * `batch <dir>`: grade a whole class. Every subfolder of `<dir>` is one submission, with its
 * `exercises/` at the top or in a folder alone inside it (an unzipped download); a folder that is
 * a batch's output (`--out`, or any folder holding gradebook.csv and reports/) is skipped by name.
 * Their exercise sources are staged into a scratch folder each and graded in one call to the
 * engine: each submission in a runner process of its own (sandboxed by default), one per core
 * side by side, all sharing the grader's compiled specs and its TypeScript thread. Each
 * submission's report is written as soon as it is graded, so an interrupted batch run keeps
 * what it finished; run again, it skips every submission whose sources (and the kit's specs)
 * have not changed. A submission that cannot be read, or has none of the exercise files, is a
 * problem row of the gradebook and a line on stderr, never a silent zero. `--shard i/n` grades
 * every n-th submission, for a CI matrix; `merge` joins the shards' folders, naming duplicates
 * and refusing conflicting reports unless told to keep the newer.
 *
 * Written to `--out`: reports/<submission>.json, problems/<submission>.json (a submission that
 * could not be graded), gradebook.csv, misconceptions.csv (the known mistakes the class makes),
 * class-report.html. It ends by naming the three known mistakes made most.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import writeFileAtomic from 'write-file-atomic';
import { selectExercises, sourceFileOf, type Course, type Exercise } from '../course';
import { UsageError } from '../errors';
import { gradeTargets } from '../engine/grade';
import type { GradeReport } from '../report/report';
import { chooseSandbox } from '../engine/sandbox';
import { fingerprintOf, readSources, stageSources, type SubmissionSources } from '../engine/submission';
import { specFileOf, type Kit } from '../kit';
import { renderClassReport } from '../render/class-report';
import { gradedSubmissions, renderGradebookCsv, renderMisconceptionsCsv, type Gradebook, type SubmissionResult } from '../render/gradebook';
import { misconceptions } from '../report/class-stats';
import { signaturesFileOf } from '../signatures';
import { loadContext, type CommandContext } from './context';
import { scratchFolder } from '../engine/lifetime';

export interface BatchOptions {
  dir: string;
  out: string;
  exercise?: string[];
  timeout?: number;
  shard?: string;
  /** Show a progress bar (on a terminal). */
  progress: boolean;
  /** Grade in the sandbox (`--no-sandbox` sets it false). */
  sandbox: boolean;
}

/** A per-submission report file: the grade report plus what it was made from. */
interface SubmissionFile extends GradeReport {
  submission: string;
  fingerprint: string;
  /** When it was graded (ISO 8601): `merge --prefer-newer` keeps the newer of two. */
  gradedAt?: string;
  /** Exercise files left out of the grade, and why: the gradebook's problem column shows it. */
  problem?: string;
}

/** A submission that could not be graded at all, and why: a problem row of the gradebook. */
interface ProblemFile {
  problemVersion: 1;
  submission: string;
  gradedAt: string;
  problem: string;
}

const naturalOrder = new Intl.Collator('en', { numeric: true }).compare;

export function parseShard(shard: string | undefined): { index: number; count: number } {
  if (shard === undefined) return { index: 1, count: 1 };
  const match = /^(\d+)\/(\d+)$/.exec(shard);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard ${shard} is not valid: write i/n with 1 ≤ i ≤ n, e.g. --shard 2/4.`);
  }
  return { index, count };
}

/** A folder a batch wrote: never a submission. */
function isBatchOutput(folder: string): boolean {
  return fs.existsSync(path.join(folder, 'gradebook.csv')) && fs.existsSync(path.join(folder, 'reports'));
}

/**
 * The submissions' folder names, in natural order. The `out` folder, and any folder a batch
 * wrote, are left out: `onSkip` hears each by name.
 */
export function listSubmissions(dir: string, out?: string, onSkip: (name: string, why: string) => void = () => undefined): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    throw new UsageError(`The submissions folder ${dir} does not exist or cannot be read. Pass a folder with one subfolder per submission.`);
  }
  const outPath = out === undefined ? undefined : path.resolve(out);
  const names = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .filter((name) => {
      const folder = path.resolve(dir, name);
      if (folder === outPath) onSkip(name, 'it is the --out folder');
      else if (isBatchOutput(folder)) onSkip(name, "it holds a batch's gradebook.csv and reports/");
      else return true;
      return false;
    });
  if (names.length === 0) throw new UsageError(`${dir} has no submission folders. Pass a folder with one subfolder per submission.`);
  return names.sort(naturalOrder);
}

/**
 * What the kit grades with: a change to any spec or to the manifest means grading again; so does
 * one to the known mistakes' signatures, which the reports' diagnoses come from.
 */
function kitFingerprint(kit: Kit, exercises: Exercise[], timeout: number | undefined): string {
  const hash = crypto.createHash('sha256').update(fs.readFileSync(kit.manifestPath)).update(String(timeout));
  for (const exercise of exercises) hash.update(exercise.id).update(fs.readFileSync(specFileOf(kit, exercise.id)));
  const signatures = signaturesFileOf(kit.mutantsDir);
  if (fs.existsSync(signatures)) hash.update(fs.readFileSync(signatures));
  return hash.digest('hex');
}

function reportFileOf(out: string, name: string): string {
  return path.join(out, 'reports', `${name}.json`);
}

function problemFileOf(out: string, name: string): string {
  return path.join(out, 'problems', `${name}.json`);
}

/** A file the batch wrote, when it is whole and of the version it is read as. */
function readBatchFile<T>(file: string, valid: (parsed: T) => boolean): T | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as T;
    return valid(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function readSubmissionFile(file: string): SubmissionFile | undefined {
  return readBatchFile<SubmissionFile>(file, (parsed) => parsed.schemaVersion === 1 && typeof parsed.fingerprint === 'string');
}

function readProblemFile(file: string): ProblemFile | undefined {
  return readBatchFile<ProblemFile>(file, (parsed) => parsed.problemVersion === 1 && typeof parsed.problem === 'string');
}

function jsonFilesIn(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
}

/** Writes a submission's one outcome, a report or a problem, and removes the other kind. */
function writeOutcome(out: string, name: string, outcome: { report: SubmissionFile } | { problem: ProblemFile }): void {
  const [file, stale] = 'report' in outcome ? [reportFileOf(out, name), problemFileOf(out, name)] : [problemFileOf(out, name), reportFileOf(out, name)];
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic.sync(file, `${JSON.stringify('report' in outcome ? outcome.report : outcome.problem, null, 2)}\n`);
  fs.rmSync(stale, { force: true });
}

/** The gradebook and class report of every submission report and problem found in `out`. */
export function writeClassFiles(out: string, course: Course, exercises: Exercise[]): Gradebook {
  const rows = new Map<string, SubmissionResult>();
  for (const f of jsonFilesIn(path.join(out, 'problems'))) {
    const file = readProblemFile(path.join(out, 'problems', f));
    const name = file?.submission ?? f.replace(/\.json$/, '');
    rows.set(name, { name, problem: file ? file.problem : 'its problem file is unreadable' });
  }
  for (const f of jsonFilesIn(path.join(out, 'reports'))) {
    const file = readSubmissionFile(path.join(out, 'reports', f));
    const name = file?.submission ?? f.replace(/\.json$/, '');
    rows.set(name, file ? { name, report: file, ...(file.problem ? { problem: file.problem } : {}) } : { name, problem: 'its report file is unreadable' });
  }
  const gradebook: Gradebook = {
    courseTitle: course.title,
    exercises: exercises.map(({ id, title, points }) => ({ id, title, points })),
    generatedAt: new Date().toISOString(),
    submissions: [...rows.values()].sort((a, b) => naturalOrder(a.name, b.name)),
  };
  writeFileAtomic.sync(path.join(out, 'gradebook.csv'), renderGradebookCsv(gradebook));
  writeFileAtomic.sync(path.join(out, 'misconceptions.csv'), renderMisconceptionsCsv(gradebook));
  writeFileAtomic.sync(path.join(out, 'class-report.html'), renderClassReport(gradebook));
  return gradebook;
}

/** How many of the class's most made known mistakes `batch` names when it ends. */
export const MISCONCEPTIONS_PRINTED = 3;

/** The few known mistakes the class makes most, a line each, for the end of `batch`; none when no work looks like one. */
export function topMisconceptionLines(gradebook: Gradebook): string[] {
  const top = misconceptions(gradebook.exercises, gradedSubmissions(gradebook)).slice(0, MISCONCEPTIONS_PRINTED);
  if (top.length === 0) return [];
  return [
    `The known mistakes made most (every one in misconceptions.csv and the class report):`,
    ...top.map((m) => {
      const count = m.exact + m.contains;
      return `  ${count} of ${m.graded} · ${m.exerciseId} · ${m.mistake}`;
    }),
  ];
}

function prepareOut(out: string): void {
  try {
    fs.mkdirSync(path.join(out, 'reports'), { recursive: true });
    fs.accessSync(out, fs.constants.W_OK);
  } catch {
    throw new UsageError(`Cannot write to --out ${out}. Choose a writable folder.`);
  }
}

/**
 * What a submission offers to grade, or why it cannot be graded: a folder that cannot be read,
 * or one with none of the selected exercises' files where a student's copy keeps them.
 */
function sourcesOf(dir: string, name: string, exercises: Exercise[]): { sources: SubmissionSources } | { problem: string } {
  let sources: SubmissionSources;
  try {
    sources = readSources(path.join(dir, name), exercises);
  } catch (error) {
    return { problem: `its folder cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  if (sources.found.length === 0) {
    const example = sourceFileOf(exercises[0]!).split(path.sep).join('/');
    const leftOut = sources.skipped.length > 0 ? `; left out: ${sources.skipped.join('; ')}` : '';
    return { problem: `none of the exercise files (such as exercises/${example}) is in it or in a folder alone inside it${leftOut}` };
  }
  return { sources };
}

export async function batchCommand(options: BatchOptions, context: CommandContext = loadContext()): Promise<number> {
  const { kit, course } = context;
  const exercises = selectExercises(course, options.exercise);
  const shard = parseShard(options.shard);
  const say = (line: string): boolean => process.stderr.write(`${line}\n`);
  const all = listSubmissions(options.dir, options.out, (name, why) => say(`Skipped ${name}: ${why}, not a submission.`));
  const mine = all.filter((_, i) => i % shard.count === shard.index - 1);
  prepareOut(options.out);

  const kitPrint = kitFingerprint(kit, exercises, options.timeout);
  const todo: Array<{ name: string; fingerprint: string; sources: SubmissionSources }> = [];
  const problems: string[] = [];
  const fail = (name: string, problem: string): void => {
    problems.push(name);
    say(`${name} could not be graded: ${problem}.`);
    writeOutcome(options.out, name, { problem: { problemVersion: 1, submission: name, gradedAt: new Date().toISOString(), problem } });
  };
  let skipped = 0;
  for (const name of mine) {
    const found = sourcesOf(options.dir, name, exercises);
    if ('problem' in found) {
      fail(name, found.problem);
      continue;
    }
    let fingerprint: string;
    try {
      fingerprint = crypto.createHash('sha256').update(kitPrint).update(fingerprintOf(found.sources)).digest('hex');
    } catch (error) {
      fail(name, `a file in it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      continue;
    }
    if (readSubmissionFile(reportFileOf(options.out, name))?.fingerprint === fingerprint) skipped++;
    else todo.push({ name, fingerprint, sources: found.sources });
  }

  const bar =
    options.progress && process.stderr.isTTY && todo.length > 0
      ? new SingleBar({ format: 'Grading {bar} {value}/{total} exercises · {submissions} · {eta_formatted} left', stream: process.stderr, hideCursor: true })
      : undefined;
  bar?.start(todo.length * exercises.length, 0, { submissions: `${todo.length} submissions` });

  const sandboxed = chooseSandbox(options.sandbox, (m) => say(m));
  const folder = scratchFolder('batch');
  const scratch = folder.dir;
  let graded = 0;
  try {
    const staged = todo.filter((submission, i) => {
      try {
        stageSources(submission.sources, path.join(scratch, String(i)));
        return true;
      } catch (error) {
        fail(submission.name, `a file in it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
        return false;
      }
    });
    const targets = staged.map((submission) => ({ label: submission.name, messageLabel: 'exercises', dir: path.join(scratch, String(todo.indexOf(submission))), exercises }));
    await gradeTargets(kit, targets, {
      ...(options.timeout !== undefined ? { timeoutSeconds: options.timeout } : {}),
      // No submission shares a process (a realm, a cache, a view of the disk) with another's.
      processPerTarget: true,
      ...(sandboxed ? { sandbox: { hide: [path.resolve(options.dir), scratch] } } : {}),
      onOutcome: () => bar?.increment(),
      onReport: (index, report) => {
        const { name, fingerprint, sources } = staged[index]!;
        // Files left out (a link, an oversized file) are named beside the grade, never dropped silently.
        const leftOut = sources.skipped.length > 0 ? `left out: ${sources.skipped.join('; ')}` : undefined;
        const file: SubmissionFile = { ...report, submission: name, fingerprint, gradedAt: new Date().toISOString(), ...(leftOut ? { problem: leftOut } : {}) };
        writeOutcome(options.out, name, { report: file });
        graded++;
        fs.rmSync(targets[index]!.dir, { recursive: true, force: true });
      },
    });
  } finally {
    bar?.stop();
    folder.remove();
  }
  for (const submission of todo.filter((t) => t.sources.skipped.length > 0)) say(`${submission.name}: left out of the grade: ${submission.sources.skipped.join('; ')}.`);

  const gradebook = writeClassFiles(options.out, course, exercises);
  const reports = gradebook.submissions.filter((s) => s.report);
  const mean = reports.length ? reports.reduce((sum, s) => sum + s.report!.score, 0) / reports.length : 0;
  const unreadable = problems.length > 0 ? `; ${problems.length} could not be graded (${problems.join(', ')}: see the problem column)` : '';
  process.stdout.write(
    `Graded ${graded} submission${graded === 1 ? '' : 's'}${skipped ? `, skipped ${skipped} unchanged` : ''}${unreadable}` +
      `${shard.count > 1 ? ` (shard ${shard.index}/${shard.count})` : ''}. ` +
      `${gradebook.submissions.length} in ${options.out}, mean ${mean.toFixed(1)}/${reports[0]?.report?.maxScore ?? 0}.\n` +
      `Wrote ${path.join(options.out, 'gradebook.csv')}, ${path.join(options.out, 'misconceptions.csv')} and ${path.join(options.out, 'class-report.html')}.\n`,
  );
  for (const line of topMisconceptionLines(gradebook)) process.stdout.write(`${line}\n`);
  return 0;
}

export interface MergeOptions {
  dirs: string[];
  out: string;
  /** Where two folders hold different reports for one submission, keep the more recently graded. */
  preferNewer: boolean;
}

/** One folder's outcome for a submission: its report or its problem file. */
interface Found {
  dir: string;
  file: string;
  /** The file's content, for comparing; when it was graded, for choosing. */
  text: string;
  gradedAt: string;
}

function foundIn(dir: string): Map<string, Found> {
  const found = new Map<string, Found>();
  for (const kind of ['problems', 'reports']) {
    for (const f of jsonFilesIn(path.join(dir, kind))) {
      const file = path.join(dir, kind, f);
      const text = fs.readFileSync(file, 'utf8');
      let gradedAt: string | undefined;
      try {
        gradedAt = (JSON.parse(text) as { gradedAt?: string }).gradedAt;
      } catch {
        // An unreadable file still counts: the gradebook names it.
      }
      found.set(f.replace(/\.json$/, ''), { dir, file, text, gradedAt: gradedAt ?? fs.statSync(file).mtime.toISOString() });
    }
  }
  return found;
}

/** The same content, whenever graded. */
function sameContent(a: Found, b: Found): boolean {
  const strip = (text: string): string => {
    try {
      const { gradedAt: _gradedAt, ...rest } = JSON.parse(text) as Record<string, unknown>;
      return JSON.stringify(rest);
    } catch {
      return text;
    }
  };
  return path.basename(path.dirname(a.file)) === path.basename(path.dirname(b.file)) && strip(a.text) === strip(b.text);
}

function listed(names: string[], limit = 5): string {
  return names.length > limit ? `${names.slice(0, limit).join(', ')} and ${names.length - limit} more` : names.join(', ');
}

/**
 * `merge <dirs...> --out`: joins shards' folders into one gradebook. A folder given twice is read
 * once; a submission in several folders with the same report is kept once; with different
 * reports it is a conflict, refused (nothing written) unless `--prefer-newer` keeps the more
 * recently graded report. Each of these is named.
 */
export function mergeCommand(options: MergeOptions, context: CommandContext = loadContext()): number {
  const say = (line: string): boolean => process.stderr.write(`${line}\n`);
  const dirs: string[] = [];
  const byPath = new Map<string, string>();
  for (const dir of options.dirs) {
    if (!fs.existsSync(path.join(dir, 'reports'))) throw new UsageError(`${dir} has no reports folder: pass the --out folders of batch runs.`);
    const real = fs.realpathSync(dir);
    const earlier = byPath.get(real);
    if (earlier !== undefined) say(`${dir} is given twice${earlier === dir ? '' : ` (as ${earlier})`}: read once.`);
    else {
      byPath.set(real, dir);
      dirs.push(dir);
    }
  }
  const candidates = new Map<string, Found[]>();
  for (const dir of dirs) for (const [name, found] of foundIn(dir)) candidates.set(name, [...(candidates.get(name) ?? []), found]);

  const duplicates: string[] = [];
  const conflicts: string[] = [];
  const chosen = new Map<string, Found>();
  for (const [name, all] of candidates) {
    const distinct = all.filter((found, i) => all.findIndex((other) => sameContent(other, found)) === i);
    if (all.length > 1 && distinct.length === 1) duplicates.push(`${name} (${all.map((f) => f.dir).join(', ')})`);
    if (distinct.length > 1) conflicts.push(name);
    // The newest; on a tie, the one from the folder given last.
    chosen.set(name, [...distinct].sort((a, b) => a.gradedAt.localeCompare(b.gradedAt)).at(-1)!);
  }
  if (conflicts.length > 0 && !options.preferNewer) {
    const where = conflicts.map((name) => `${name} (${candidates.get(name)!.map((f) => f.dir).join(', ')})`);
    throw new UsageError(
      `${conflicts.length} submission${conflicts.length === 1 ? ' has' : 's have'} different reports in different folders: ${listed(where)}. ` +
        'Nothing was written. Grade them again into one folder, or add --prefer-newer to keep the more recently graded report of each.',
    );
  }
  if (duplicates.length > 0) say(`The same report in several folders, kept once: ${listed(duplicates)}.`);
  for (const name of conflicts) {
    const keep = chosen.get(name)!;
    say(`${name}: kept the report of ${keep.dir} (graded ${keep.gradedAt}), the newest of ${candidates.get(name)!.length} that differ.`);
  }

  prepareOut(options.out);
  for (const [name, found] of chosen) {
    const kind = path.basename(path.dirname(found.file));
    const target = path.join(options.out, kind, `${name}.json`);
    if (path.resolve(target) !== path.resolve(found.file)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      writeFileAtomic.sync(target, found.text);
    }
    fs.rmSync(path.join(options.out, kind === 'reports' ? 'problems' : 'reports', `${name}.json`), { force: true });
  }
  const gradebook = writeClassFiles(options.out, context.course, context.course.exercises);
  process.stdout.write(`Merged ${chosen.size} submissions from ${dirs.length} folder${dirs.length === 1 ? '' : 's'}: ${gradebook.submissions.length} in ${options.out}.\n`);
  for (const line of topMisconceptionLines(gradebook)) process.stdout.write(`${line}\n`);
  return 0;
}
