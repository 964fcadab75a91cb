/**
 * The last step of `npm run mutation`, after StrykerJS (grader/mutation/stryker.config.mjs):
 * reads Stryker's JSON report, rewrites grader/mutation/survivors.md from it (keeping every
 * verdict an author wrote there), and prints the mutation score of each exercise.
 *
 * Two scores per exercise:
 * - Stryker's: killed and timed out, over every mutant that ran;
 * - triaged: a timeout counts as killed only with a `loop:` verdict (a README says that the
 *   behaviour it broke is a loop that ends) or a `killed:` one (Stryker cut short a mutant
 *   that is no endless loop, and the test it names fails on it when the spec runs in full), and a
 *   mutant with an `equivalent:` verdict is left out, since no test can tell it apart.
 * It exits 1 while a mutant is untriaged or an exercise's triaged score is below TARGET_SCORE,
 * 2 when there is no report to read.
 */
import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { loadCourse, sourceFileOf, type Exercise } from '../../course';
import { CheckFailed, GraderError, UsageError } from '../../errors';
import { locateKit, type Kit } from '../../kit';
import {
  excerpt,
  isTriaged,
  parseSurvivors,
  renderSurvivors,
  SURVIVORS_FILE,
  textAt,
  UNTRIAGED,
  type Position,
  type SurvivorEntry,
  type SurvivorStatus,
} from '../../survivors';

export const STRYKER_REPORT = path.join('grader', 'mutation', 'report', 'mutation.json');
export const TARGET_SCORE = 95;

/** The part of Stryker's JSON report (mutation-testing-report-schema) read here. */
interface StrykerReport {
  files: Record<string, { source: string; mutants: StrykerMutant[] }>;
  testFiles?: Record<string, { tests: Array<{ id: string; name: string }> }>;
}

interface StrykerMutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: Position; end: Position };
  killedBy?: string[];
}

const STATUS_OF: Record<string, SurvivorStatus> = { Survived: 'survived', NoCoverage: 'no coverage', Timeout: 'timeout', Killed: 'killed' };

export interface ExerciseScore {
  id: string;
  mutants: number;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  /** Timeouts with a `loop:` verdict, or a `killed:` one (no endless loop, but a test fails on it). */
  loops: number;
  equivalent: number;
  untriaged: number;
  strykerScore: number;
  triagedScore: number;
}

/** The exercise's solution in the report; a report without it is of a partial run (`--mutate`). */
function fileOf(report: StrykerReport, exercise: Exercise): StrykerReport['files'][string] {
  const name = ['solutions', ...sourceFileOf(exercise).split(path.sep)].join('/');
  const file = report.files[name];
  if (!file) throw new UsageError(`${STRYKER_REPORT} has no mutants of ${name}; the survivors file needs a run of every solution: run "npm run mutation" as it is.`);
  return file;
}

function keyOf(e: Pick<SurvivorEntry, 'exercise' | 'start' | 'end' | 'mutator' | 'replacement'>): string {
  return [e.exercise, e.start.line, e.start.column, e.end.line, e.end.column, e.mutator, e.replacement].join('\u0000');
}

/** The same mutant after the code around it moved: no place, only what it changes. */
function movedKeyOf(e: Pick<SurvivorEntry, 'exercise' | 'mutator' | 'original' | 'replacement'>): string {
  return [e.exercise, e.mutator, e.original, e.replacement].join('\u0000');
}

function uniqueIndex<T>(items: T[], key: (item: T) => string): Map<string, T> {
  const index = new Map<string, T | null>();
  for (const item of items) index.set(key(item), index.has(key(item)) ? null : item);
  return new Map([...index].filter((pair): pair is [string, T] => pair[1] !== null));
}

/**
 * The new entries: every mutant Stryker did not kill, and every mutant the old file listed that
 * a test now kills. A verdict carries over from the old entry for the same mutant; a killed one
 * says which test killed it.
 */
export function buildEntries(report: StrykerReport, exercises: Exercise[], old: SurvivorEntry[]): Map<string, SurvivorEntry[]> {
  const testNames = new Map<string, string>();
  for (const file of Object.values(report.testFiles ?? {})) for (const test of file.tests) testNames.set(test.id, test.name);
  const byPlace = new Map(old.map((e) => [keyOf(e), e]));
  const byChange = uniqueIndex(old, movedKeyOf);
  const result = new Map<string, SurvivorEntry[]>(exercises.map((e) => [e.id, []]));
  for (const exercise of exercises) {
    const file = fileOf(report, exercise);
    for (const mutant of file.mutants) {
      const status = STATUS_OF[mutant.status];
      if (!status) continue; // ignored, or it did not compile: not a mutant that ran
      const { start, end } = mutant.location;
      const entry: SurvivorEntry = {
        exercise: exercise.id,
        start,
        end,
        mutator: mutant.mutatorName,
        original: excerpt(textAt(file.source, start, end) ?? ''),
        replacement: excerpt(mutant.replacement ?? ''),
        status,
        verdict: UNTRIAGED,
      };
      const before = byPlace.get(keyOf(entry)) ?? byChange.get(movedKeyOf(entry));
      if (status === 'killed') {
        if (!before) continue;
        const test = testNames.get(mutant.killedBy?.[0] ?? '') ?? 'a test';
        entry.verdict = `killed by "${test}"`;
      } else if (before && isTriaged({ status, verdict: before.verdict })) {
        entry.verdict = before.verdict;
      }
      result.get(exercise.id)!.push(entry);
    }
    // In the order of the source, so that a run that changes nothing rewrites the same file.
    result.get(exercise.id)!.sort((a, b) => a.start.line - b.start.line || a.start.column - b.start.column || a.end.line - b.end.line || a.end.column - b.end.column || a.mutator.localeCompare(b.mutator) || a.replacement.localeCompare(b.replacement));
  }
  return result;
}

