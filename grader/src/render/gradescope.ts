/**
 * The report as Gradescope's results.json (the autograder specification at
 * gradescope-autograders.readthedocs.io, "Output format"). Only fields it documents are
 * written; the total the grade is out of has no top-level field there, so it goes in
 * `extra_data.max_score`. Gradescope takes the top-level `score` as the grade; the tests
 * are the breakdown a student sees, and they add up to it exactly.
 */
import type { ExerciseResult, GradeReport, TestReport } from '../report/report';

export const GRADESCOPE_VISIBILITIES = ['visible', 'hidden', 'after_due_date', 'after_published'] as const;
export type GradescopeVisibility = (typeof GRADESCOPE_VISIBILITIES)[number];

export interface GradescopeOptions {
  /** Who sees the results, and when (the top level and every test). */
  visibility: GradescopeVisibility;
  /** How long grading took, in seconds. */
  executionTimeSeconds: number;
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

/** Points are kept to two decimals, so shares are counted in whole hundredths. */
const toCents = (points: number): number => Math.round(points * 100);
const toPoints = (cents: number): number => cents / 100;

/** `total` in `parts` shares of whole cents; the last absorbs the rounding, so they sum to `total`. */
function split(total: number, parts: number): number[] {
  if (parts === 0) return [];
  const share = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => (i === parts - 1 ? total - share * (parts - 1) : share));
}

interface Share {
  test: TestReport;
  earnedCents: number;
  maxCents: number;
  credited: boolean;
}

/**
 * The report keeps an exercise's score and its tests' outcomes but not the tests' weights, so
 * each test's share is rebuilt from what the score says:
 * - the tests that earned points (the passed ones, when the exercise scored) share the score
 *   equally, and each gets its own share in full;
 * - the other tests share the points not earned equally, and get nothing of them.
 * The shares then sum to the exercise's maximum and the earned ones to its score, to the cent.
 * With equal weights (the usual case) every test's share is maxScore/N, as it should be; with
 * weights, the shares follow the weights on average over the passed and the failed tests.
 * An exercise that scored nothing although tests passed (type errors under --strict-types)
 * credits none of them, and reports them as failed, with the exercise's reason.
 */
function shares(result: ExerciseResult): Share[] {
  const scoreCents = toCents(result.score);
  const maxCents = toCents(result.maxScore);
  let credited = scoreCents > 0 ? result.tests.filter((t) => t.status === 'passed') : [];
  // A report with a score but no passed test does not come from the grader; keep its sums right anyway.
  if (credited.length === 0 && scoreCents > 0) credited = result.tests;
  const others = result.tests.filter((t) => !credited.includes(t));
  const earned = split(scoreCents, credited.length);
  const unearned = split(maxCents - scoreCents, others.length);
  const byTest = new Map<TestReport, Share>();
  credited.forEach((test, i) => byTest.set(test, { test, earnedCents: earned[i]!, maxCents: earned[i]!, credited: true }));
  others.forEach((test, i) => byTest.set(test, { test, earnedCents: 0, maxCents: unearned[i]!, credited: false }));
  const ordered = result.tests.map((t) => byTest.get(t)!);
  // Every test earned, yet not every point (a report not from the grader): the last test holds the rest.
  if (others.length === 0 && ordered.length > 0) ordered[ordered.length - 1]!.maxCents += maxCents - scoreCents;
  return ordered;
}

function testOutput(result: ExerciseResult, share: Share): string {
  const parts: string[] = [];
  if (share.test.message) parts.push(share.test.message);
  // A test that could not run, or passed without credit, is explained by the exercise's message.
  if (!share.credited && result.message && result.message !== share.test.message) parts.push(result.message);
  return parts.join('\n\n');
}

function exerciseTests(result: ExerciseResult, visibility: GradescopeVisibility): GradescopeTest[] {
  // The manifest gives every exercise tests; should one have none, it still shows, with its points.
  if (result.tests.length === 0) {
    const status = result.score === result.maxScore ? 'passed' : 'failed';
    return [{ name: result.id, score: result.score, max_score: result.maxScore, status, output: result.message ?? '', visibility }];
  }
  return shares(result).map((share) => ({
    name: `${result.id}: ${share.test.name}`,
    score: toPoints(share.earnedCents),
    max_score: toPoints(share.maxCents),
    status: share.credited && share.test.status === 'passed' ? 'passed' : 'failed',
    output: testOutput(result, share),
    visibility,
  }));
}

function summary(report: GradeReport): string {
  const percent = report.maxScore > 0 ? Math.round((report.score / report.maxScore) * 100) : 0;
  const passed = report.exercises.filter((e) => e.status === 'passed').length;
  const lines = [`Total: ${report.score}/${report.maxScore} (${percent}%). ${passed} of ${report.exercises.length} exercises pass.`];
  const unfinished = report.exercises.filter((e) => e.status !== 'passed');
  if (unfinished.length > 0) {
    lines.push(`Still to do: ${unfinished.map((e) => `${e.id} (${e.status}, ${e.score}/${e.maxScore})`).join(', ')}.`);
  }
  return lines.join('\n');
}

export function renderGradescope(report: GradeReport, options: GradescopeOptions): string {
  const results: GradescopeResults = {
    score: report.score,
    // The specification's example gives whole seconds.
    execution_time: Math.max(0, Math.round(options.executionTimeSeconds)),
    output: summary(report),
    visibility: options.visibility,
    // stdout is the grader's own log, for the instructor's debugging; students read `output`.
    stdout_visibility: 'hidden',
    extra_data: { max_score: report.maxScore, target: report.target, schema_version: report.schemaVersion },
    tests: report.exercises.flatMap((result) => exerciseTests(result, options.visibility)),
  };
  return `${JSON.stringify(results, null, 2)}\n`;
}
