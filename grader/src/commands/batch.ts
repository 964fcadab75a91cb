/**
 * `batch <dir>`: grade a whole class. Every subfolder of `<dir>` is one submission. Their
 * exercise sources are staged into a scratch folder each and graded in one call to the
 * engine: each submission in a runner process of its own (sandboxed by default), one per core
 * side by side, all sharing the grader's compiled specs and its TypeScript thread. Each
 * submission's report is written as soon as it is graded, so an interrupted batch run keeps
 * what it finished; run again, it skips every submission whose sources (and the kit's specs)
 * have not changed. `--shard i/n` grades every n-th submission, for a CI matrix; `merge`
 * joins the shards' folders.
 *
 * Written to `--out`: reports/<submission>.json, gradebook.csv, class-report.html.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import writeFileAtomic from 'write-file-atomic';
import { selectExercises, type Course, type Exercise } from '../course';
import { UsageError } from '../errors';
import { gradeTargets } from '../engine/grade';
import type { GradeReport } from '../report/report';
import { chooseSandbox } from '../engine/sandbox';
import { fingerprintOf, stageSubmission } from '../engine/submission';
import { specFileOf, type Kit } from '../kit';
import { renderClassReport } from '../render/class-report';
import { renderGradebookCsv, type Gradebook, type SubmissionResult } from '../render/gradebook';
import { loadContext, type CommandContext } from './context';

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

export function listSubmissions(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    throw new UsageError(`The submissions folder ${dir} does not exist or cannot be read. Pass a folder with one subfolder per submission.`);
  }
  const names = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
  if (names.length === 0) throw new UsageError(`${dir} has no submission folders. Pass a folder with one subfolder per submission.`);
  return names.sort(naturalOrder);
}

/** What the kit grades with: a change to any spec or to the manifest means grading again. */
function kitFingerprint(kit: Kit, exercises: Exercise[], timeout: number | undefined): string {
  const hash = crypto.createHash('sha256').update(fs.readFileSync(kit.manifestPath)).update(String(timeout));
  for (const exercise of exercises) hash.update(exercise.id).update(fs.readFileSync(specFileOf(kit, exercise.id)));
  return hash.digest('hex');
}

function reportFileOf(out: string, name: string): string {
  return path.join(out, 'reports', `${name}.json`);
}

function readSubmissionFile(file: string): SubmissionFile | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as SubmissionFile;
    return parsed.schemaVersion === 1 && typeof parsed.fingerprint === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The gradebook and class report of every submission report found in `out/reports`. */
export function writeClassFiles(out: string, course: Course, exercises: Exercise[]): Gradebook {
  const reportsDir = path.join(out, 'reports');
  const submissions: SubmissionResult[] = fs
    .readdirSync(reportsDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const file = readSubmissionFile(path.join(reportsDir, f));
      return file ? { name: file.submission, report: file } : { name: f.replace(/\.json$/, ''), problem: 'its report file is unreadable' };
    })
    .sort((a, b) => naturalOrder(a.name, b.name));
  const gradebook: Gradebook = {
    courseTitle: course.title,
    exercises: exercises.map(({ id, title, points }) => ({ id, title, points })),
    generatedAt: new Date().toISOString(),
    submissions,
  };
  writeFileAtomic.sync(path.join(out, 'gradebook.csv'), renderGradebookCsv(gradebook));
  writeFileAtomic.sync(path.join(out, 'class-report.html'), renderClassReport(gradebook));
  return gradebook;
}

function prepareOut(out: string): void {
  try {
    fs.mkdirSync(path.join(out, 'reports'), { recursive: true });
    fs.accessSync(out, fs.constants.W_OK);
  } catch {
    throw new UsageError(`Cannot write to --out ${out}. Choose a writable folder.`);
  }
}

