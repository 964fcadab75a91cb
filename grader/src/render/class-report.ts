/**
 * The class report: one self-contained HTML page a teacher opens after `batch`. At the top the
 * class's totals; then how the scores spread, the known mistakes the class makes (and the
 * partial work that looks like none of them), how each exercise went, the tests most
 * submissions fail, and every submission's row. Inline CSS and SVG only: no script, no font,
 * no request, so it works offline, from an attachment, and on paper.
 * Every piece of text that comes from a submission or a report (folder names, test names,
 * messages, titles) goes through `escapeHtml`, in element text and attributes alike.
 * Pure: the batch command writes the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { numberOf } from '../course';
import { GRADER_ROOT } from '../kit';
import {
  BUCKETS,
  bucketOf,
  failingTests,
  median,
  misconceptions,
  percent,
  summarizeExercise,
  TOP_FAILING,
  totalPercent,
  unexplainedWork,
  type Graded,
} from '../report/class-stats';
import { round2, type ExerciseResult, type ExerciseStatus } from '../report/report';
import { courseMaxScore, gradedSubmissions, sortedSubmissions, type Gradebook, type GradebookExercise, type SubmissionResult } from './gradebook';

/** The five characters that mean something in HTML text or a quoted attribute, as references. */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Escaped text whose `code spans` (as the explanations write them) become <code>. */
function escapeWithCode(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

const STATUS_LABELS: Record<ExerciseStatus, string> = {
  passed: 'full marks',
  partial: 'partial',
  failed: 'no test passes',
  error: 'error',
  timeout: 'timeout',
};

function fmt(value: number): string {
  return String(round2(value));
}

function fmtPercent(value: number): string {
  return `${Math.round(value)}%`;
}

/** `2025-03-04 05:06 UTC`; a value that is not a date is shown as given. */
function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A column heading short enough for a grid of exercises: `05-summer` is `05`. */
function shortLabel(exercise: GradebookExercise): string {
  return numberOf(exercise);
}

/** A message's first line, capped, for a tooltip. */
function brief(message: string, max = 160): string {
  const line = message.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
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
  const failing = failingTests(gradebook.exercises, graded);
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

/** How many of the class's known mistakes the report lists; misconceptions.csv has them all. */
export const TOP_MISCONCEPTIONS = 15;

/** A bar of two parts: exact matches, then contained ones, as shares of 0–100. */
function splitBar(exact: number, contains: number): string {
  const first = Math.max(0, Math.min(100, exact));
  const second = Math.max(0, Math.min(100 - first, contains));
  return `<svg class="minibar split" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="track" width="100" height="8" rx="4"/><rect class="fill contains" width="${(first + second).toFixed(1)}" height="8" rx="4"/><rect class="fill" width="${first.toFixed(1)}" height="8" rx="4"/></svg>`;
}

function renderMisconceptions(gradebook: Gradebook, graded: Graded[]): string {
  const made = misconceptions(gradebook.exercises, graded);
  const shown = made.slice(0, TOP_MISCONCEPTIONS);
  const rows = shown.map((m, i) => {
    const total = m.exact + m.contains;
    const data = [
      `data-exercise="${escapeHtml(m.exerciseId)}"`,
      `data-mistake="${escapeHtml(m.mistake)}"`,
      `data-exact="${m.exact}"`,
      `data-contains="${m.contains}"`,
    ].join(' ');
    const how = [m.exact > 0 ? `${m.exact} exactly` : '', m.contains > 0 ? `${m.contains} among other failures` : ''].filter(Boolean).join(', ');
    return `<tr ${data}>
      <td class="num rank">${i + 1}</td><td class="ex-id">${escapeHtml(m.exerciseId)}</td>
      <th scope="row" class="mistake"><span class="rule">${escapeHtml(m.mistake)}</span><span class="why">${escapeWithCode(m.explanation)}</span></th>
      <td class="num"><span class="count">${total}</span><span class="of"> of ${m.graded}</span><span class="how">${how}</span></td>
      <td class="rate">${splitBar(percent(m.exact, m.graded), percent(m.contains, m.graded))}<span>${fmtPercent(percent(total, m.graded))}</span></td>
    </tr>`;
  });
  const more = made.length - shown.length;
  const table =
    made.length === 0
      ? '<p class="empty">No graded submission looks like a known mistake.</p>'
      : `<div class="scroll"><table class="mistake-table">
    <thead><tr><th scope="col" class="num">#</th><th scope="col">Exercise</th><th scope="col">Known mistake: the rule broken, and what the code does</th><th scope="col" class="num">Submissions</th><th scope="col">Share</th></tr></thead>
    <tbody>
    ${rows.join('\n    ')}
    </tbody>
  </table></div>${more > 0 ? `\n  <p class="lede more">And ${plural(more, 'more known mistake')}, each made by fewer submissions: misconceptions.csv lists every one.</p>` : ''}`;
  const unexplained = unexplainedWork(gradebook.exercises, graded);
  const unexplainedRows = unexplained.map(
    (u) => `<tr data-exercise="${escapeHtml(u.exerciseId)}" data-partial="${u.partial}" data-unmatched="${u.unmatched}">
      <th scope="row" class="ex-id">${escapeHtml(u.exerciseId)}</th>
      <td class="num">${u.partial}</td>
      <td class="num${u.unmatched === 0 ? ' zero' : ''}">${u.unmatched}</td>
      <td class="rate">${miniBar(percent(u.unmatched, u.partial), 'bad')}<span>${fmtPercent(percent(u.unmatched, u.partial))}</span></td>
    </tr>`,
  );
  const unexplainedTable =
    unexplained.length === 0
      ? '<p class="empty">No submission has partial work: every exercise passes, passes no test, or could not be graded.</p>'
      : `<div class="scroll"><table class="unexplained-table">
    <thead><tr><th scope="col">Exercise</th><th scope="col" class="num">Partial work</th><th scope="col" class="num">Like no known mistake</th><th scope="col">Share</th></tr></thead>
    <tbody>
    ${unexplainedRows.join('\n    ')}
    </tbody>
  </table></div>`;
  return `<section class="card" aria-labelledby="misconceptions">
  <h2 id="misconceptions">Known mistakes the class makes</h2>
  <p class="lede">A submission makes a known mistake when one of its exercises fails exactly the tests that the kit's known-wrong implementation of it fails, or those and more. Each student's report names the mistakes of their own work. Most made first; the bar is exact matches, then matches among other failures.</p>
  ${table}
  <h3 id="unexplained">Partial work that looks like no known mistake</h3>
  <p class="lede">Exercises that pass some of their tests and fail others, in a way none of the known mistakes explains: where the course may need a new known mistake, a hint or a paragraph. Work that passes no test, could not load or ran out of time is not diagnosed.</p>
  ${unexplainedTable}
</section>`;
}

function statusCell(exercise: GradebookExercise, result: ExerciseResult | undefined): string {
  if (!result) return `<td class="cell s-none" title="${escapeHtml(`${exercise.id}: not graded`)}"><span class="sr">not graded</span>—</td>`;
  const why = result.message !== undefined ? ` — ${brief(result.message)}` : '';
  const looksLike = (result.diagnoses ?? []).map((d) => ` — looks like a known mistake: ${brief(d.mistake)}`).join('');
  const title = `${exercise.id}: ${STATUS_LABELS[result.status]}, ${fmt(result.score)}/${fmt(result.maxScore)}${why}${looksLike}`;
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


/** The page's style, kept as CSS in grader/assets and inlined, read once. */
let style: string | undefined;

/** The class report: one HTML5 document, self-contained and script-free. */
export function renderClassReport(gradebook: Gradebook): string {
  style ??= fs.readFileSync(path.join(GRADER_ROOT, 'assets', 'class-report.css'), 'utf8');
  const submissions = sortedSubmissions(gradebook);
  const graded = gradedSubmissions(gradebook);
  const max = courseMaxScore(gradebook);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Class report · ${escapeHtml(gradebook.courseTitle)}</title>
<style>
${style}</style>
</head>
<body>
<main>
${renderHeader(gradebook, submissions, graded, max)}
${renderHistogram(graded)}
${renderMisconceptions(gradebook, graded)}
${renderExercises(gradebook, graded)}
${renderFailing(gradebook, graded)}
${renderSubmissions(gradebook, submissions)}
<footer>Generated by coroutine-grader <code>batch</code> on <time datetime="${escapeHtml(gradebook.generatedAt)}">${escapeHtml(formatTime(gradebook.generatedAt))}</time>. Hover over a cell for its status and message.</footer>
</main>
</body>
</html>
`;
}
