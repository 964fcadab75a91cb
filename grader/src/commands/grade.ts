/** `grade`: score a target folder and report it in the chosen format. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { selectExercises, sourceFileOf, type Exercise } from '../course';
import { chooseSandbox } from '../engine/sandbox';
import { stageSubmission } from '../engine/submission';
import { CheckFailed, UsageError } from '../errors';
import { gradeTargets } from '../engine/grade';
import { checkWritable, useColor, writeReport } from '../output';
import { renderHandout } from '../render/handout';
import type { Format, GradescopeVisibility } from '../render/formats';
import { fractionOf } from '../report/report';
import { loadContext, resolveTarget, type CommandContext } from './context';
import { defaultLang } from './hint';
import { publishReport } from './publish';
import { scratchFolder } from '../engine/lifetime';

export interface GradeOptions {
  target: string;
  /** A student's copy of the kit: only its exercise sources are graded. */
  submission?: string;
  /** With --submission: grade in the sandbox (`--no-sandbox` sets it false). */
  sandbox?: boolean;
  exercise?: string[];
  format: Format;
  output?: string;
  timeout?: number;
  failUnder?: number;
  /** `--no-typecheck` sets it false. */
  typecheck: boolean;
  strictTypes: boolean;
  /** Who sees a `gradescope` report's results, and when. */
  visibility: GradescopeVisibility;
}

export async function gradeCommand(options: GradeOptions, context: CommandContext = loadContext()): Promise<number> {
  const startedAt = new Date();
  const started = performance.now();
  const exercises = selectExercises(context.course, options.exercise);
  if (context.course.handout && (options.format !== 'text' || options.failUnder !== undefined || options.submission !== undefined)) {
    throw new UsageError(
      'This is a student handout without the hidden specs: it has no scores to report, so only the text checks work here. Your instructor grades with the hidden specs.',
    );
  }
  if (options.output !== undefined) checkWritable(options.output);
  const folder = options.submission !== undefined ? scratchFolder('submission') : undefined;
  const scratch = folder?.dir;
  try {
    return await gradeAndReport(options, context, exercises, scratch, startedAt, started);
  } finally {
    folder?.remove();
  }
}

/**
 * A folder with none of the selected exercise files is a wrong path, not a student with no
 * work: grading it would report fourteen errors instead of saying what is wrong.
 */
function requireSomeExerciseFile(target: { label: string; dir: string }, exercises: Exercise[], submission: boolean): void {
  if (exercises.some((e) => fs.existsSync(path.join(target.dir, sourceFileOf(e))))) return;
  const example = sourceFileOf(exercises[0]!);
  throw new UsageError(
    submission
      ? `The submission has none of the exercise files (such as exercises/${example}). Pass the folder of a student's copy of the kit.`
      : `The target ${target.label} has none of the exercise files (such as ${example}). Pass --target with a folder laid out like exercises/.`,
  );
}

async function gradeAndReport(
  options: GradeOptions,
  context: CommandContext,
  exercises: Exercise[],
  scratch: string | undefined,
  startedAt: Date,
  started: number,
): Promise<number> {
  let target: { label: string; dir: string; messageLabel?: string };
  if (scratch !== undefined) {
    const sources = stageSubmission(options.submission!, exercises, scratch);
    for (const file of sources.skipped) process.stderr.write(`Left out of the grade: ${path.join(sources.root, file)}.\n`);
    // The report names the submission's folder; messages name files where the student has them.
    target = { label: path.normalize(sources.root).replace(/[\\/]+$/, ''), messageLabel: 'exercises', dir: scratch };
  } else {
    target = resolveTarget(options.target);
  }

  requireSomeExerciseFile(target, exercises, options.submission !== undefined);
  const [report] = await gradeTargets(context.kit, [{ ...target, exercises }], {
    ...(options.timeout !== undefined ? { timeoutSeconds: options.timeout } : {}),
    typecheck: options.typecheck || options.strictTypes,
    strictTypes: options.strictTypes,
    ...(scratch !== undefined && chooseSandbox(options.sandbox !== false, (m) => process.stderr.write(`${m}\n`))
      ? { sandbox: { hide: [path.resolve(options.submission!)] } }
      : {}),
  });
  const color = options.format === 'text' && options.output === undefined && useColor();
  if (context.course.handout) {
    writeReport(renderHandout(report!, { color }), options.output);
    return 0;
  }
  // Kept in the report, so that a JSON report rendered later (`render`) still knows it.
  const durationSeconds = Math.round(performance.now() - started) / 1000;
  const { exercises: graded, ...summary } = report!;
  publishReport({ ...summary, durationSeconds, exercises: graded }, options.format, { color, lang: defaultLang(), ...(context.course.recommendedOrder ? { order: context.course.recommendedOrder } : {}), timestamp: startedAt, hostname: os.hostname(), visibility: options.visibility }, options.output);

  if (options.failUnder !== undefined) {
    const percent = fractionOf(report!) * 100;
    if (percent < options.failUnder) {
      throw new CheckFailed(`The total is ${percent.toFixed(1)}%, below --fail-under ${options.failUnder}%.`);
    }
  }
  return 0;
}
