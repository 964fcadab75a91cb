/**
 * The report as GitHub Classroom's current autograding reads it: the result object of a
 * "runner" step, which Classroom's reporter action (`classroom-resources/autograding-grading-reporter`)
 * takes from an environment variable `<RUNNER ID>_RESULTS` holding it base64-encoded, and totals
 * for the assignment as the sum of the tests' `score` over the sum of the runners' `max_score`.
 * Fields are those the reporter reads: `version`, `status` (`pass`, `fail`, `error`),
 * `max_score`, and per test `name`, `status`, `score`, `message`; a runner's own `filename`
 * and `line_no` are given where they mean something. Each test carries its share of points,
 * so the tests add up to the grade exactly, weights included.
 */
import { sourceFileOf } from '../course';
import { isCredited, type ExerciseResult, type GradeReport, type TestReport } from '../report/report';

export type ClassroomStatus = 'pass' | 'fail' | 'error';

export interface ClassroomTest {
  name: string;
  status: ClassroomStatus;
  score: number;
  message: string;
  filename: string;
  line_no: number;
}

export interface ClassroomResult {
  version: 1;
  status: ClassroomStatus;
  max_score: number;
  tests: ClassroomTest[];
}

function statusOf(result: ExerciseResult, test: TestReport): ClassroomStatus {
  if (isCredited(test)) return 'pass';
  return result.status === 'error' || test.status === 'error' ? 'error' : 'fail';
}

export function classroomResult(report: GradeReport): ClassroomResult {
  const tests = report.exercises.flatMap((result) =>
    result.tests.map((test) => ({
      name: `${result.id}: ${test.name}`,
      status: statusOf(result, test),
      score: test.points,
      message: test.message ?? (test.status === 'passed' && test.points === 0 ? (result.message ?? '') : ''),
      filename: sourceFileOf(result),
      line_no: 0,
    })),
  );
  const status: ClassroomStatus = tests.every((t) => t.status === 'pass') ? 'pass' : tests.some((t) => t.status === 'fail') ? 'fail' : 'error';
  return { version: 1, status, max_score: report.maxScore, tests };
}

/** The JSON, for a file or a person; ./index.ts `stepOutputs` gives the base64 step output. */
export function renderClassroom(report: GradeReport): string {
  return `${JSON.stringify(classroomResult(report), null, 2)}\n`;
}

/** The step output Classroom's reporter reads: `result=<base64 of the JSON>`. */
export function classroomStepOutput(report: GradeReport): string {
  return `result=${Buffer.from(JSON.stringify(classroomResult(report)), 'utf8').toString('base64')}\n`;
}
