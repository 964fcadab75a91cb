/**
 * A student's submission, as the grader takes it: only the exercise sources. Everything else
 * in it (specs, Jest configuration, package.json, node_modules) is left behind, so editing
 * them changes nothing. Symbolic links are not followed (a link to the instructor's
 * solutions must not count as the student's work) and oversized files are refused.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Exercise } from '../course';
import { UsageError } from '../errors';

/** No exercise needs more; anything larger is not a student's source file. */
export const MAX_SOURCE_BYTES = 512 * 1024;

/** The folder holding the exercise folders: `<submission>/exercises`, or the submission itself. */
export function exercisesFolderOf(submission: string): string {
  const nested = path.join(submission, 'exercises');
  return fs.existsSync(nested) && fs.lstatSync(nested).isDirectory() ? nested : submission;
}

/** The `.ts` files of each exercise folder that are plain files, relative to the exercises folder. */
export function sourceFilesOf(submission: string, exercises: Exercise[]): string[] {
  const root = exercisesFolderOf(submission);
  const files: string[] = [];
  for (const exercise of exercises) {
    const dir = path.join(root, exercise.id);
    let entries: fs.Dirent[];
    try {
      if (!fs.lstatSync(dir).isDirectory()) continue;
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const file = path.join(dir, entry.name);
      if (fs.statSync(file).size <= MAX_SOURCE_BYTES) files.push(path.join(exercise.id, entry.name));
    }
  }
  return files.sort();
}

/** A fingerprint of what would be graded: unchanged sources, unchanged grade. */
export function fingerprintOf(submission: string, exercises: Exercise[]): string {
  const root = exercisesFolderOf(submission);
  const hash = crypto.createHash('sha256');
  for (const file of sourceFilesOf(submission, exercises)) {
    hash.update(`${file}\u0000`).update(fs.readFileSync(path.join(root, file))).update('\u0000');
  }
  return hash.digest('hex');
}

/** Copies the submission's exercise sources into `into` (a fresh folder), laid out as a target. */
export function stageSubmission(submission: string, exercises: Exercise[], into: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(submission);
  } catch {
    throw new UsageError(`The submission ${submission} does not exist. Pass the folder of a student's copy of the kit.`);
  }
  if (!stat.isDirectory()) throw new UsageError(`The submission ${submission} is not a folder. Pass the folder of a student's copy of the kit.`);
  const root = exercisesFolderOf(submission);
  fs.mkdirSync(into, { recursive: true });
  for (const file of sourceFilesOf(submission, exercises)) {
    fs.mkdirSync(path.join(into, path.dirname(file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(into, file));
  }
}