export async function batchCommand(options: BatchOptions, context: CommandContext = loadContext()): Promise<number> {
  const { kit, course } = context;
  const exercises = selectExercises(course, options.exercise);
  const shard = parseShard(options.shard);
  const all = listSubmissions(options.dir);
  const mine = all.filter((_, i) => i % shard.count === shard.index - 1);
  prepareOut(options.out);

  const kitPrint = kitFingerprint(kit, exercises, options.timeout);
  const todo: Array<{ name: string; fingerprint: string }> = [];
  let skipped = 0;
  for (const name of mine) {
    const fingerprint = crypto.createHash('sha256').update(kitPrint).update(fingerprintOf(path.join(options.dir, name), exercises)).digest('hex');
    if (readSubmissionFile(reportFileOf(options.out, name))?.fingerprint === fingerprint) skipped++;
    else todo.push({ name, fingerprint });
  }

  const bar =
    options.progress && process.stderr.isTTY && todo.length > 0
      ? new SingleBar({ format: 'Grading {bar} {value}/{total} exercises · {submissions} · {eta_formatted} left', stream: process.stderr, hideCursor: true })
      : undefined;
  bar?.start(todo.length * exercises.length, 0, { submissions: `${todo.length} submissions` });

  const sandboxed = chooseSandbox(options.sandbox, (m) => process.stderr.write(`${m}\n`));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'coroutine-batch-'));
  try {
    const targets = todo.map((submission, i) => {
      const dir = path.join(scratch, String(i));
      stageSubmission(path.join(options.dir, submission.name), exercises, dir);
      return { label: submission.name, messageLabel: 'exercises', dir, exercises };
    });
    await gradeTargets(kit, targets, {
      ...(options.timeout !== undefined ? { timeoutSeconds: options.timeout } : {}),
      // No submission shares a process (a realm, a cache, a view of the disk) with another's.
      processPerTarget: true,
      ...(sandboxed ? { sandbox: { hide: [path.resolve(options.dir), scratch] } } : {}),
      onOutcome: () => bar?.increment(),
      onReport: (index, report) => {
        const { name, fingerprint } = todo[index]!;
        const file: SubmissionFile = { ...report, submission: name, fingerprint };
        writeFileAtomic.sync(reportFileOf(options.out, name), `${JSON.stringify(file, null, 2)}\n`);
        fs.rmSync(targets[index]!.dir, { recursive: true, force: true });
      },
    });
  } finally {
    bar?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }

  const gradebook = writeClassFiles(options.out, course, exercises);
  const graded = gradebook.submissions.filter((s) => s.report);
  const mean = graded.length ? graded.reduce((sum, s) => sum + s.report!.score, 0) / graded.length : 0;
  process.stdout.write(
    `Graded ${todo.length} submission${todo.length === 1 ? '' : 's'}${skipped ? `, skipped ${skipped} unchanged` : ''}` +
      `${shard.count > 1 ? ` (shard ${shard.index}/${shard.count})` : ''}. ` +
      `${gradebook.submissions.length} in ${options.out}, mean ${mean.toFixed(1)}/${graded[0]?.report?.maxScore ?? 0}.\n` +
      `Wrote ${path.join(options.out, 'gradebook.csv')} and ${path.join(options.out, 'class-report.html')}.\n`,
  );
  return 0;
}

export interface MergeOptions {
  dirs: string[];
  out: string;
}

/** `merge <dirs...> --out`: joins shards' report folders into one gradebook. */
export function mergeCommand(options: MergeOptions, context: CommandContext = loadContext()): number {
  prepareOut(options.out);
  let count = 0;
  for (const dir of options.dirs) {
    const reports = path.join(dir, 'reports');
    if (!fs.existsSync(reports)) throw new UsageError(`${dir} has no reports folder: pass the --out folders of batch runs.`);
    for (const file of fs.readdirSync(reports).filter((f) => f.endsWith('.json'))) {
      const target = path.join(options.out, 'reports', file);
      if (path.resolve(target) !== path.resolve(path.join(reports, file))) fs.copyFileSync(path.join(reports, file), target);
      count++;
    }
  }
  const gradebook = writeClassFiles(options.out, context.course, context.course.exercises);
  process.stdout.write(`Merged ${count} reports from ${options.dirs.length} folders: ${gradebook.submissions.length} submissions in ${options.out}.\n`);
  return 0;
}
