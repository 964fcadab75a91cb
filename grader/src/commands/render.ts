/**
 * `render <report.json>`: a saved JSON report in another format, without grading again
 * (CI grades once to JSON, then writes annotations or a Markdown summary from it).
 */
import fs from 'node:fs';
import os from 'node:os';
import { UsageError } from '../errors';
import { REPORT_SCHEMA_VERSION, type ExerciseResult, type GradeReport } from '../report/report';
import { checkWritable, useColor } from '../output';
import type { Format, GradescopeVisibility } from '../render/formats';
import { defaultLang } from './hint';
import { publishReport } from './publish';

export interface RenderCommandOptions {
  report: string;
  format: Format;
  output?: string;
  visibility: GradescopeVisibility;
}

const TEST_STATUSES = ['passed', 'failed', 'timeout', 'error', 'not-run'];
const EXERCISE_STATUSES = ['passed', 'partial', 'failed', 'error', 'timeout'];

/** What a renderer relies on in a report (grader/schemas/report.schema.json), or the first thing missing, by its path. */
function shapeProblem(report: Record<string, unknown>): string | undefined {
  const isNumber = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);
  if (typeof report.target !== 'string') return 'target is not a string';
  if (!isNumber(report.score) || !isNumber(report.maxScore)) return 'score or maxScore is not a number';
  if (report.durationSeconds !== undefined && !isNumber(report.durationSeconds)) return 'durationSeconds is not a number';
  const exercises = report.exercises as unknown[];
  for (const [i, value] of exercises.entries()) {
    const exercise = (value ?? {}) as Record<string, unknown>;
    const where = `exercises[${i}]`;
    if (typeof exercise.id !== 'string' || typeof exercise.title !== 'string') return `${where} has no id or title`;
    if (!isNumber(exercise.score) || !isNumber(exercise.maxScore)) return `${where} has no score or maxScore`;
    if (!EXERCISE_STATUSES.includes(exercise.status as string)) return `${where}.status is not one of ${EXERCISE_STATUSES.join(', ')}`;
    if (exercise.message !== undefined && typeof exercise.message !== 'string') return `${where}.message is not a string`;
    if (!Array.isArray(exercise.tests)) return `${where}.tests is not a list`;
    if (exercise.diagnoses !== undefined) {
      if (!Array.isArray(exercise.diagnoses)) return `${where}.diagnoses is not a list`;
      for (const [j, d] of (exercise.diagnoses as Array<Record<string, unknown> | null>).entries()) {
        const explanation = (d?.explanation ?? {}) as Record<string, unknown>;
        const whole = typeof d?.mistake === 'string' && typeof explanation.en === 'string' && typeof explanation.ko === 'string' && (d.match === 'exact' || d.match === 'contains');
        if (!whole) return `${where}.diagnoses[${j}] has no mistake, explanation (en, ko) or match`;
      }
    }
    for (const [j, test] of (exercise.tests as Array<Record<string, unknown> | null>).entries()) {
      if (typeof test?.name !== 'string' || !TEST_STATUSES.includes(test.status as string)) return `${where}.tests[${j}] has no name or status`;
      if (test.message !== undefined && typeof test.message !== 'string') return `${where}.tests[${j}].message is not a string`;
    }
  }
  return undefined;
}

function readReport(file: string): GradeReport {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : `it cannot be read (${code ?? 'unknown error'})`;
    throw new UsageError(`Cannot read the report ${file}: ${why}. Pass a file written by grade --format json.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // JSON.parse quotes the text it choked on, line breaks and all; the message stays one line.
    const why = (error as Error).message.replace(/\s+/g, ' ').slice(0, 200);
    throw new UsageError(`Cannot read the report ${file}: it is not JSON (${why}). Pass a file written by grade --format json.`);
  }
  const report = parsed as Record<string, unknown> | null;
  if (typeof report !== 'object' || report === null || report.schemaVersion !== REPORT_SCHEMA_VERSION || !Array.isArray(report.exercises)) {
    throw new UsageError(`${file} is not a grade report of schema version ${REPORT_SCHEMA_VERSION}. Pass a file written by grade --format json.`);
  }
  // Every renderer shares points by test; a report from before tests carried them cannot be rendered faithfully.
  const old = (report.exercises as Array<Partial<ExerciseResult> | null>).some((e) => e?.tests?.some?.((t) => typeof t?.points !== 'number' || typeof t?.maxPoints !== 'number'));
  if (old) throw new UsageError(`${file} was written by an older grader, without points per test. Grade again to render it.`);
  const problem = shapeProblem(report);
  if (problem) throw new UsageError(`${file} is not a whole grade report: ${problem}. Pass a file written by grade --format json.`);
  return report as unknown as GradeReport;
}

export function renderCommand(options: RenderCommandOptions): number {
  const report = readReport(options.report);
  if (options.output !== undefined) checkWritable(options.output);
  const color = options.format === 'text' && options.output === undefined && useColor();
  const mtime = fs.statSync(options.report).mtime;
  publishReport(report, options.format, { color, lang: defaultLang(), timestamp: mtime, hostname: os.hostname(), visibility: options.visibility }, options.output);
  return 0;
}
