/**
 * The report object every output format is rendered from, and the one scoring function.
 * Pure: no I/O here, and nothing of the engine but the plain outcomes it hands over (./outcome.ts).
 */
import type { Exercise } from '../course';
import { cleanMessage, type CleanContext } from './clean';
import type { Diagnosis } from './diagnose';
import type { ExerciseOutcome, TypeError } from './outcome';

export const REPORT_SCHEMA_VERSION = 1;

export type TestStatus = 'passed' | 'failed' | 'timeout' | 'error' | 'not-run';
export type ExerciseStatus = 'passed' | 'partial' | 'failed' | 'error' | 'timeout';

export interface TestReport {
  name: string;
  status: TestStatus;
  /** What this test earned: `maxPoints` when it passed, else 0. */
  points: number;
  /** Its share of the exercise's points (by its weight); an exercise's shares add up to its points. */
  maxPoints: number;
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
  /** Present when its failures look like known mistakes (./diagnose.ts). */
  diagnoses?: Diagnosis[];
}

export interface GradeReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  target: string;
  score: number;
  maxScore: number;
  /** How long the grade took, in seconds, from its start to its report; given by `grade`. */
  durationSeconds?: number;
  exercises: ExerciseResult[];
}

/** The part of the points earned, from 0 to 1 (0 when there were none to earn). */
export function fractionOf(scored: { score: number; maxScore: number }): number {
  return scored.maxScore > 0 ? scored.score / scored.maxScore : 0;
}

/** How many of the report's exercises pass. */
export function exercisesPassed(report: GradeReport): number {
  return report.exercises.filter((e) => e.status === 'passed').length;
}

/** A test that passed and earned points by it (a type error under --strict-types takes them back). */
export function isCredited(test: TestReport): boolean {
  return test.status === 'passed' && test.points > 0;
}

/** Scores are shown to two decimals; rounding once here keeps every format in agreement. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Shares `total` among weights in hundredths, so that the shares add up to exactly `total`
 * (rounded to hundredths): the largest remainders get the spare hundredths. A report's tests
 * then add up to their exercise, and its exercises to its total, in every format.
 */
export function shareOut(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const hundredths = Math.round(total * 100);
  const exact = weights.map((w) => (hundredths * w) / sum);
  const shares = exact.map(Math.floor);
  let spare = hundredths - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((value, i) => ({ i, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (spare <= 0) break;
    shares[i]! += 1;
    spare -= 1;
  }
  return shares.map((h) => h / 100);
}

/**
 * Shares an exercise's points among its tests. The manifest's test count is the floor of the
 * denominator: a spec that reports fewer tests (it failed to load, or stopped early) is
 * padded with not-run tests, so a broken exercise never shrinks the total.
 */
export function scoreExercise(exercise: Exercise, outcome: Pick<ExerciseOutcome, 'tests' | 'problem'>, clean: (m: string) => string): ExerciseResult {
  const problemStatus = outcome.problem?.status;
  const found = outcome.tests.map((t) => ({
    name: t.name,
    status: t.status,
    ...(t.message !== undefined && t.status !== 'passed' ? { message: clean(t.message) } : {}),
  }));
  for (let n = found.length + 1; n <= exercise.tests; n++) {
    found.push({
      name: `${exercise.id} test ${n} of ${exercise.tests}`,
      status: problemStatus === 'error' ? 'error' : 'not-run',
      message: problemStatus ? 'Not run: the exercise could not be graded (see its message).' : 'Not reported by the spec.',
    });
  }
  const maxPoints = shareOut(
    exercise.points,
    found.map((t) => exercise.weights?.[t.name] ?? 1),
  );
  const tests: TestReport[] = found.map((t, i) => ({
    name: t.name,
    status: t.status,
    points: t.status === 'passed' ? maxPoints[i]! : 0,
    maxPoints: maxPoints[i]!,
    ...(t.message !== undefined ? { message: t.message } : {}),
  }));
  const score = round2(tests.reduce((sum, t) => sum + t.points, 0));

  let status: ExerciseStatus;
  if (problemStatus) status = problemStatus;
  else if (tests.some((t) => t.status === 'timeout')) status = 'timeout';
  else if (tests.length > 0 && tests.every((t) => t.status === 'passed')) status = 'passed';
  else if (tests.some((t) => t.status === 'passed')) status = 'partial';
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

export function buildReport(exercises: Exercise[], outcomes: ExerciseOutcome[], target: { label: string; dir: string; messageLabel?: string }, rootDir: string): GradeReport {
  const context: CleanContext = { targetDir: target.dir, targetLabel: target.messageLabel ?? target.label, rootDir };
  const clean = (message: string): string => cleanMessage(message, context);
  const results = exercises.map((exercise) => {
    const outcome = outcomes.find((o) => o.exerciseId === exercise.id) ?? { tests: [] };
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
    // An error is not diagnosed: the type errors are what to fix.
    const { diagnoses: _dropped, ...undiagnosed } = result;
    return {
      ...undiagnosed,
      typeErrors: own,
      score: 0,
      tests: result.tests.map((t) => ({ ...t, points: 0 })),
      status: 'error' as const,
      message: `${own.length} ${noun} (graded with --strict-types: fix them to earn the points).`,
    };
  });
  return { ...report, exercises, score: round2(exercises.reduce((sum, r) => sum + r.score, 0)) };
}
