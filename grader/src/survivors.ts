/**
 * The survivors file, `grader/mutation/survivors.md`: every mutant of the reference solutions
 * that StrykerJS found the hidden specs not to kill (survived, covered by no test, or timed
 * out), each with a verdict, and the ones that new tests now kill. `npm run mutation` writes it
 * from Stryker's report (../src/tools/mutation/report.ts), keeping the verdicts an author wrote;
 * `verify` checks, without running Stryker, that every entry still names a mutant of the
 * current solutions (its place and its original text) and has a verdict.
 *
 * One table per exercise, one row per mutant:
 *
 *   | at | mutator | original | replacement | status | verdict |
 *   | 17:9-17:34 | EqualityOperator | `typeof value !== 'number'` | `typeof value === 'number'` | survived | equivalent: … |
 *
 * `at` is Stryker's range in the exercise's solution file: line and column, from 1, the end
 * column just past the last character. `original` is the text in that range, its whitespace
 * collapsed and cut to EXCERPT_LENGTH characters.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sourceFileOf, type Course } from './course';
import type { Kit } from './kit';

export const SURVIVORS_FILE = path.join('grader', 'mutation', 'survivors.md');

/** What Stryker said of a mutant at the last run, in the file's words. */
export type SurvivorStatus = 'survived' | 'no coverage' | 'timeout' | 'killed';
export const STATUSES: readonly SurvivorStatus[] = ['survived', 'no coverage', 'timeout', 'killed'];

export interface Position {
  line: number;
  column: number;
}

export interface SurvivorEntry {
  exercise: string;
  start: Position;
  end: Position;
  mutator: string;
  original: string;
  replacement: string;
  status: SurvivorStatus;
  /**
   * `equivalent: <why no behaviour a README states tells it apart>`;
   * for a timeout, `loop: <where the README says this behaviour is a loop>`, or, when it is no
   * endless loop (Stryker stops a mutant that runs its code 100 times as often as the solution
   * does), `killed: <the test that fails on it when the spec runs it in full>`;
   * `killed by "<test>"`, written by the report for a listed mutant that a test now kills;
   * `TODO` until an author has triaged it.
   */
  verdict: string;
}

export const UNTRIAGED = 'TODO';
const EXCERPT_LENGTH = 60;

/** Whitespace collapsed, cut to EXCERPT_LENGTH characters (the last one then `…`). */
export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1)}…`;
}

/** The text of `source` from `start` to just before `end`; undefined when the range is not in it. */
export function textAt(source: string, start: Position, end: Position): string | undefined {
  const lines = source.split('\n');
  const offset = (p: Position): number | undefined => {
    const line = lines[p.line - 1];
    if (line === undefined || p.column < 1 || p.column > line.length + 1) return undefined;
    return lines.slice(0, p.line - 1).reduce((sum, l) => sum + l.length + 1, 0) + p.column - 1;
  };
  const from = offset(start);
  const to = offset(end);
  return from === undefined || to === undefined || to < from ? undefined : source.slice(from, to);
}

/** Is this verdict a triage an author wrote or the report derived, rather than none? */
export function isTriaged(entry: Pick<SurvivorEntry, 'status' | 'verdict'>): boolean {
  if (entry.status === 'killed') return entry.verdict.startsWith('killed by ');
  if (entry.verdict.startsWith('equivalent: ')) return true;
  return entry.status === 'timeout' && (entry.verdict.startsWith('loop: ') || entry.verdict.startsWith('killed: '));
}

// --- the Markdown ---------------------------------------------------------------------------

const HEADER = '| at | mutator | original | replacement | status | verdict |';
const RULE = '| --- | --- | --- | --- | --- | --- |';

/** A code span that holds `text` whatever backticks it has; pipes escaped for the table. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`.replace(/\|/g, '\\|');
}

function uncode(cell: string): string | undefined {
  const match = /^(`+)( ?)([\s\S]*?)\2\1$/.exec(cell);
  return match ? match[3] : undefined;
}

function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|');
}

function splitRow(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && body[i + 1] === '|') {
      current += '|';
      i++;
    } else if (body[i] === '|') {
      cells.push(current.trim());
      current = '';
    } else {
      current += body[i];
    }
  }
  cells.push(current.trim());
  return cells;
}

export function renderEntryRow(entry: SurvivorEntry): string {
  const at = `${entry.start.line}:${entry.start.column}-${entry.end.line}:${entry.end.column}`;
  return `| ${at} | ${entry.mutator} | ${code(entry.original)} | ${code(entry.replacement)} | ${entry.status} | ${cell(entry.verdict)} |`;
}

/** The tables, one per exercise in the order given; `preamble` comes first (banner, summary). */
export function renderSurvivors(preamble: string, exercises: Array<{ id: string; entries: SurvivorEntry[]; note?: string }>): string {
  const sections = exercises.map(({ id, entries, note }) => {
    const body = entries.length === 0 ? 'No mutant of this exercise is left to triage.' : [HEADER, RULE, ...entries.map(renderEntryRow)].join('\n');
    return `## ${id}\n\n${note ? `${note}\n\n` : ''}${body}\n`;
  });
  return `${preamble.trimEnd()}\n\n${sections.join('\n')}`;
}

