/**
 * The report as PrairieLearn's external grader writes it, `/grade/results/results.json`
 * (PrairieLearn's "External grading" documentation, "Grading results"): `score` from 0 to 1,
 * `gradable`, `message`, `output`, and `tests` with `points` and `max_points` that
 * `<pl-external-grader-results>` shows. A submission none of whose exercises could even be
 * loaded (a syntax error, say) is not gradable: PrairieLearn then neither scores it nor counts
 * the attempt, and shows `format_errors`. The file must stay under 1 MB; messages are cut to fit.
 */
import { exercisesPassed, fractionOf, type GradeReport } from '../report/report';
import { diagnosisLinesInEveryLanguage } from './diagnoses';

/** PrairieLearn's limit is 1 MB; this leaves room for the JSON around the messages. */
const SIZE_LIMIT = 900 * 1024;

export interface PrairieLearnTest {
  name: string;
  description: string;
  points: number;
  max_points: number;
  message: string;
  output: string;
}

export interface PrairieLearnResults {
  gradable: boolean;
  score: number;
  message: string;
  output: string;
  tests: PrairieLearnTest[];
  format_errors?: string[];
}

export function prairielearnResults(report: GradeReport, messageLimit = 1200): PrairieLearnResults {
  const cut = (text: string): string => (text.length > messageLimit ? `${text.slice(0, messageLimit)}… (cut)` : text);
  const gradable = report.exercises.length === 0 || report.exercises.some((e) => e.status !== 'error');
  const results: PrairieLearnResults = {
    gradable,
    score: Math.round(fractionOf(report) * 10_000) / 10_000,
    message: `${report.score}/${report.maxScore} points; ${exercisesPassed(report)} of ${report.exercises.length} exercises pass.`,
    // Each exercise's line, and under it what its diagnoses say.
    output: report.exercises
      .flatMap((e) => [
        `${e.id}: ${e.status}, ${e.score}/${e.maxScore}${e.message ? ` (${cut(e.message)})` : ''}`,
        ...diagnosisLinesInEveryLanguage(e.diagnoses ?? []).map((line) => `  ${line}`),
      ])
      .join('\n'),
    tests: report.exercises.flatMap((result) =>
      result.tests.map((test) => ({
        name: `${result.id}: ${test.name}`,
        description: result.title,
        points: test.points,
        max_points: test.maxPoints,
        message: test.status === 'passed' ? '' : test.status,
        output: cut(test.message ?? ''),
      })),
    ),
  };
  if (!gradable) results.format_errors = report.exercises.map((e) => `${e.id}: ${cut(e.message ?? 'could not be loaded')}`);
  return results;
}

export function renderPrairielearn(report: GradeReport): string {
  // Long messages shrink until the file fits PrairieLearn's limit.
  for (let limit = 1200; ; limit = Math.floor(limit / 2)) {
    const text = `${JSON.stringify(prairielearnResults(report, limit), null, 2)}\n`;
    if (Buffer.byteLength(text) <= SIZE_LIMIT || limit < 20) return text;
  }
}
