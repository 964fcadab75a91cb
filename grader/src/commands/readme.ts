/**
 * `readme`: the exercise table in README.md is generated from the manifest, between marker
 * comments, so that it never drifts from the course. `verify` checks it is current.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Course } from '../course';
import { CheckFailed } from '../errors';
import { loadContext, type CommandContext } from './context';

export const TABLE_START = '<!-- exercise-table:start (generated from grader/course.json by `npm run readme`; do not edit) -->';
export const TABLE_END = '<!-- exercise-table:end -->';

export function renderExerciseTable(course: Course): string {
  const rows = course.exercises.map(
    (e) => `| ${e.id.slice(0, 2)} | [${e.id}](exercises/${e.id}/README.md) ([한국어](exercises/${e.id}/README.ko.md)) | ${e.title} | ${e.points} |`,
  );
  const total = course.exercises.reduce((sum, e) => sum + e.points, 0);
  return [TABLE_START, '| # | exercise | what it teaches | points |', '| --- | --- | --- | ---: |', ...rows, `| | | total | ${total} |`, TABLE_END].join('\n');
}

/** The README with its table brought up to date, or undefined when it has no markers. */
export function withCurrentTable(readme: string, course: Course): string | undefined {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) return undefined;
  return readme.slice(0, start) + renderExerciseTable(course) + readme.slice(end + TABLE_END.length);
}

export function readmeCommand(options: { check: boolean }, context: CommandContext = loadContext()): number {
  const file = path.join(context.kit.rootDir, 'README.md');
  const readme = fs.readFileSync(file, 'utf8');
  const updated = withCurrentTable(readme, context.course);
  if (updated === undefined) throw new CheckFailed(`README.md has no exercise-table markers; add ${TABLE_START} … ${TABLE_END}.`);
  if (options.check) {
    if (updated !== readme) throw new CheckFailed('README.md\'s exercise table is out of date. Run "npm run readme".');
    return 0;
  }
  if (updated !== readme) fs.writeFileSync(file, updated);
  process.stdout.write(updated === readme ? 'README.md is up to date.\n' : 'README.md: exercise table updated.\n');
  return 0;
}
