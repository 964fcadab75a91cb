/**
 * The class report: one self-contained HTML page a teacher opens after `batch`. At the top the
 * class's totals; then how the scores spread, how each exercise went, the tests most
 * submissions fail, and every submission's row. Inline CSS and SVG only: no script, no font,
 * no request, so it works offline, from an attachment, and on paper.
 * Every piece of text that comes from a submission or a report (folder names, test names,
 * messages, titles) goes through `escapeHtml`, in element text and attributes alike.
 * Pure: the batch command writes the file.
 */
import { round2, type ExerciseResult, type ExerciseStatus, type GradeReport } from '../report/report';
import { courseMaxScore, sortedSubmissions, type Gradebook, type GradebookExercise, type SubmissionResult } from './gradebook';

/** The five characters that mean something in HTML text or a quoted attribute, as references. */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

interface Graded {
  name: string;
  problem?: string;
  report: GradeReport;
}

const STATUS_LABELS: Record<ExerciseStatus, string> = {
  passed: 'full marks',
  partial: 'partial',
  failed: 'no test passes',
  error: 'error',
  timeout: 'timeout',
};

const TOP_FAILING = 15;
const BUCKETS = 10;

function fmt(value: number): string {
  return String(round2(value));
}

function percent(part: number, whole: number): number {
  return whole > 0 ? (part / whole) * 100 : 0;
}

