/**
 * The report for a GitHub Actions job: workflow-command annotations for stdout, and the
 * Markdown job summary (the caller appends it to the file named by $GITHUB_STEP_SUMMARY).
 *
 * GitHub Classroom's score: Classroom reads the points of a push from the check run of its
 * autograding workflow, matching the text `Points <score>/<max>`. Its own reporter action
 * (classroom-resources/autograding-grading-reporter) writes that text as the check run's
 * summary and as a notice annotation titled "Autograding complete". A `::notice` workflow
 * command makes the same annotation without a token, so that line comes first: GitHub keeps
 * only 10 annotations of each level per step, and with more than 10 exercises a late notice
 * would be dropped. The plain `Points …` line ends the output for a person reading the log
 * (and for scripts that take the last line).
 */
import type { ExerciseResult, GradeReport } from '../report/report';
import { renderMarkdown } from './markdown';

/** Failing tests named in one annotation; the job summary has them all. */
const TESTS_SHOWN = 3;

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

export function renderGithub(report: GradeReport): GithubOutput {
  const lines = [command('notice', 'Autograding complete', pointsLine(report))];
  for (const result of report.exercises) {
    lines.push(command(result.status === 'passed' ? 'notice' : 'error', result.id, annotationText(result)));
  }
  lines.push(pointsLine(report));
  return { summaryMarkdown: renderMarkdown(report), annotations: `${lines.join('\n')}\n` };
}
