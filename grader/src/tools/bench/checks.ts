/**
 * Checks that a measured grade graded what it should have. A grade that skipped a spec or
 * stopped early would be fast for the wrong reason, so such a run fails the bench.
 *
 * The report pads an exercise whose spec reported fewer tests than the manifest says with
 * `not-run` tests, so counting tests is not enough: a test must also have a real status.
 */
import fs from 'node:fs';
import type { Course } from '../../course';
import type { GradeReport } from '../../report/report';
import type { SubmissionKind } from '../class-fixtures';
import { BenchFailure } from './run';

export function readReport(file: string, what: string): GradeReport {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new BenchFailure(`${what} wrote no report at ${file}.`);
  }
  try {
    return JSON.parse(text) as GradeReport;
  } catch (error) {
    throw new BenchFailure(`${what} wrote a report that is not JSON: ${(error as Error).message}`);
  }
}

/**
 * Every exercise of the course is there, and every one of its tests ran (any outcome).
 * With `allowStopped`, an exercise the grader itself stopped (status timeout or error: a
 * looping or broken submission) may have tests that never ran; that is its correct grade.
 */
export function requireEverySpecRan(report: GradeReport, course: Course, what: string, allowStopped = false): void {
  const problems: string[] = [];
  if (!Array.isArray(report.exercises) || report.exercises.length !== course.exercises.length) {
    problems.push(`${report.exercises?.length ?? 0} exercises in the report, expected ${course.exercises.length}`);
  }
  for (const exercise of course.exercises) {
    const result = report.exercises?.find((r) => r.id === exercise.id);
    if (!result) {
      problems.push(`${exercise.id} is missing`);
      continue;
    }
    const ran = result.tests.filter((t) => t.status !== 'not-run').length;
    const stopped = allowStopped && (result.status === 'timeout' || result.status === 'error');
    if (result.tests.length !== exercise.tests || (ran !== exercise.tests && !stopped)) {
      problems.push(`${exercise.id}: ${ran} of ${exercise.tests} tests ran (${result.tests.length} reported)`);
    }
  }
  if (problems.length > 0) throw new BenchFailure(`${what} did not run every spec: ${problems.join('; ')}.`);
}

/** The solutions: every spec ran and every exercise passed with every test. */
export function requireAllPassed(report: GradeReport, course: Course, what: string): void {
  requireEverySpecRan(report, course, what);
  const bad = course.exercises
    .map((e) => report.exercises.find((r) => r.id === e.id)!)
    .filter((r) => r.status !== 'passed' || r.tests.some((t) => t.status !== 'passed'))
    .map((r) => `${r.id} ${r.status} (${r.tests.filter((t) => t.status === 'passed').length}/${r.tests.length})`);
  if (bad.length > 0 || report.score !== report.maxScore) {
    throw new BenchFailure(`${what} did not pass every exercise on solutions/: score ${report.score}/${report.maxScore}; ${bad.join('; ')}.`);
  }
}

/** A generated submission: every spec ran, and the kinds whose score is certain got it. */
export function requireSubmissionGraded(report: GradeReport, course: Course, kind: SubmissionKind, what: string): void {
  requireEverySpecRan(report, course, what, true);
  if (kind === 'correct' && report.score !== report.maxScore) {
    throw new BenchFailure(`${what} (all solutions) scored ${report.score}/${report.maxScore}, expected full marks.`);
  }
  if (kind === 'stubs' && report.score !== 0) {
    throw new BenchFailure(`${what} (all stubs) scored ${report.score}/${report.maxScore}, expected 0.`);
  }
}