function fmtPercent(value: number): string {
  return `${Math.round(value)}%`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** `2025-03-04 05:06 UTC`; a value that is not a date is shown as given. */
function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A column heading short enough for a grid of exercises: `05-summer` is `05`. */
function shortLabel(exercise: GradebookExercise): string {
  return /^\d+/.exec(exercise.id)?.[0] ?? exercise.id;
}

/** A message's first line, capped, for a tooltip. */
function brief(message: string, max = 160): string {
  const line = message.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A submission's total as a share of its own maximum (a batch of a few exercises is out of those). */
function totalPercent(report: GradeReport): number {
  return percent(report.score, report.maxScore);
}

/** 0–10, 10–20, …, 90–100: a bucket holds its lower bound; 100% joins the last one. */
function bucketOf(percentValue: number): number {
  return Math.min(BUCKETS - 1, Math.max(0, Math.floor(round2(percentValue) / (100 / BUCKETS))));
}

// ---------------------------------------------------------------------------------------------
// The numbers

interface ExerciseSummary {
  exercise: GradebookExercise;
  /** Graded submissions whose report includes the exercise: every percentage's denominator. */
  graded: number;
  mean: number;
  fullMarks: number;
  errors: number;
  timeouts: number;
}

function summarizeExercise(exercise: GradebookExercise, graded: Graded[]): ExerciseSummary {
  const results = graded.map((g) => g.report.exercises.find((r) => r.id === exercise.id)).filter((r): r is ExerciseResult => r !== undefined);
  const count = (status: ExerciseStatus): number => results.filter((r) => r.status === status).length;
  return {
    exercise,
    graded: results.length,
    mean: results.length > 0 ? results.reduce((sum, r) => sum + r.score, 0) / results.length : 0,
    fullMarks: count('passed'),
    errors: count('error'),
    timeouts: count('timeout'),
  };
}

interface FailingTest {
  exerciseId: string;
  name: string;
  failures: number;
  /** Graded submissions whose report includes the test's exercise. */
  graded: number;
  rate: number;
  order: number;
}

/**
 * The tests that failed in the most submissions. A failure is a test that ran and did not pass
 * (`failed`, `timeout`); tests that never ran because their exercise could not be loaded are
 * counted once, as that exercise's error, rather than crowding the list with placeholders.
 */
function failingTests(gradebook: Gradebook, graded: Graded[]): FailingTest[] {
  const exerciseOrder = new Map(gradebook.exercises.map((e, i) => [e.id, i]));
  const gradedFor = new Map<string, number>();
  const tests = new Map<string, FailingTest>();
  for (const { report } of graded) {
    for (const result of report.exercises) {
      gradedFor.set(result.id, (gradedFor.get(result.id) ?? 0) + 1);
      for (const test of result.tests) {
        if (test.status !== 'failed' && test.status !== 'timeout') continue;
        const key = JSON.stringify([result.id, test.name]);
        const entry = tests.get(key) ?? { exerciseId: result.id, name: test.name, failures: 0, graded: 0, rate: 0, order: tests.size };
        entry.failures++;
        tests.set(key, entry);
      }
    }
  }
  const ranked = [...tests.values()].map((t) => {
    const denominator = gradedFor.get(t.exerciseId) ?? 0;
    return { ...t, graded: denominator, rate: percent(t.failures, denominator) };
  });
  const position = (id: string): number => exerciseOrder.get(id) ?? Number.MAX_SAFE_INTEGER;
  ranked.sort((a, b) => b.rate - a.rate || b.failures - a.failures || position(a.exerciseId) - position(b.exerciseId) || a.order - b.order);
  return ranked.slice(0, TOP_FAILING);
}

// ---------------------------------------------------------------------------------------------
// The sections

function renderHeader(gradebook: Gradebook, submissions: SubmissionResult[], graded: Graded[], max: number): string {
  const ungraded = submissions.length - graded.length;
  const totals = graded.map((g) => g.report.score);
  const stat = (key: string, label: string, value: number | undefined, note: string): string => {
    const shown =
      value === undefined
        ? '<span class="none">—</span>'
        : `${fmt(value)}<span class="of">/${fmt(max)}</span>`;
    const data = value === undefined ? '' : ` data-value="${fmt(value)}"`;
    return `<div class="stat"><dt>${label}</dt><dd data-stat="${key}"${data}>${shown}</dd><dd class="note">${note}</dd></div>`;
  };
  const share = (value: number): string => (max > 0 ? `${fmtPercent(percent(value, max))} of the points` : '');
  const mean = totals.length > 0 ? totals.reduce((a, b) => a + b, 0) / totals.length : undefined;
  const middle = totals.length > 0 ? median(totals) : undefined;
  const lowest = totals.length > 0 ? Math.min(...totals) : undefined;
  const highest = totals.length > 0 ? Math.max(...totals) : undefined;
  const gradedNote = ungraded > 0 ? `${graded.length} graded, <a href="#submissions">${ungraded} not graded</a>` : 'all graded';
  return `<header class="page-head">
  <p class="eyebrow">Class report</p>
  <h1>${escapeHtml(gradebook.courseTitle)}</h1>
  <p class="meta">${plural(submissions.length, 'submission')} · ${plural(gradebook.exercises.length, 'exercise')} · ${fmt(max)} points · generated <time datetime="${escapeHtml(gradebook.generatedAt)}">${escapeHtml(formatTime(gradebook.generatedAt))}</time></p>
  <dl class="stats">
    <div class="stat"><dt>Submissions</dt><dd data-stat="submissions" data-value="${submissions.length}">${submissions.length}</dd><dd class="note">${gradedNote}</dd></div>
    ${stat('mean', 'Mean', mean, mean === undefined ? 'nothing graded' : share(mean))}
    ${stat('median', 'Median', middle, middle === undefined ? '' : share(middle))}
    ${stat('min', 'Lowest', lowest, lowest === undefined ? '' : share(lowest))}
    ${stat('max', 'Highest', highest, highest === undefined ? '' : share(highest))}
  </dl>
</header>`;
}

function renderHistogram(graded: Graded[]): string {
  const counts = new Array<number>(BUCKETS).fill(0);
  for (const { report } of graded) counts[bucketOf(totalPercent(report))]!++;
  const width = 760;
  const height = 270;
  const left = 48;
  const right = 12;
  const top = 46;
  const bottom = 52;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const highest = Math.max(1, ...counts);
  const step = Math.max(1, Math.ceil(highest / 5));
  const yMax = Math.ceil(highest / step) * step;
  const y = (value: number): number => top + plotHeight - (value / yMax) * plotHeight;
  const slot = plotWidth / BUCKETS;
  const span = 100 / BUCKETS;
  const label = (i: number): string => `${i * span}–${(i + 1) * span}%`;

  const grid: string[] = [];
  for (let value = 0; value <= yMax; value += step) {
    grid.push(
      `<line class="grid" x1="${left}" x2="${width - right}" y1="${y(value)}" y2="${y(value)}"/>`,
      `<text class="tick" x="${left - 8}" y="${y(value) + 4}" text-anchor="end">${value}</text>`,
    );
  }
  const bars = counts.map((count, i) => {
    const x = left + i * slot + slot * 0.12;
    const barWidth = slot * 0.76;
    const name = `${label(i)}: ${plural(count, 'submission')}`;
    const bar =
      count > 0
        ? `<rect x="${x.toFixed(1)}" y="${y(count).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(y(0) - y(count)).toFixed(1)}" rx="3"/>` +
          `<text class="count" x="${(x + barWidth / 2).toFixed(1)}" y="${(y(count) - 6).toFixed(1)}" text-anchor="middle">${count}</text>`
        : '';
    return (
      `<g class="bar" data-bucket="${i * span}-${(i + 1) * span}" data-count="${count}"><title>${name}</title>${bar}` +
      `<text class="tick" x="${(left + i * slot + slot / 2).toFixed(1)}" y="${y(0) + 18}" text-anchor="middle">${i * span}–${(i + 1) * span}</text></g>`
    );
  });
  const mean = graded.length > 0 ? graded.reduce((sum, g) => sum + totalPercent(g.report), 0) / graded.length : undefined;
  const meanMarker =
    mean === undefined
      ? ''
      : (() => {
          const x = (left + (Math.min(100, mean) / 100) * plotWidth).toFixed(1);
          const anchor = mean > 85 ? 'end' : 'start';
          const dx = mean > 85 ? -5 : 5;
          return `<g class="mean"><line x1="${x}" x2="${x}" y1="20" y2="${y(0)}"/><text x="${Number(x) + dx}" y="16" text-anchor="${anchor}">mean ${fmtPercent(mean)}</text></g>`;
        })();
  const summary = `Histogram of total scores in buckets of ${span} percentage points: ${counts.map((c, i) => `${label(i)}: ${c}`).join(', ')}.`;
  return `<section class="card" aria-labelledby="distribution">
  <h2 id="distribution">Score distribution</h2>
  <p class="lede">Graded submissions by total score, in steps of ${span} percentage points.</p>
  <svg class="histogram" role="img" aria-label="${escapeHtml(summary)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">
    ${grid.join('\n    ')}
    ${bars.join('\n    ')}
    <line class="axis" x1="${left}" x2="${width - right}" y1="${y(0)}" y2="${y(0)}"/>
    ${meanMarker}
    <text class="axis-title" x="${left + plotWidth / 2}" y="${height - 8}" text-anchor="middle">total score (% of the points)</text>
    <text class="axis-title" transform="translate(14 ${top + plotHeight / 2}) rotate(-90)" text-anchor="middle">submissions</text>
  </svg>
</section>`;
}

/** A thin bar for a share, 0–100; decorative, the number beside it says the same. */
function miniBar(value: number, kind = ''): string {
  const filled = Math.max(0, Math.min(100, value));
  return `<svg class="minibar${kind ? ` ${kind}` : ''}" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="track" width="100" height="8" rx="4"/><rect class="fill" width="${filled.toFixed(1)}" height="8" rx="4"/></svg>`;
}

function shareCell(count: number, of: number, kind: string): string {
  const value = percent(count, of);
  const zero = count === 0 ? ' zero' : '';
  return `<td class="num ${kind}${zero}" title="${count} of ${of}">${fmtPercent(value)}</td>`;
}

function renderExercises(gradebook: Gradebook, graded: Graded[]): string {
  const rows = gradebook.exercises.map((exercise) => {
    const s = summarizeExercise(exercise, graded);
    const meanShare = percent(s.mean, exercise.points);
    const data = [
      `data-exercise="${escapeHtml(exercise.id)}"`,
      `data-graded="${s.graded}"`,
      `data-mean="${fmt(s.mean)}"`,
      `data-full-marks="${fmt(percent(s.fullMarks, s.graded))}"`,
      `data-error="${fmt(percent(s.errors, s.graded))}"`,
      `data-timeout="${fmt(percent(s.timeouts, s.graded))}"`,
    ].join(' ');
    return `<tr ${data}>
      <th scope="row"><span class="ex-id">${escapeHtml(exercise.id)}</span><span class="ex-title">${escapeHtml(exercise.title)}</span></th>
      <td class="num">${fmt(exercise.points)}</td>
      <td class="mean"><span class="mean-value">${s.graded > 0 ? fmt(s.mean) : '—'}</span>${miniBar(meanShare)}<span class="mean-share">${s.graded > 0 ? fmtPercent(meanShare) : ''}</span></td>
      ${shareCell(s.fullMarks, s.graded, 'full')}
      ${shareCell(s.errors, s.graded, 'err')}
      ${shareCell(s.timeouts, s.graded, 'tmo')}
    </tr>`;
  });
  return `<section class="card" aria-labelledby="exercises">
  <h2 id="exercises">Exercises</h2>
  <p class="lede">Percentages are of the ${plural(graded.length, 'graded submission')}.</p>
  <div class="scroll">
  <table class="exercise-table">
    <thead><tr><th scope="col">Exercise</th><th scope="col" class="num">Points</th><th scope="col">Mean score</th><th scope="col" class="num">Full marks</th><th scope="col" class="num">Error</th><th scope="col" class="num">Timeout</th></tr></thead>
    <tbody>
    ${rows.join('\n    ')}
    </tbody>
  </table>
  </div>
</section>`;
}

function renderFailing(gradebook: Gradebook, graded: Graded[]): string {
  const failing = failingTests(gradebook, graded);
  const body =
    failing.length === 0
      ? '<p class="empty">No test failed in any graded submission.</p>'
      : `<div class="scroll"><table class="failing-table">
    <thead><tr><th scope="col" class="num">#</th><th scope="col">Exercise</th><th scope="col">Test</th><th scope="col" class="num">Failed in</th><th scope="col">Rate</th></tr></thead>
    <tbody>
    ${failing
      .map(
        (t, i) => `<tr data-exercise="${escapeHtml(t.exerciseId)}" data-test="${escapeHtml(t.name)}" data-failures="${t.failures}" data-rate="${fmt(t.rate)}">
      <td class="num rank">${i + 1}</td><td class="ex-id">${escapeHtml(t.exerciseId)}</td><th scope="row" class="test-name">${escapeHtml(t.name)}</th>
      <td class="num">${t.failures}<span class="of"> of ${t.graded}</span></td>
      <td class="rate">${miniBar(t.rate, 'bad')}<span>${fmtPercent(t.rate)}</span></td>
    </tr>`,
      )
      .join('\n    ')}
    </tbody>
  </table></div>`;
  return `<section class="card" aria-labelledby="failing">
  <h2 id="failing">Tests most submissions fail</h2>
  <p class="lede">The ${TOP_FAILING} tests with the highest failure rate: tests that ran and did not pass. Tests of an exercise that could not be loaded count as that exercise's error instead.</p>
  ${body}
</section>`;
}

function statusCell(exercise: GradebookExercise, result: ExerciseResult | undefined): string {
  if (!result) return `<td class="cell s-none" title="${escapeHtml(`${exercise.id}: not graded`)}"><span class="sr">not graded</span>—</td>`;
  const why = result.message !== undefined ? ` — ${brief(result.message)}` : '';
  const title = `${exercise.id}: ${STATUS_LABELS[result.status]}, ${fmt(result.score)}/${fmt(result.maxScore)}${why}`;
  return `<td class="cell s-${result.status}" data-status="${result.status}" title="${escapeHtml(title)}">${fmt(result.score)}<span class="sr"> ${STATUS_LABELS[result.status]}</span></td>`;
}

function renderSubmissions(gradebook: Gradebook, submissions: SubmissionResult[]): string {
  const rows = submissions.map((submission) => {
    const name = escapeHtml(submission.name);
    const { report } = submission;
    if (!report) {
      const problem = submission.problem ?? 'not graded';
      return `<tr class="ungraded" data-submission="${name}"><th scope="row" class="name">${name}</th><td class="num total">—</td><td class="problem" colspan="${gradebook.exercises.length}"><strong>Could not be graded:</strong> ${escapeHtml(problem)}</td></tr>`;
    }
    const note = submission.problem !== undefined ? `<span class="name-note">${escapeHtml(submission.problem)}</span>` : '';
    const cells = gradebook.exercises.map((exercise) => statusCell(exercise, report.exercises.find((r) => r.id === exercise.id)));
    const share = totalPercent(report);
    return `<tr data-submission="${name}" data-total="${fmt(report.score)}"><th scope="row" class="name">${name}${note}</th><td class="num total"><span class="total-value">${fmt(report.score)}</span> <span class="of">${fmtPercent(share)}</span></td>${cells.join('')}</tr>`;
  });
  const headings = gradebook.exercises
    .map((e) => `<th scope="col" class="cell-head"><abbr title="${escapeHtml(`${e.id} — ${e.title} (${fmt(e.points)} points)`)}">${escapeHtml(shortLabel(e))}</abbr></th>`)
    .join('');
  const legend = (['passed', 'partial', 'failed', 'error', 'timeout'] as const)
    .map((status) => `<li><span class="swatch s-${status}" aria-hidden="true"></span>${STATUS_LABELS[status]}</li>`)
    .join('');
  return `<section class="card" aria-labelledby="submissions">
  <h2 id="submissions">Submissions</h2>
  <ul class="legend" aria-label="Cell colours">${legend}</ul>
  <div class="scroll">
  <table class="submission-table">
    <thead><tr><th scope="col">Submission</th><th scope="col" class="num">Total</th>${headings}</tr></thead>
    <tbody>
    ${rows.length > 0 ? rows.join('\n    ') : `<tr><td colspan="${gradebook.exercises.length + 2}" class="empty">No submissions.</td></tr>`}
    </tbody>
  </table>
  </div>
</section>`;
}

const STYLE = `
:root {
  color-scheme: light dark;
  --bg: #f4f5f7; --card: #ffffff; --text: #1c2430; --muted: #5d6878; --line: #e3e6eb; --soft: #f0f2f5;
  --accent: #3b63c4; --accent-soft: #dfe7f8; --bad: #c2410c; --mean: #b45309;
  --pass-bg: #d8f3e0; --pass-fg: #14532d; --part-bg: #fdefc3; --part-fg: #7a4a05;
  --fail-bg: #fde0dd; --fail-fg: #8f1d1d; --err-bg: #f9c9c4; --err-fg: #7a1111; --err-stripe: #f3aea7;
  --tmo-bg: #e9e1fb; --tmo-fg: #4c2a99; --none-fg: #9aa3af;
}
@media screen and (prefers-color-scheme: dark) {
  :root {
    --bg: #12161c; --card: #1b2029; --text: #e4e8ee; --muted: #9aa5b4; --line: #2d3440; --soft: #222833;
    --accent: #7d9ef0; --accent-soft: #2a3550; --bad: #f08a5d; --mean: #f2b45a;
    --pass-bg: #173d27; --pass-fg: #a7e8bd; --part-bg: #46370f; --part-fg: #f6d98a;
    --fail-bg: #4a1f1f; --fail-fg: #f5b5b0; --err-bg: #5a1717; --err-fg: #ffc2bc; --err-stripe: #6e2020;
    --tmo-bg: #33265a; --tmo-fg: #d3c4ff; --none-fg: #5f6876;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 32px 24px 48px; }
h1 { font-size: 28px; line-height: 1.2; margin: 2px 0 6px; letter-spacing: -0.01em; }
h2 { font-size: 17px; margin: 0 0 2px; }
a { color: var(--accent); }
.eyebrow { margin: 0; text-transform: uppercase; letter-spacing: 0.08em; font-size: 12px; font-weight: 600; color: var(--accent); }
.meta, .lede { color: var(--muted); margin: 0 0 14px; }
.lede { font-size: 13px; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin: 18px 0 20px; }
.stat { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; }
.stat dt { font-size: 12px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); font-weight: 600; }
.stat dd { margin: 0; }
.stat dd[data-stat] { font-size: 28px; font-weight: 650; font-variant-numeric: tabular-nums; line-height: 1.25; }
.stat .of { font-size: 15px; font-weight: 500; color: var(--muted); margin-left: 2px; }
.stat .note { font-size: 12.5px; color: var(--muted); }
.none { color: var(--muted); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 20px 22px; margin: 0 0 20px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 7px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: middle; }
thead th { font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); white-space: nowrap; }
tbody tr:last-child > * { border-bottom: 0; }
tbody th { font-weight: 500; }
.num { text-align: right; white-space: nowrap; }
.of { color: var(--muted); font-size: 12.5px; }
.zero { color: var(--none-fg); }
.ex-id { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; white-space: nowrap; }
.exercise-table .ex-title { display: block; color: var(--muted); font-size: 12.5px; }
.exercise-table .ex-id { font-weight: 600; }
.exercise-table td.err:not(.zero) { color: var(--err-fg); font-weight: 600; }
.exercise-table td.tmo:not(.zero) { color: var(--tmo-fg); font-weight: 600; }
.mean { white-space: nowrap; min-width: 220px; }
.mean-value { display: inline-block; width: 3.4em; text-align: right; margin-right: 10px; font-weight: 600; }
.mean-share { display: inline-block; width: 3em; text-align: right; color: var(--muted); font-size: 12.5px; }
.minibar { display: inline-block; width: 110px; height: 8px; vertical-align: middle; }
.minibar .track { fill: var(--soft); }
.minibar .fill { fill: var(--accent); }
.minibar.bad .fill { fill: var(--bad); }
.rate { white-space: nowrap; width: 180px; }
.rate span { display: inline-block; width: 3em; text-align: right; margin-left: 6px; font-weight: 600; }
.rank { color: var(--muted); width: 2.5em; }
.test-name { font-weight: 500; word-break: break-word; }
.empty { color: var(--muted); font-style: italic; }
.histogram { display: block; width: 100%; max-width: 900px; height: auto; margin: 4px auto 0; }
.histogram .bar rect { fill: var(--accent); }
.histogram .grid { stroke: var(--line); stroke-width: 1; }
.histogram .axis { stroke: var(--muted); stroke-width: 1.2; }
.histogram .tick { fill: var(--muted); font-size: 12px; }
.histogram .count { fill: var(--text); font-size: 13px; font-weight: 650; }
.histogram .axis-title { fill: var(--muted); font-size: 12px; }
.histogram .mean line { stroke: var(--mean); stroke-width: 1.5; stroke-dasharray: 4 3; }
.histogram .mean text { fill: var(--mean); font-size: 12px; font-weight: 600; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 16px; padding: 0; margin: 0 0 12px; font-size: 12.5px; color: var(--muted); }
.legend li { display: inline-flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px; }
.submission-table th.name { white-space: nowrap; max-width: 240px; overflow: hidden; text-overflow: ellipsis; }
.submission-table .name-note { display: block; font-size: 12px; color: var(--muted); white-space: normal; }
.submission-table .total { font-weight: 650; }
.submission-table .total .of { display: inline-block; width: 3.2em; font-weight: 400; }
.submission-table { border-collapse: separate; border-spacing: 3px; }
.submission-table tbody th, .submission-table tbody td { border-bottom: 0; }
.submission-table tbody tr:hover th, .submission-table tbody tr:hover td.total { background: var(--soft); }
.submission-table thead .cell-head { text-align: center; padding: 7px 2px; }
.submission-table abbr { text-decoration: none; cursor: help; }
.cell { text-align: center; padding: 6px 2px; min-width: 44px; font-size: 13.5px; font-weight: 600; border-radius: 5px; }
.s-passed { background: var(--pass-bg); color: var(--pass-fg); }
.s-partial { background: var(--part-bg); color: var(--part-fg); }
.s-failed { background: var(--fail-bg); color: var(--fail-fg); }
.s-error { color: var(--err-fg); background: repeating-linear-gradient(135deg, var(--err-bg) 0 5px, var(--err-stripe) 5px 10px); }
.s-timeout { background: var(--tmo-bg); color: var(--tmo-fg); outline: 2px dashed var(--tmo-fg); outline-offset: -4px; }
.s-none { color: var(--none-fg); font-weight: 400; }
.swatch.s-timeout { outline-width: 1.5px; outline-offset: -3px; }
.ungraded .problem { color: var(--err-fg); background: var(--soft); border-radius: 6px; font-size: 13.5px; }
.sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
footer { color: var(--muted); font-size: 12.5px; text-align: center; margin-top: 8px; }
@page { margin: 14mm 12mm; }
@media print {
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: #fff; font-size: 11.5px; }
  main { max-width: none; padding: 0; }
  .card, .stat { border-color: #ccd2da; box-shadow: none; }
  .card { padding: 12px 14px; margin-bottom: 12px; break-inside: avoid; }
  .card:has(.submission-table) { break-inside: auto; }
  .scroll { overflow: visible; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  h1 { font-size: 22px; }
  .stats { grid-template-columns: repeat(5, 1fr); gap: 8px; margin: 12px 0 14px; }
  .stat { padding: 8px 10px; }
  .stat dd[data-stat] { font-size: 20px; }
  th, td { padding: 4px 6px; }
  .mean { min-width: 0; }
  .minibar { width: 60px; }
  .histogram { max-width: 600px; }
  .submission-table { border-spacing: 2px; }
  .submission-table th.name { max-width: 150px; }
  .cell { min-width: 0; padding: 3px 1px; font-size: 10px; }
}
`;

/** The class report: one HTML5 document, self-contained and script-free. */
export function renderClassReport(gradebook: Gradebook): string {
  const submissions = sortedSubmissions(gradebook);
  const graded: Graded[] = submissions.flatMap((s) => (s.report ? [{ name: s.name, report: s.report, ...(s.problem !== undefined ? { problem: s.problem } : {}) }] : []));
  const max = courseMaxScore(gradebook);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Class report · ${escapeHtml(gradebook.courseTitle)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${renderHeader(gradebook, submissions, graded, max)}
${renderHistogram(graded)}
${renderExercises(gradebook, graded)}
${renderFailing(gradebook, graded)}
${renderSubmissions(gradebook, submissions)}
<footer>Generated by coroutine-grader <code>batch</code> on <time datetime="${escapeHtml(gradebook.generatedAt)}">${escapeHtml(formatTime(gradebook.generatedAt))}</time>. Hover over a cell for its status and message.</footer>
</main>
</body>
</html>
`;
}
