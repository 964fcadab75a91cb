/**
 * The report as Gradescope's results.json (the autograder specification at
 * gradescope-autograders.readthedocs.io, "Output format"). Only fields it documents are
 * written; the total the grade is out of has no top-level field there, so it goes in
 * `extra_data.max_score`. Gradescope takes the top-level `score` as the grade; the tests
 * are the breakdown a student sees, each with its points from the report, and they add up to
 * it exactly.
 */
import { exercisesPassed, fractionOf, isCredited, type ExerciseResult, type GradeReport, type TestReport } from '../report/report';

import { diagnosisLinesInEveryLanguage } from './diagnoses';
import type { GradescopeVisibility } from './formats';

export type { GradescopeVisibility };

export interface GradescopeOptions {
  /** Who sees the results, and when (the top level and every test). */
  visibility: GradescopeVisibility;
}

export interface GradescopeTest {
  name: string;
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  output: string;
  visibility: GradescopeVisibility;
}

export interface GradescopeResults {
  score: number;
  execution_time: number;
  output: string;
  visibility: GradescopeVisibility;
  stdout_visibility: GradescopeVisibility;
  extra_data: { max_score: number; target: string; schema_version: number };
  tests: GradescopeTest[];
}

function testOutput(result: ExerciseResult, test: TestReport): string {
  const parts: string[] = [];
  if (test.message) parts.push(test.message);
  // A test that could not run, or passed without credit, is explained by the exercise's message.
  if (!isCredited(test) && result.message && result.message !== test.message) parts.push(result.message);
  return parts.join('\n\n');
}

/** Each test with its own points from the report: the tests add up to the exercise, to the hundredth. */
function exerciseTests(result: ExerciseResult, visibility: GradescopeVisibility): GradescopeTest[] {
  // The manifest gives every exercise tests; should one have none, it still shows, with its points.
  if (result.tests.length === 0) {
    const status = result.score === result.maxScore ? 'passed' : 'failed';
    return [{ name: result.id, score: result.score, max_score: result.maxScore, status, output: result.message ?? '', visibility }];
  }
  return result.tests.map((test) => ({
    name: `${result.id}: ${test.name}`,
    score: test.points,
    max_score: test.maxPoints,
    status: isCredited(test) ? 'passed' : 'failed',
    output: testOutput(result, test),
    visibility,
  }));
}

function summary(report: GradeReport): string {
  const percent = Math.round(fractionOf(report) * 100);
  const lines = [`Total: ${report.score}/${report.maxScore} (${percent}%). ${exercisesPassed(report)} of ${report.exercises.length} exercises pass.`];
  const unfinished = report.exercises.filter((e) => e.status !== 'passed');
  if (unfinished.length > 0) {
    lines.push(`Still to do: ${unfinished.map((e) => `${e.id} (${e.status}, ${e.score}/${e.maxScore})`).join(', ')}.`);
  }
  // Gradescope has no place for an exercise as a whole, but this summary, which a student reads first.
  for (const result of unfinished) {
    for (const line of diagnosisLinesInEveryLanguage(result.diagnoses ?? [])) lines.push(`${result.id}: ${line}`);
  }
  return lines.join('\n');
}

export function renderGradescope(report: GradeReport, options: GradescopeOptions): string {
  const results: GradescopeResults = {
    score: report.score,
    // How long the grade took, kept in the report so that `render` gives it too (0 when a report
    // does not say); the specification's example gives whole seconds.
    execution_time: Math.max(0, Math.round(report.durationSeconds ?? 0)),
    output: summary(report),
    visibility: options.visibility,
    // stdout is the grader's own log, for the instructor's debugging; students read `output`.
    stdout_visibility: 'hidden',
    extra_data: { max_score: report.maxScore, target: report.target, schema_version: report.schemaVersion },
    tests: report.exercises.flatMap((result) => exerciseTests(result, options.visibility)),
  };
  return `${JSON.stringify(results, null, 2)}\n`;
}
