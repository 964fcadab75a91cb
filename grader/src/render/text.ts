/**
 * The report as a student reads it in a terminal: a row per exercise, then what went wrong
 * where it matters, then the total and what to do next.
 */
import path from 'node:path';
import pc from 'picocolors';
import { inRecommendedOrder, numberOf } from '../course';
import type { Lang } from '../commands/hint';
import { exercisesPassed, fractionOf, type ExerciseResult, type ExerciseStatus, type GradeReport } from '../report/report';
import { diagnosisLead, wrapWords } from './diagnoses';

type Colors = ReturnType<typeof pc.createColors>;

const BAR_WIDTH = 10;
/** Failing tests shown with their messages; the others are named, a line each. */
const TESTS_SHOWN = 3;
/** With this many exercises or fewer, every failing one is shown in detail. */
const ALWAYS_DETAILED = 3;

function paint(colors: Colors, status: ExerciseStatus): (text: string) => string {
  switch (status) {
    case 'passed':
      return colors.green;
    case 'partial':
      return colors.yellow;
    case 'timeout':
      return colors.magenta;
    default:
      return colors.red;
  }
}

function formatPoints(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function bar(result: ExerciseResult): string {
  const filled = Math.round(fractionOf(result) * BAR_WIDTH);
  return '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

/** Columns a diagnosis is wrapped to, its indent included: it is prose, read in a terminal. */
const DIAGNOSIS_WIDTH = 100;

/** "This looks like a known mistake: …", wrapped under the exercise, in the student's language. */
function diagnosisLines(result: ExerciseResult, colors: Colors, lang: Lang): string[] {
  return (result.diagnoses ?? []).flatMap((diagnosis) => {
    const lead = diagnosisLead(diagnosis, lang);
    const [first = '', ...rest] = wrapWords(`${lead} ${diagnosis.explanation[lang]}`, DIAGNOSIS_WIDTH - 2);
    return [`  ${colors.bold(colors.cyan(lead))}${first.slice(lead.length)}`, ...rest.map((line) => `  ${line}`)];
  });
}

function details(result: ExerciseResult, colors: Colors, lang: Lang): string[] {
  const color = paint(colors, result.status);
  const lines = [`${colors.bold(result.id)} ${color(result.status)} · ${result.title}`];
  if (result.message) lines.push(indent(result.message, '  '));
  for (const error of result.typeErrors ?? []) {
    lines.push(`  ${colors.cyan('type error')} ${error.file}:${error.line}:${error.column} ${error.message}`);
  }
  lines.push(...diagnosisLines(result, colors, lang));
  const failing = result.tests.filter((t) => t.status !== 'passed');
  // When the whole exercise could not run, its tests all say the same thing: show it once.
  if (result.status !== 'error') {
    // The first few with their messages; every other one by name, a line each, so that none is hidden.
    failing.forEach((test, i) => {
      lines.push(`  ${color('✗')} ${test.name}${test.status === 'failed' ? '' : colors.dim(` (${test.status})`)}`);
      if (i < TESTS_SHOWN && test.message && test.message !== result.message) lines.push(colors.dim(indent(test.message, '      ')));
    });
    if (failing.length > TESTS_SHOWN) {
      lines.push(colors.dim(`  Every failing test's message: npm run grade -- --exercise ${numberOf(result)} --format markdown`));
    }
  }
  lines.push(colors.dim(`  Stuck? npm run hint -- ${numberOf(result)} gives the next hint for this exercise.`));
  return lines;
}

export interface TextOptions {
  color: boolean;
  /** Show details for this exercise only (watch mode: the one just saved). */
  focus?: string;
  /** The course's recommended order (exercise ids): "Next:" is the first unfinished one on it. */
  order?: readonly string[];
  /** The student's language, for what a diagnosis says (the rest is English); English if not given. */
  lang?: Lang;
}

/** A whole-course progress bar, for watch mode. */
export function renderProgress(report: GradeReport, options: { color: boolean; width?: number }): string {
  const colors = pc.createColors(options.color);
  const width = options.width ?? 30;
  const filled = Math.round(fractionOf(report) * width);
  return `Course ${colors.green('█'.repeat(filled))}${'░'.repeat(width - filled)} ${formatPoints(report.score)}/${formatPoints(
    report.maxScore,
  )} points, ${exercisesPassed(report)}/${report.exercises.length} exercises done`;
}

export function renderText(report: GradeReport, options: TextOptions): string {
  const colors = pc.createColors(options.color);
  const idWidth = Math.max(...report.exercises.map((e) => e.id.length), 8);
  const lines: string[] = [colors.bold(`Grading ${report.target}`), ''];
  for (const result of report.exercises) {
    const color = paint(colors, result.status);
    const points = `${formatPoints(result.score)}/${formatPoints(result.maxScore)}`.padStart(9);
    lines.push(`  ${result.id.padEnd(idWidth)}  ${color(bar(result))} ${points}  ${color(result.status)}`);
  }

  const unfinished = report.exercises.filter((e) => e.status !== 'passed');
  const firstFailed = unfinished.find((u) => u.status === 'failed');
  // With many exercises, untouched stubs would drown the rest: show the one to do next, the
  // ones in progress (partial, error, timeout), and any with type errors.
  const detailed = report.exercises.filter((e) =>
    options.focus !== undefined
      ? e.id === options.focus && (e.status !== 'passed' || (e.typeErrors?.length ?? 0) > 0)
      : (e.typeErrors?.length ?? 0) > 0 ||
        (e.status !== 'passed' && (report.exercises.length <= ALWAYS_DETAILED || e.status !== 'failed' || e === firstFailed)),
  );
  for (const result of detailed) {
    lines.push('', ...details(result, colors, options.lang ?? 'en'));
  }

  const percent = Math.round(fractionOf(report) * 100);
  lines.push('', colors.bold(`Total: ${formatPoints(report.score)}/${formatPoints(report.maxScore)} (${percent}%)`));
  const next = inRecommendedOrder(unfinished, { recommendedOrder: options.order ? [...options.order] : undefined })[0];
  if (next) {
    const number = numberOf(next);
    lines.push(
      `Next: ${next.id}. Read ${path.posix.join(report.target, next.id, 'README.md')}; stuck? npm run hint -- ${number}`,
    );
  } else if (report.exercises.length > 0) {
    lines.push(colors.green('Every graded exercise passes. Well done!'));
  }
  return `${lines.join('\n')}\n`;
}
