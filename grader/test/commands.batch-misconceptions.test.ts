/**
 * The class's misconceptions, end to end: `batch` over a made-up class of 30 whose known mistakes
 * are known (solutions, stubs, and work with one or two known mistakes, ../src/tools/class-fixtures.ts),
 * on four exercises to keep the kit's tests quick. The class report, misconceptions.csv and what
 * batch prints must count exactly the mistakes the class was made with.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCourse, selectExercises } from '../src/course';
import { locateKit } from '../src/kit';
import { loadMutantsFile, mutantsFileOf } from '../src/mutants';
import type { GradeReport } from '../src/report/report';
import { makeClassOfMistakes } from '../src/tools/class-fixtures';
import { runGrader } from './helpers';

jest.setTimeout(240_000);
const EXERCISES = ['05', '06', '09', '12'];
const kit = locateKit();
const course = loadCourse(kit.manifestPath);
const chosen = { ...course, exercises: selectExercises(course, EXERCISES) };
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'batch-misconceptions-'));
const submissions = path.join(scratch, 'submissions');
const out = path.join(scratch, 'grades');
const plans = makeClassOfMistakes(kit, chosen, submissions, 30);
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** What the class was made with: submissions per known mistake, by exercise and contract line. */
const expected = new Map<string, number>();
const partialWork = new Map<string, number>();
for (const plan of plans.values()) {
  if (typeof plan === 'string') continue;
  for (const { exerciseId, mutant } of plan) {
    const loaded = loadMutantsFile(mutantsFileOf(kit.mutantsDir, exerciseId));
    if (!loaded.ok) throw new Error(loaded.problem);
    const key = `${exerciseId} | ${loaded.mutants.find((m) => m.name === mutant)!.violates}`;
    expected.set(key, (expected.get(key) ?? 0) + 1);
    partialWork.set(exerciseId, (partialWork.get(exerciseId) ?? 0) + 1);
  }
}

const unescape = (text: string): string => text.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);

let run: Awaited<ReturnType<typeof runGrader>>;
beforeAll(async () => {
  run = await runGrader(['batch', submissions, '--out', out, '--exercise', ...EXERCISES, '--no-progress']);
});

test('the class is what it should be: solutions, stubs, and one or two known mistakes each', () => {
  expect(run.code).toBe(0);
  expect([...plans.values()].filter((p) => p === 'solutions')).toHaveLength(3);
  expect([...plans.values()].filter((p) => p === 'stubs')).toHaveLength(3);
  expect([...expected.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(30);
  expect(Math.max(...expected.values())).toBeGreaterThan(1);
});

test("the class report counts each known mistake as many times as the class made it, all of them exact", () => {
  const html = fs.readFileSync(path.join(out, 'class-report.html'), 'utf8');
  const rows = [...html.matchAll(/<tr data-exercise="([^"]*)" data-mistake="([^"]*)" data-exact="(\d+)" data-contains="(\d+)">/g)];
  const counted = new Map(rows.map((m) => [`${m[1]} | ${unescape(m[2]!)}`, Number(m[3])]));
  expect(Object.fromEntries(counted)).toEqual(Object.fromEntries(expected));
  expect(rows.every((m) => m[4] === '0')).toBe(true);
  // Most made first.
  const totals = rows.map((m) => Number(m[3]) + Number(m[4]));
  expect(totals).toEqual([...totals].sort((a, b) => b - a));
  // Every piece of partial work is a known mistake: none is left unexplained.
  const unexplained = [...html.matchAll(/<tr data-exercise="([^"]*)" data-partial="(\d+)" data-unmatched="(\d+)">/g)].map((m) => [m[1], Number(m[2]), Number(m[3])]);
  expect(unexplained).toEqual(chosen.exercises.map((e) => [e.id, partialWork.get(e.id) ?? 0, 0]));
});

test('misconceptions.csv has the same counts, and batch names the three made most', () => {
  const [header, ...rows] = fs.readFileSync(path.join(out, 'misconceptions.csv'), 'utf8').trimEnd().split('\r\n');
  expect(header).toBe('exercise,mistake,explanation,submissions,exact,contains,graded');
  // Contract lines and explanations may hold commas: read the numbers from the end of the row.
  const counted = new Map(
    rows.map((row) => {
      const [graded, contains, exact, total] = row.split(',').reverse();
      const mistake = (/^[^,]+,("(?:[^"]|"")*"|[^,]*),/.exec(row)![1]!).replace(/^"|"$/g, '').replace(/""/g, '"');
      expect([Number(total), Number(contains), Number(graded)]).toEqual([Number(exact), 0, 30]);
      return [`${row.split(',')[0]} | ${mistake}`, Number(exact)];
    }),
  );
  expect(Object.fromEntries(counted)).toEqual(Object.fromEntries(expected));

  const top = [...expected].sort((a, b) => b[1] - a[1]).slice(0, 3);
  const printed = run.stdout.split('\n');
  const at = printed.indexOf('The known mistakes made most (every one in misconceptions.csv and the class report):');
  expect(at).toBeGreaterThan(0);
  const lines = printed.slice(at + 1, at + 4);
  expect(lines.map((l) => Number(/^ {2}(\d+) of 30 · /.exec(l)![1]))).toEqual(top.map(([, count]) => count));
  for (const line of lines) expect(expected.has(line.replace(/^ {2}\d+ of 30 · /, '').replace(' · ', ' | '))).toBe(true);
});

test('the reports of the solutions and the stubs have no diagnosis; each other one names its own mistakes', () => {
  for (const [name, plan] of plans) {
    const report = JSON.parse(fs.readFileSync(path.join(out, 'reports', `${name}.json`), 'utf8')) as GradeReport;
    const diagnosed = report.exercises.filter((e) => e.diagnoses).map((e) => e.id);
    expect([name, diagnosed]).toEqual([name, typeof plan === 'string' ? [] : plan.map((p) => p.exerciseId).sort()]);
  }
});
