/**
 * The report object every output format is rendered from, and the one scoring function.
 * Pure: no I/O here.
 */
import type { Exercise } from '../course';
import type { RawTestResult } from '../jest/events';
import { cleanMessage, type CleanContext } from './clean';
import type { TypeError } from './typecheck';
import type { SpecOutcome } from './run-specs';

export const REPORT_SCHEMA_VERSION = 1;

export type TestStatus = 'passed' | 'failed' | 'timeout' | 'error' | 'not-run';
export type ExerciseStatus = 'passed' | 'partial' | 'failed' | 'error' | 'timeout';

export interface TestReport {
  name: string;
  status: TestStatus;
  message?: string;
}

export interface ExerciseResult {
  id: string;
  title: string;
  score: number;
  maxScore: number;
  status: ExerciseStatus;
  message?: string;
  tests: TestReport[];
  /** Present when the type check ran and found errors in the exercise's file. */
  typeErrors?: TypeError[];
}

export interface GradeReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  target: string;
  score: number;
  maxScore: number;
  exercises: ExerciseResult[];
}

/** Scores are shown to two decimals; rounding once here keeps every format in agreement. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Shares an exercise's points among its tests. The manifest's test count is the floor of the
 * denominator: a spec that reports fewer tests (it failed to load, or stopped early) is
 * padded with not-run tests, so a broken exercise never shrinks the total.
 */
export function scoreExercise(exercise: Exercise, outcome: Pick<SpecOutcome, 'tests' | 'problem'>, clean: (m: string) => string): ExerciseResult {
  const tests: TestReport[] = outcome.tests.map((t: RawTestResult) => ({
    name: t.name,
    status: t.status,
    ...(t.message !== undefined && t.status !== 'passed' ? { message: clean(t.message) } : {}),
  }));
  const problemStatus = outcome.problem?.status;
  for (let n = tests.length + 1; n <= exercise.tests; n++) {
    tests.push({
      name: `${exercise.id} test ${n} of ${exercise.tests}`,
      status: problemStatus === 'error' ? 'error' : 'not-run',
      message: problemStatus ? 'Not run: the exercise could not be graded (see its message).' : 'Not reported by the spec.',
    });
  }
  const weightOf = (t: TestReport): number => exercise.weights?.[t.name] ?? 1;
  const total = tests.reduce((sum, t) => sum + weightOf(t), 0);
  const earned = tests.filter((t) => t.status === 'passed').reduce((sum, t) => sum + weightOf(t), 0);
  const score = total > 0 ? round2((exercise.points * earned) / total) : 0;

  let status: ExerciseStatus;
  if (problemStatus) status = problemStatus;
  else if (tests.some((t) => t.status === 'timeout')) status = 'timeout';
  else if (total > 0 && earned === total) status = 'passed';
  else if (earned > 0) status = 'partial';
  else status = 'failed';

  const message =
    outcome.problem?.message !== undefined
      ? clean(outcome.problem.message)
      : status === 'timeout'
        ? tests.find((t) => t.status === 'timeout')?.message
        : undefined;
  return {
    id: exercise.id,
    title: exercise.title,
    score,
    maxScore: exercise.points,
    status,
    ...(message !== undefined ? { message } : {}),
    tests,
  };
}

export function buildReport(
  exercises: Exercise[],
  outcomes: SpecOutcome[],
  target: { label: string; dir: string },
  rootDir: string,
): GradeReport {
  const context: CleanContext = { targetDir: target.dir, targetLabel: target.label, rootDir };
  const clean = (message: string): string => cleanMessage(message, context);
  const results = exercises.map((exercise) => {
    const outcome = outcomes.find((o) => o.job.exerciseId === exercise.id) ?? { tests: [] };
    return scoreExercise(exercise, outcome, clean);
  });
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    target: target.label,
    score: round2(results.reduce((sum, r) => sum + r.score, 0)),
    maxScore: round2(results.reduce((sum, r) => sum + r.maxScore, 0)),
    exercises: results,
  };
}

/**
 * Adds the type check's findings to a report. They cost nothing unless `strict`: then an
 * exercise whose file has type errors scores zero, as an `error`.
 */
export function withTypeErrors(report: GradeReport, errors: TypeError[], strict: boolean): GradeReport {
  const exercises = report.exercises.map((result) => {
    const own = errors.filter((e) => e.file.startsWith(`${result.id}/`));
    if (own.length === 0) return result;
    if (!strict) return { ...result, typeErrors: own };
    const noun = own.length === 1 ? 'type error' : 'type errors';
    return {
      ...result,
      typeErrors: own,
      score: 0,
      status: 'error' as const,
      message: `${own.length} ${noun} (graded with --strict-types: fix them to earn the points).`,
    };
  });
  return { ...report, exercises, score: round2(exercises.reduce((sum, r) => sum + r.score, 0)) };
}
