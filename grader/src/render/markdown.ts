/**
 * The report as Markdown: a table of the exercises, then what went wrong in each one that
 * did not pass. Used as the GitHub job summary, and for anything else that renders Markdown.
 * Whatever a failure message holds (pipes, backticks, HTML), it cannot change the layout.
 */
import { exercisesPassed, fractionOf, type ExerciseResult, type ExerciseStatus, type GradeReport, type TestReport } from '../report/report';
import { diagnosisLead, LANGS } from './diagnoses';

const SYMBOLS: Record<ExerciseStatus, string> = {
  passed: '✅',
  partial: '🟡',
  failed: '❌',
  error: '💥',
  timeout: '⏱️',
};

function formatPoints(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** Text in a table cell: one line, and a pipe that cannot end the cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * Text in running Markdown, mid-line (a test's name): the characters that could start emphasis,
 * code, a link, HTML, an entity or a table cell are escaped; the others are inert there.
 */
function inline(text: string): string {
  return text.replace(/[\\`*_[\]<|~&]/g, '\\$&').replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * An explanation of a known mistake, from the kit: its `code spans` stay code, and the rest is
 * escaped as `inline` does, so a report edited by hand cannot change the layout either.
 */
function inlineWithCode(text: string): string {
  return text
    .split(/(`[^`\r\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : inline(part)))
    .join('');
}

/** Each diagnosis in English and in Korean, as one quoted block before the failures. */
function diagnosisBlock(result: ExerciseResult): string[] {
  const lines = (result.diagnoses ?? []).flatMap((d) => LANGS.map((lang) => `> **${inline(diagnosisLead(d, lang))}** ${inlineWithCode(d.explanation[lang])}`));
  return lines.length > 0 ? [lines.join('\n>\n'), ''] : [];
}

/** Text inside raw HTML (the <summary> of a <details>). */
function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A fenced code block whose fence is longer than any run of backticks in the text, so the
 * text can never close it early (CommonMark: the closing fence must be at least as long).
 */
function fenced(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text.replace(/\r\n?/g, '\n')}\n${fence}`;
}

function details(result: ExerciseResult): string[] {
  const summary = `${SYMBOLS[result.status]} ${result.id} · ${result.status} · ${formatPoints(result.score)}/${formatPoints(result.maxScore)}`;
  const lines = ['<details>', `<summary>${html(summary)}</summary>`, ''];
  if (result.message) lines.push(fenced(result.message), '');
  lines.push(...diagnosisBlock(result));
  // An exercise that could not run has every test failing for the one reason already shown.
  const failing = result.status === 'error' ? [] : result.tests.filter((t) => t.status !== 'passed');
  // Tests that fail for the same reason (a stub's "Not implemented") are listed over one message.
  const byMessage = new Map<string, TestReport[]>();
  for (const test of failing) {
    const message = test.message !== undefined && test.message !== result.message ? test.message : '';
    byMessage.set(message, [...(byMessage.get(message) ?? []), test]);
  }
  for (const [message, tests] of byMessage) {
    for (const test of tests) lines.push(`- **${inline(test.name)}** (${test.status}, ${formatPoints(test.points)}/${formatPoints(test.maxPoints)})`);
    lines.push('');
    if (message) lines.push(fenced(message), '');
  }
  if (result.status === 'error' && result.tests.length > 0) {
    lines.push(`All ${result.tests.length} tests of this exercise are counted as failing.`, '');
  }
  lines.push('</details>');
  return lines;
}

export function renderMarkdown(report: GradeReport): string {
  const percent = Math.round(fractionOf(report) * 100);
  const lines = [
    `## Grade: ${formatPoints(report.score)}/${formatPoints(report.maxScore)} (${percent}%)`,
    '',
    `${exercisesPassed(report)} of ${report.exercises.length} exercises pass. Graded: ${inline(report.target)}.`,
    '',
    '| exercise | points | status |',
    '| --- | ---: | --- |',
  ];
  for (const result of report.exercises) {
    const points = `${formatPoints(result.score)}/${formatPoints(result.maxScore)}`;
    lines.push(`| ${cell(`${result.id} · ${result.title}`)} | ${points} | ${SYMBOLS[result.status]} ${result.status} |`);
  }
  const unfinished = report.exercises.filter((e) => e.status !== 'passed');
  if (unfinished.length > 0) {
    lines.push('', '### What to fix');
    for (const result of unfinished) lines.push('', ...details(result));
  }
  return `${lines.join('\n')}\n`;
}
