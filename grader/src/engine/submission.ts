/**
 * A student's submission, as the grader takes it: only the exercise sources. Everything else
 * in it (specs, Jest configuration, package.json, node_modules) is left behind, so editing
 * them changes nothing. Symbolic links are not followed (a link to the instructor's
 * solutions must not count as the student's work) and oversized files are refused; both are
 * named (`skipped`), so that a grade never drops a file silently.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sourceFileOf, type Exercise } from '../course';
import { UsageError } from '../errors';

/** No exercise needs more; anything larger is not a student's source file. */
export const MAX_SOURCE_BYTES = 512 * 1024;

/** What an unzip or a download leaves beside a student's copy, and is never the copy itself. */
function isClutter(name: string): boolean {
  return name.startsWith('.') || name === '__MACOSX';
}

function isFolder(dir: string): boolean {
  try {
    return fs.lstatSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The folder holding the exercise folders, where a student's copy puts it: `<submission>/exercises`;
 * else, when the submission holds one folder alone (an unzipped download: `carol/coroutine-kit-main/`),
 * that folder's `exercises`; else the submission itself (a copy of just the exercise folders).
 * A folder that cannot be read is an error with its reason.
 */
export function exercisesFolderOf(submission: string): string {
  const nested = path.join(submission, 'exercises');
  if (isFolder(nested)) return nested;
  const folders = fs.readdirSync(submission, { withFileTypes: true }).filter((e) => e.isDirectory() && !isClutter(e.name));
  if (folders.length === 1 && isFolder(path.join(submission, folders[0]!.name, 'exercises'))) return path.join(submission, folders[0]!.name, 'exercises');
  return submission;
}

/** A submission's exercise sources, as the grader takes them. */
export interface SubmissionSources {
  /** The folder holding the exercise folders (`exercisesFolderOf`). */
  root: string;
  /** The `.ts` files of each exercise folder that are plain files, relative to `root`. */
  files: string[];
  /** Exercise files left out, each with why (a link, too large), relative to `root`. */
  skipped: string[];
  /** The selected exercises whose own file (`NN-slug/slug.ts`) is among `files`. */
  found: Exercise[];
}

/** Reads what would be graded of a submission; a folder that cannot be read throws its error. */
export function readSources(submission: string, exercises: Exercise[]): SubmissionSources {
  const root = exercisesFolderOf(submission);
  const files: string[] = [];
  const skipped: string[] = [];
  for (const exercise of exercises) {
    const dir = path.join(root, exercise.id);
    if (!isFolder(dir)) continue;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!entry.name.endsWith('.ts')) continue;
      const file = path.join(exercise.id, entry.name);
      if (entry.isSymbolicLink()) skipped.push(`${file} (a symbolic link, not followed)`);
      else if (!entry.isFile()) continue;
      else if (fs.statSync(path.join(dir, entry.name)).size > MAX_SOURCE_BYTES) skipped.push(`${file} (over ${MAX_SOURCE_BYTES / 1024} KiB)`);
      else files.push(file);
    }
  }
  files.sort();
  const found = exercises.filter((e) => files.includes(sourceFileOf(e)));
  return { root, files, skipped: skipped.sort(), found };
}

/** A fingerprint of what would be graded: unchanged sources, unchanged grade. */
export function fingerprintOf(sources: SubmissionSources): string {
  const hash = crypto.createHash('sha256');
  for (const file of sources.files) {
    hash.update(`${file}\u0000`).update(fs.readFileSync(path.join(sources.root, file))).update('\u0000');
  }
  return hash.digest('hex');
}

/** Copies a submission's exercise sources into `into` (a fresh folder), laid out as a target. */
export function stageSources(sources: SubmissionSources, into: string): void {
  fs.mkdirSync(into, { recursive: true });
  for (const file of sources.files) {
    fs.mkdirSync(path.join(into, path.dirname(file)), { recursive: true });
    fs.copyFileSync(path.join(sources.root, file), path.join(into, file));
  }
}

/** Reads and stages a submission given on the command line; its problems are usage errors. */
export function stageSubmission(submission: string, exercises: Exercise[], into: string): SubmissionSources {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(submission);
  } catch {
    throw new UsageError(`The submission ${submission} does not exist. Pass the folder of a student's copy of the kit.`);
  }
  if (!stat.isDirectory()) throw new UsageError(`The submission ${submission} is not a folder. Pass the folder of a student's copy of the kit.`);
  let sources: SubmissionSources;
  try {
    sources = readSources(submission, exercises);
  } catch (error) {
    throw new UsageError(`The submission ${submission} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check its permissions.`);
  }
  stageSources(sources, into);
  return sources;
}
