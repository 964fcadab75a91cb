/**
 * `readme`: the exercise tables in README.md (and in the Korean README.ko.md, when it has the
 * markers) are generated from the manifest, between marker comments, so that they never drift
 * from the course. `verify` checks that they are current.
 */
import fs from 'node:fs';
import path from 'node:path';
import { inRecommendedOrder, numberOf, type Course, type Exercise } from '../course';
import { CheckFailed } from '../errors';
import { loadContext, type CommandContext } from './context';

export const TABLE_START = '<!-- exercise-table:start (generated from grader/course.json by `npm run readme`; do not edit) -->';
export const TABLE_END = '<!-- exercise-table:end -->';
/** Any start marker counts, whatever its note says (a translated README may translate it). */
const START_PREFIX = '<!-- exercise-table:start';

export type Lang = 'en' | 'ko';

/** The words of a table, which exercise README each row links to first, and which title it shows. */
const WORDS = {
  en: {
    header: ['#', 'exercise', 'what it teaches', 'difficulty', 'time', 'builds on', 'points'],
    readme: 'README.md',
    title: (e: Exercise) => e.title,
    other: { label: '한국어', readme: 'README.ko.md' },
    minutes: (m: number) => `${m} min`,
    total: (m: number) => `about ${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`,
    totalLabel: 'total',
  },
  ko: {
    header: ['#', '과제', '배우는 것', '난이도', '예상 시간', '먼저 할 과제', '점수'],
    readme: 'README.ko.md',
    title: (e: Exercise) => e.titleKo ?? e.title,
    other: { label: 'English', readme: 'README.md' },
    minutes: (m: number) => `${m}분`,
    total: (m: number) => `약 ${Math.floor(m / 60)}시간${m % 60 ? ` ${m % 60}분` : ''}`,
    totalLabel: '합계',
  },
} as const;

/** The READMEs that carry a table: README.md must, README.ko.md may (when it has markers). */
export const TABLE_READMES: ReadonlyArray<{ file: string; lang: Lang; required: boolean }> = [
  { file: 'README.md', lang: 'en', required: true },
  { file: 'README.ko.md', lang: 'ko', required: false },
];

/** `about 8 h 30 min`, the estimated time of a whole course. */
export function totalTime(minutes: number, lang: Lang = 'en'): string {
  return WORDS[lang].total(minutes);
}

/** `★★☆`: three places, so the column reads at a glance. */
export function stars(difficulty: number): string {
  return '★'.repeat(difficulty) + '☆'.repeat(3 - difficulty);
}

/** One row per exercise, in the course's recommended order. */
export function renderExerciseTable(course: Course, lang: Lang = 'en'): string {
  const words = WORDS[lang];
  // A course either describes every exercise or none (course.ts checks), so one test decides.
  const guided = course.exercises.every((e) => e.difficulty !== undefined);
  const link = (e: Exercise, file: string): string => `exercises/${e.id}/${file}`;
  // An empty cell is written `| |`, as a person would type it.
  const row = (cells: readonly string[]): string => `|${cells.map((c) => (c ? ` ${c} ` : ' ')).join('|')}|`;
  const rows = inRecommendedOrder(course.exercises, course).map((e) => {
    const cells = [
      numberOf(e),
      `[${e.id}](${link(e, words.readme)}) ([${words.other.label}](${link(e, words.other.readme)}))`,
      words.title(e),
    ];
    if (guided) {
      const before = inRecommendedOrder(course.exercises, course).filter((x) => e.buildsOn?.includes(x.id));
      cells.push(
        stars(e.difficulty!),
        words.minutes(e.minutes!),
        before.length ? before.map((x) => `[${numberOf(x)}](${link(x, words.readme)})`).join(', ') : '—',
      );
    }
    cells.push(String(e.points));
    return row(cells);
  });
  const header = guided ? words.header : [...words.header.slice(0, 3), words.header[6]];
  const align = header.map((_, i) => (i === header.length - 1 ? '---:' : '---'));
  const points = course.exercises.reduce((sum, e) => sum + e.points, 0);
  const minutes = course.exercises.reduce((sum, e) => sum + (e.minutes ?? 0), 0);
  const total = guided ? ['', '', words.totalLabel, '', words.total(minutes), '', String(points)] : ['', '', words.totalLabel, String(points)];
  return [row(header), row(align), ...rows, row(total)].join('\n');
}

/** The README with its table brought up to date, or undefined when it has no markers. */
export function withCurrentTable(readme: string, course: Course, lang: Lang = 'en'): string | undefined {
  const start = readme.indexOf(START_PREFIX);
  const startEnd = start < 0 ? -1 : readme.indexOf('-->', start);
  const end = readme.indexOf(TABLE_END, startEnd);
  if (start < 0 || startEnd < 0 || end < 0) return undefined;
  // The start marker is kept as written; only what lies between the markers is generated.
  const marker = readme.slice(start, startEnd + 3);
  return `${readme.slice(0, start)}${marker}\n${renderExerciseTable(course, lang)}\n${readme.slice(end)}`;
}

export interface TableState {
  file: string;
  /** `current`, `stale` (with the text it should have), or `absent` (no file or no markers). */
  state: 'current' | 'stale' | 'absent';
  required: boolean;
  updated?: string;
}

/** Where each README's table stands against the manifest. */
export function tableStates(rootDir: string, course: Course): TableState[] {
  return TABLE_READMES.map(({ file, lang, required }) => {
    const full = path.join(rootDir, file);
    const text = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
    const updated = text === undefined ? undefined : withCurrentTable(text, course, lang);
    if (updated === undefined) return { file, state: 'absent', required };
    return updated === text ? { file, state: 'current', required } : { file, state: 'stale', required, updated };
  });
}

/** The same, as checks in the shape `verify` reports: one per README that has a table. */
export function tableChecks(rootDir: string, course: Course): Array<{ ok: boolean; what: string }> {
  return tableStates(rootDir, course)
    .filter((t) => t.required || t.state !== 'absent')
    .map((t) => ({
      ok: t.state === 'current',
      what: t.state === 'absent'
        ? `${t.file} has the exercise-table markers (${TABLE_START} … ${TABLE_END})`
        : `${t.file} exercise table matches the manifest (npm run readme)`,
    }));
}

export interface ReadmeOptions {
  /** Only check that the tables are up to date. */
  check: boolean;
}

export function readmeCommand(options: ReadmeOptions, context: CommandContext = loadContext()): number {
  const states = tableStates(context.kit.rootDir, context.course);
  const missing = states.find((t) => t.required && t.state === 'absent');
  if (missing) throw new CheckFailed(`${missing.file} has no exercise-table markers; add ${TABLE_START} … ${TABLE_END}.`);
  const stale = states.filter((t) => t.state === 'stale');
  if (options.check) {
    if (stale.length > 0) {
      const files = stale.map((t) => t.file).join(' and ');
      throw new CheckFailed(`The exercise table in ${files} is out of date. Run "npm run readme".`);
    }
    return 0;
  }
  for (const t of states) {
    if (t.state === 'stale') fs.writeFileSync(path.join(context.kit.rootDir, t.file), t.updated!);
    if (t.state === 'absent' && !t.required) continue;
    process.stdout.write(t.state === 'stale' ? `${t.file}: exercise table updated.\n` : `${t.file} is up to date.\n`);
  }
  return 0;
}