export function scoreOf(id: string, report: StrykerReport, exercise: Exercise, entries: SurvivorEntry[]): ExerciseScore {
  const file = fileOf(report, exercise);
  const count = (status: string): number => file.mutants.filter((m) => m.status === status).length;
  const killed = count('Killed');
  const timeout = count('Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const open = entries.filter((e) => e.status !== 'killed');
  const loops = open.filter((e) => e.status === 'timeout' && (e.verdict.startsWith('loop: ') || e.verdict.startsWith('killed: '))).length;
  const equivalent = open.filter((e) => e.verdict.startsWith('equivalent: ')).length;
  const untriaged = open.filter((e) => !isTriaged(e)).length;
  const ran = killed + timeout + survived + noCoverage;
  const percent = (part: number, whole: number): number => (whole === 0 ? 100 : (100 * part) / whole);
  return {
    id,
    mutants: ran,
    killed,
    timeout,
    survived,
    noCoverage,
    loops,
    equivalent,
    untriaged,
    strykerScore: percent(killed + timeout, ran),
    triagedScore: percent(killed + loops, ran - equivalent),
  };
}

const COLUMNS = ['exercise', 'mutants', 'killed', 'timeout (loop)', 'survived', 'no coverage', 'equivalent', 'untriaged', "Stryker's score", 'triaged score'];

function rowOf(s: ExerciseScore): string[] {
  return [s.id, `${s.mutants}`, `${s.killed}`, `${s.timeout} (${s.loops})`, `${s.survived}`, `${s.noCoverage}`, `${s.equivalent}`, `${s.untriaged}`, s.strykerScore.toFixed(1), s.triagedScore.toFixed(1)];
}

export function markdownTable(scores: ExerciseScore[]): string {
  const lines = [COLUMNS, COLUMNS.map(() => '---'), ...scores.map(rowOf)].map((cells) => `| ${cells.join(' | ')} |`);
  return lines.join('\n');
}

export function terminalTable(scores: ExerciseScore[]): string {
  const rows = [COLUMNS, ...scores.map(rowOf)];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

const PREAMBLE = `<!-- Generated by \`npm run mutation\` (grader/src/tools/mutation/report.ts) from StrykerJS's
report. Write only in the verdict column; every run rewrites the rest and keeps the verdicts.
\`npm run verify\` checks that each row still names a mutant of the current solution. -->
# Mutants the hidden specs do not kill, triaged

Each row is a mutant of an exercise's reference solution (\`at\`: line:column-line:column in
\`solutions/NN-slug/slug.ts\`) that StrykerJS's last run found alive, or that a new test now
kills. Its verdict is one of:

- \`killed by "<test>"\`: a new or sharper test now kills it (written by the report);
- \`equivalent: <why>\`: no behaviour an exercise README states can tell it apart from the
  solution; left out of the triaged score;
- \`loop: <why>\`, for a timeout only: the mutant turns a loop that the README says ends into
  one that never does, which the grader stops at its budget; counted as killed;
- \`killed: <test>\`, for a timeout that is no endless loop (Stryker stops a mutant that runs
  its code a hundred times as often as the solution does): that test fails on it when the
  spec runs in full; counted as killed;
- \`TODO\`: not triaged yet.

A survivor that a student's wrong answer could be is a gap in the spec, never an equivalent.
`;

export function mutationReport(kit: Kit = locateKit()): { text: string; scores: ExerciseScore[] } {
  const reportFile = path.join(kit.rootDir, STRYKER_REPORT);
  if (!fs.existsSync(reportFile)) throw new UsageError(`${STRYKER_REPORT} does not exist; run "npm run mutation" (StrykerJS writes it).`);
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as StrykerReport;
  const course = loadCourse(kit.manifestPath);
  const survivorsFile = path.join(kit.rootDir, SURVIVORS_FILE);
  const old = fs.existsSync(survivorsFile) ? parseSurvivors(fs.readFileSync(survivorsFile, 'utf8')).entries : [];
  const entries = buildEntries(report, course.exercises, old);
  const scores = course.exercises.map((e) => scoreOf(e.id, report, e, entries.get(e.id) ?? []));
  const text = renderSurvivors(
    `${PREAMBLE}\n${markdownTable(scores)}\n`,
    course.exercises.map((e) => ({ id: e.id, entries: entries.get(e.id) ?? [] })),
  );
  return { text, scores };
}

function main(): number {
  const kit = locateKit();
  const { text, scores } = mutationReport(kit);
  writeFileAtomic.sync(path.join(kit.rootDir, SURVIVORS_FILE), text);
  process.stdout.write(`\n${terminalTable(scores)}\n\nwritten: ${SURVIVORS_FILE}; Stryker's HTML report: grader/mutation/report/index.html\n`);
  const untriaged = scores.reduce((sum, s) => sum + s.untriaged, 0);
  const low = scores.filter((s) => s.triagedScore < TARGET_SCORE).map((s) => s.id);
  const faults = [
    ...(untriaged > 0 ? [`${untriaged} mutants are not triaged (verdict TODO in ${SURVIVORS_FILE})`] : []),
    ...(low.length > 0 ? [`below ${TARGET_SCORE} %: ${low.join(', ')}`] : []),
  ];
  if (faults.length > 0) throw new CheckFailed(faults.join('; '));
  return 0;
}

// An author's tool, run on its own by `npm run mutation`; the grader's command line does not know it.
if (require.main === module) {
  try {
    process.exitCode = main();
  } catch (error) {
    if (!(error instanceof GraderError)) throw error;
    process.stderr.write(`error: ${error.message}\n`);
    process.exitCode = error.exitCode;
  }
}