export interface ParsedSurvivors {
  entries: SurvivorEntry[];
  /** Rows that could not be read, each named by its line. */
  problems: string[];
}

export function parseSurvivors(text: string): ParsedSurvivors {
  const entries: SurvivorEntry[] = [];
  const problems: string[] = [];
  let exercise: string | undefined;
  text.split('\n').forEach((line, index) => {
    const heading = /^## (\d\d-[a-z0-9-]+)\s*$/.exec(line);
    if (heading) {
      exercise = heading[1];
      return;
    }
    // Tables before the first exercise's heading (the summary of scores) are not rows.
    if (!exercise || !line.startsWith('|') || line === HEADER || line === RULE) return;
    const where = `line ${index + 1}`;
    const cells = splitRow(line);
    const at = /^(\d+):(\d+)-(\d+):(\d+)$/.exec(cells[0] ?? '');
    const original = uncode(cells[2] ?? '');
    const replacement = uncode(cells[3] ?? '');
    const status = cells[4] as SurvivorStatus;
    if (cells.length !== 6 || !at || original === undefined || replacement === undefined || !STATUSES.includes(status)) {
      return void problems.push(`${where}: not a row of | at | mutator | original | replacement | status | verdict |`);
    }
    entries.push({
      exercise,
      start: { line: Number(at[1]), column: Number(at[2]) },
      end: { line: Number(at[3]), column: Number(at[4]) },
      mutator: cells[1]!,
      original,
      replacement,
      status,
      verdict: cells[5]!,
    });
  });
  return { entries, problems };
}

// --- the check `verify` makes ---------------------------------------------------------------

export interface SurvivorCheck {
  ok: boolean;
  what: string;
}

/**
 * Stale entries (the solution changed under them), unreadable rows and untriaged mutants are
 * faults: the file must describe the solutions as they are. Each entry is a check of its own,
 * so that a fault names the row; a single check sums up the rest.
 */
export function survivorsChecks(kit: Pick<Kit, 'rootDir' | 'solutionsDir'>, course: Pick<Course, 'exercises'>): SurvivorCheck[] {
  const file = path.join(kit.rootDir, SURVIVORS_FILE);
  if (!fs.existsSync(file)) return [{ ok: false, what: `${SURVIVORS_FILE} is missing; run "npm run mutation" to write it` }];
  const { entries, problems } = parseSurvivors(fs.readFileSync(file, 'utf8'));
  const checks: SurvivorCheck[] = problems.map((problem) => ({ ok: false, what: `${SURVIVORS_FILE} ${problem}` }));
  const sources = new Map<string, string | undefined>();
  for (const entry of entries) {
    const at = `${entry.start.line}:${entry.start.column}`;
    const name = `${SURVIVORS_FILE}: ${entry.exercise} ${at} ${entry.mutator}`;
    const exercise = course.exercises.find((e) => e.id === entry.exercise);
    if (!exercise) {
      checks.push({ ok: false, what: `${name} names an exercise that grader/course.json does not list` });
      continue;
    }
    const solution = path.join(kit.solutionsDir, sourceFileOf(exercise));
    if (!sources.has(solution)) sources.set(solution, fs.existsSync(solution) ? fs.readFileSync(solution, 'utf8') : undefined);
    const source = sources.get(solution);
    const found = source === undefined ? undefined : textAt(source, entry.start, entry.end);
    if (found === undefined || excerpt(found) !== entry.original) {
      const now = found === undefined ? 'nothing' : JSON.stringify(excerpt(found));
      checks.push({ ok: false, what: `${name} is stale: ${path.relative(kit.rootDir, solution)} has ${now} there, not ${JSON.stringify(entry.original)}; run "npm run mutation"` });
    } else if (!isTriaged(entry)) {
      checks.push({ ok: false, what: `${name} (${entry.status}) is not triaged: its verdict is ${JSON.stringify(entry.verdict)}` });
    }
  }
  checks.push({ ok: checks.length === 0, what: `${SURVIVORS_FILE} names ${entries.length} mutants of the current solutions, each triaged` });
  return checks;
}
