/**
 * The class's results, as `batch` collects them, and the gradebook CSV rendered from them: a row
 * per submission, a column per exercise, ready for a spreadsheet or an LMS import; beside it, the
 * class's misconceptions as CSV (the known mistakes the class makes, and per exercise the partial
 * work that looks like none of them). Pure: the batch command gathers the reports and writes the files.
 */
import { misconceptions, summarizeExercise, unexplainedWork, type Graded } from '../report/class-stats';
import { round2, type GradeReport } from '../report/report';

export interface GradebookExercise {
  id: string;
  title: string;
  points: number;
}

export interface SubmissionResult {
  /** The submission's folder name. */
  name: string;
  /** Absent when the submission could not be graded at all (then `problem` says why). */
  report?: GradeReport;
  problem?: string;
}

export interface Gradebook {
  courseTitle: string;
  exercises: GradebookExercise[];
  /** ISO time the batch finished. */
  generatedAt: string;
  submissions: SubmissionResult[];
}

/**
 * Orders names as people count: `student2` before `student10`. Runs of digits compare by value,
 * the rest case-insensitively; names equal by those rules fall back to plain code-unit order,
 * so the order is total and the same on every machine (no locale is consulted).
 */
export function compareNatural(a: string, b: string): number {
  const left = a.split(/(\d+)/);
  const right = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    // split() with a capturing group alternates text (even) and digits (odd).
    const x = left[i]!;
    const y = right[i]!;
    if (x === y) continue;
    if (i % 2 === 1) {
      const xs = x.replace(/^0+(?=\d)/, '');
      const ys = y.replace(/^0+(?=\d)/, '');
      if (xs.length !== ys.length) return xs.length - ys.length;
      if (xs !== ys) return xs < ys ? -1 : 1;
      // Same value, different zero padding (`07` and `7`): decided by the last resort below.
    } else {
      const xl = x.toLowerCase();
      const yl = y.toLowerCase();
      if (xl !== yl) return xl < yl ? -1 : 1;
    }
  }
  if (left.length !== right.length) return left.length - right.length;
  return a === b ? 0 : a < b ? -1 : 1;
}

/** The submissions in the order every class view lists them. */
export function sortedSubmissions(gradebook: Gradebook): SubmissionResult[] {
  return [...gradebook.submissions].sort((a, b) => compareNatural(a.name, b.name));
}

/** The most a submission can earn: the course's points. */
export function courseMaxScore(gradebook: Gradebook): number {
  return round2(gradebook.exercises.reduce((sum, e) => sum + e.points, 0));
}

/** A score as a spreadsheet reads it: a plain number, two decimals at most (`2.5`, `3.33`, `5`). */
function numberField(value: number): string {
  return String(round2(value));
}

/**
 * A text cell. A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or CR
 * before one) as a formula; a folder name is the student's to choose, so such a cell gets a
 * leading `'`, which spreadsheets read as "this is text". Then RFC 4180 quoting: a field holding
 * a comma, a quote or a line break is quoted, its quotes doubled.
 */
function textField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The gradebook as RFC 4180 CSV, CRLF line ends: `submission,total,max,<exercise id>…,problem`,
 * a row per submission in natural name order. A submission that could not be graded has an
 * empty total and empty exercise cells (not zeros, which would read as "graded, earned nothing"),
 * and its problem in the last column; so has an exercise its report does not include.
 */
export function renderGradebookCsv(gradebook: Gradebook): string {
  const header = ['submission', 'total', 'max', ...gradebook.exercises.map((e) => e.id), 'problem'].map(textField);
  const rows = [header.join(',')];
  const fallbackMax = courseMaxScore(gradebook);
  for (const submission of sortedSubmissions(gradebook)) {
    const { report } = submission;
    const cells = [
      textField(submission.name),
      report ? numberField(report.score) : '',
      numberField(report ? report.maxScore : fallbackMax),
      ...gradebook.exercises.map((exercise) => {
        const result = report?.exercises.find((r) => r.id === exercise.id);
        return result ? numberField(result.score) : '';
      }),
      textField(submission.problem ?? ''),
    ];
    rows.push(cells.join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** The submissions that were graded, in the order every class view lists them. */
export function gradedSubmissions(gradebook: Gradebook): Graded[] {
  return sortedSubmissions(gradebook).flatMap((s) => (s.report ? [{ name: s.name, report: s.report, ...(s.problem !== undefined ? { problem: s.problem } : {}) }] : []));
}

/**
 * The class's misconceptions as RFC 4180 CSV, CRLF line ends:
 * `exercise,mistake,explanation,submissions,exact,contains,graded`. First a row per known
 * mistake the class makes, most made first (`submissions` is exact plus contains; `graded`, the
 * submissions whose report has the exercise); then a row per exercise with partial work that
 * looks like no known mistake: its `mistake` cell empty, `submissions` the number of such work,
 * and `explanation` saying so, of how much partial work.
 */
export function renderMisconceptionsCsv(gradebook: Gradebook): string {
  const graded = gradedSubmissions(gradebook);
  const rows = [['exercise', 'mistake', 'explanation', 'submissions', 'exact', 'contains', 'graded'].join(',')];
  for (const m of misconceptions(gradebook.exercises, graded)) {
    rows.push([textField(m.exerciseId), textField(m.mistake), textField(m.explanation), String(m.exact + m.contains), String(m.exact), String(m.contains), String(m.graded)].join(','));
  }
  for (const u of unexplainedWork(gradebook.exercises, graded)) {
    if (u.unmatched === 0) continue;
    const exercise = gradebook.exercises.find((e) => e.id === u.exerciseId)!;
    const explanation = `partial work that looks like no known mistake (${u.unmatched} of ${u.partial} partial)`;
    rows.push([textField(u.exerciseId), '', textField(explanation), String(u.unmatched), '', '', String(summarizeExercise(exercise, graded).graded)].join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}
