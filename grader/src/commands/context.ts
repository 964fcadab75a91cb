/** What every command starts from: the kit, its manifest, and a checked target folder. */
import fs from 'node:fs';
import path from 'node:path';
import { loadCourse, type Course } from '../course';
import { UsageError } from '../errors';
import { locateKit, type Kit } from '../kit';

export interface CommandContext {
  kit: Kit;
  course: Course;
}

export function loadContext(kit: Kit = locateKit()): CommandContext {
  return { kit, course: loadCourse(kit.manifestPath) };
}

/** A target folder given on the command line, resolved against the working directory. */
export function resolveTarget(given: string): { label: string; dir: string } {
  const dir = path.resolve(given);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new UsageError(`The target folder ${given} does not exist. Pass --target with a folder laid out like exercises/.`);
  }
  if (!stat.isDirectory()) throw new UsageError(`The target ${given} is a file, not a folder. Pass --target with a folder laid out like exercises/.`);
  const label = given.replace(/[\\/]+$/, '') || given;
  return { label, dir };
}
