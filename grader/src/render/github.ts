/**
 * The report for a GitHub Actions job: workflow-command annotations for stdout, and the
 * Markdown job summary (the caller appends it to the file named by $GITHUB_STEP_SUMMARY).
 *
 * GitHub shows at most 10 annotations of each level (error, warning, notice) per step and
 * drops the rest, so the commands here keep to that: the grade's own notice, then an
 * annotation per exercise while there is room, and one annotation naming the exercises left
 * over; the job summary has them all.
 *
 * The grade's notice is titled "Grade", not "Autograding complete": that title belongs to GitHub
 * Classroom's reporter action, whose notice records the points (./classroom.ts), and a run shows
 * one such notice. Both say the same `Points X/Y`. The plain `Points …` line ends the output for
 * a person reading the log (and for scripts that take the last line).
 */
import type { ExerciseResult, GradeReport } from '../report/report';
import { diagnosisLinesInEveryLanguage } from './diagnoses';
import { renderMarkdown } from './markdown';

/** Failing tests named in one annotation; the job summary has them all. */
const TESTS_SHOWN = 3;
/** What GitHub shows of each annotation level in one step. */
export const ANNOTATIONS_PER_LEVEL = 10;

/** A workflow command's message: `%`, CR and LF would end or corrupt the command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: also `:` and `,`, which separate the properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(level: 'error' | 'notice', title: string, message: string): string {
  return `::${level} title=${escapeProperty(title)}::${escapeData(message)}`;
}

function pointsLine(report: GradeReport): string {
  return `Points ${report.score}/${report.maxScore}`;
}

function annotationText(result: ExerciseResult): string {
  const lines = [`${result.title}: ${result.status}, ${result.score}/${result.maxScore} points.`];
  if (result.message) lines.push(result.message);
  lines.push(...diagnosisLinesInEveryLanguage(result.diagnoses ?? []));
  // An exercise that could not run has every test failing for the one reason already given.
  const failing = result.status === 'error' ? [] : result.tests.filter((t) => t.status !== 'passed');
  for (const test of failing.slice(0, TESTS_SHOWN)) {
    lines.push(`✗ ${test.name}${test.status === 'failed' ? '' : ` (${test.status})`}`);
    if (test.message && test.message !== result.message) lines.push(test.message);
  }
  if (failing.length > TESTS_SHOWN) lines.push(`… and ${failing.length - TESTS_SHOWN} more (see the job summary).`);
  return lines.join('\n');
}

export interface GithubOutput {
  /** The job summary, in Markdown. */
  summaryMarkdown: string;
  /** Workflow commands for stdout, one per line, ending with the `Points` line. */
  annotations: string;
}

type Level = 'error' | 'notice';

const levelOf = (result: ExerciseResult): Level => (result.status === 'passed' ? 'notice' : 'error');

/** The exercises of one level that get an annotation each, and those left for one annotation together. */
function placesOf(report: GradeReport, level: Level, room: number): { shown: Set<ExerciseResult>; rest: ExerciseResult[] } {
  const all = report.exercises.filter((r) => levelOf(r) === level);
  const shown = all.length > room ? all.slice(0, room - 1) : all;
  return { shown: new Set(shown), rest: all.slice(shown.length) };
}

export function renderGithub(report: GradeReport): GithubOutput {
  // The grade's notice takes one of the notices' places.
  const places = { notice: placesOf(report, 'notice', ANNOTATIONS_PER_LEVEL - 1), error: placesOf(report, 'error', ANNOTATIONS_PER_LEVEL) };
  const lines = [command('notice', 'Grade', pointsLine(report))];
  for (const result of report.exercises) {
    const level = levelOf(result);
    if (places[level].shown.has(result)) lines.push(command(level, result.id, annotationText(result)));
  }
  for (const level of ['notice', 'error'] as const) {
    const { rest } = places[level];
    if (rest.length === 0) continue;
    const list = rest.map((r) => `${r.id}: ${r.status}, ${r.score}/${r.maxScore} points.`).join('\n');
    lines.push(command(level, `${rest.length} more exercises`, `${list}\nEvery exercise and failing test is in the job summary.`));
  }
  lines.push(pointsLine(report));
  return { summaryMarkdown: renderMarkdown(report), annotations: `${lines.join('\n')}\n` };
}
