/**
 * The report as GitHub Classroom's current autograding reads it: the result object of a
 * "runner" step, which Classroom's reporter action (`classroom-resources/autograding-grading-reporter`)
 * takes, base64-encoded, from the environment variable `<RUNNER ID>_RESULTS`. What the reporter
 * does with it, and so what this file must give it (its src/main.js, notify-classroom.js and
 * console-results.js; grader/test/render.consumers.test.ts ports them as the oracle):
 *
 * - It records `Points ${totalPoints}/${maxPoints}` in a notice titled "Autograding complete",
 *   where `totalPoints` starts at 0 and takes `+= score` of each entry of `tests`, in order, and
 *   `maxPoints` is `max_score`. Floating-point `+=` of hundredths drifts (0.1 + 0.2 is not 0.3),
 *   so each entry's `score` is chosen so that the sum lands exactly on the kit's score: the notice
 *   then prints it exactly as JavaScript prints it (`classroomScores`).
 * - It reads `version`, `status` (`pass`, `fail`, `error`), `max_score`, and per entry `name`,
 *   `status`, `score`, `message` (printed for `error` entries) and `line_no` (printed unless 0).
 *
 * The size is bounded by design. The step output reaches the reporter as one environment string,
 * and Linux refuses a string over 131,072 bytes (MAX_ARG_STRLEN): the reporter would not start,
 * and no points would arrive. So there is one entry per exercise, not per test (the course has
 * hundreds of tests, whose names alone would not fit), each with a name and a message cut to a
 * byte budget shared equally among the exercises: the JSON never exceeds CLASSROOM_JSON_BUDGET,
 * and its base64 never exceeds CLASSROOM_BASE64_BUDGET (64 KiB, half the limit), however long
 * the messages. Every test, with its full message, is in the job summary and the JSON report.
 */
import { isCredited, type ExerciseResult, type GradeReport } from '../report/report';
import { diagnosisLinesInEveryLanguage } from './diagnoses';

export type ClassroomStatus = 'pass' | 'fail' | 'error';

export interface ClassroomTest {
  name: string;
  status: ClassroomStatus;
  score: number;
  message: string;
  line_no: number;
}

export interface ClassroomResult {
  version: 1;
  status: ClassroomStatus;
  max_score: number;
  tests: ClassroomTest[];
}

/** Half of Linux's limit on one environment string (131,072 bytes, `GRADER_RESULTS=` and all). */
export const CLASSROOM_BASE64_BUDGET = 64 * 1024;
/** base64 turns every 3 bytes into 4 characters: this many JSON bytes give at most the budget. */
export const CLASSROOM_JSON_BUDGET = (CLASSROOM_BASE64_BUDGET / 4) * 3;
/** Room for `{"version":1,"status":"error","max_score":…,"tests":[]}` around the entries. */
const ENVELOPE_BYTES = 128;
/** An entry's JSON besides its name and message: keys, quotes, status, a score of up to 24 characters, line_no. */
const ENTRY_FIXED_BYTES = 96;
/**
 * No entry needs more: a name of an exercise's id and title, a message with its diagnoses (two
 * at most, each in English and Korean, a Korean character three bytes) and its failures.
 */
const NAME_BYTES = 200;
const MESSAGE_BYTES = 2048;

/** The bytes `text` takes inside a JSON string (escapes included: a control code takes six). */
function jsonBytes(text: string): number {
  return Buffer.byteLength(JSON.stringify(text)) - 2;
}

/** `text` cut, at a whole character, so that it takes at most `budget` bytes in a JSON string. */
export function cutToJsonBytes(text: string, budget: number): string {
  if (jsonBytes(text) <= budget) return text;
  const ellipsis = '…';
  let room = budget - jsonBytes(ellipsis);
  let kept = '';
  for (const character of text) {
    room -= jsonBytes(character);
    if (room < 0) break;
    kept += character;
  }
  return budget >= jsonBytes(ellipsis) ? `${kept}${ellipsis}` : '';
}

/**
 * Scores whose running `+=` sum, from 0, ends exactly on the last of `totals` (the kit's score),
 * passing near each of the others. Every running sum is kept a whole multiple of u, the spacing
 * of doubles just above the score: such a multiple below the score is a double, and so is the
 * difference of two of them, so each `+=` is exact and the last one lands on the score itself.
 * (Stepping from one decimal total to the next would not do: 3.1 + x is never 7.89 in doubles.)
 * An exercise that earned nothing adds exactly 0.
 */
export function classroomScores(totals: number[]): number[] {
  const score = totals.at(-1) ?? 0;
  if (score <= 0) return totals.map(() => 0);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, score);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  const u = view.getFloat64(0) - score;
  let sum = 0;
  return totals.map((total) => {
    const next = Math.round(total / u) * u;
    const step = next - sum;
    sum = next;
    return step;
  });
}

function statusOf(result: ExerciseResult): ClassroomStatus {
  if (result.status === 'passed' && result.tests.every(isCredited)) return 'pass';
  return result.status === 'error' ? 'error' : 'fail';
}

function messageOf(result: ExerciseResult): string {
  if (statusOf(result) === 'pass') return '';
  const lines = result.message ? [result.message] : [];
  // The known mistake first: the message is cut to its share of the budget from the end.
  lines.push(...diagnosisLinesInEveryLanguage(result.diagnoses ?? []));
  // An exercise that could not run has every test failing for the one reason above.
  const failing = result.status === 'error' ? [] : result.tests.filter((t) => !isCredited(t));
  if (failing.length > 0) lines.push(`${failing.length} of ${result.tests.length} tests fail: ${failing.map((t) => t.name).join('; ')}`);
  return lines.join('\n');
}

export function classroomResult(report: GradeReport): ClassroomResult {
  const count = Math.max(1, report.exercises.length);
  const share = Math.floor((CLASSROOM_JSON_BUDGET - ENVELOPE_BYTES) / count) - ENTRY_FIXED_BYTES;
  const nameBytes = Math.max(0, Math.min(NAME_BYTES, Math.floor(share / 4)));
  const messageBytes = Math.max(0, Math.min(MESSAGE_BYTES, share - nameBytes));
  // The kit's running total, in whole hundredths so that it drifts nowhere; the last is the score.
  let cents = 0;
  const totals = report.exercises.map((result) => {
    cents += Math.round(result.score * 100);
    return cents / 100;
  });
  const scores = classroomScores(totals);
  const tests = report.exercises.map((result, i) => ({
    name: cutToJsonBytes(`${result.id}: ${result.title} (${result.score}/${result.maxScore} points)`, nameBytes),
    status: statusOf(result),
    score: scores[i]!,
    message: cutToJsonBytes(messageOf(result), messageBytes),
    line_no: 0,
  }));
  const status: ClassroomStatus = tests.every((t) => t.status === 'pass') ? 'pass' : tests.some((t) => t.status === 'fail') ? 'fail' : 'error';
  return { version: 1, status, max_score: report.maxScore, tests };
}

/** The JSON, for a file or a person; ./index.ts `sideOutputs` gives the base64 step output. */
export function renderClassroom(report: GradeReport): string {
  return `${JSON.stringify(classroomResult(report), null, 2)}\n`;
}

/** The step output Classroom's reporter reads: `result=<base64 of the JSON>`. */
export function classroomStepOutput(report: GradeReport): string {
  return `result=${Buffer.from(JSON.stringify(classroomResult(report)), 'utf8').toString('base64')}\n`;
}
