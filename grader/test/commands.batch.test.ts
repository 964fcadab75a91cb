/**
 * `batch` over a made-up class of 30 (correct, partial, stubs, broken, one crashing, one looping), on four
 * exercises to keep the kit's tests quick; the whole course is run by `npm run bench`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import schema from '../schemas/report.schema.json';
import { loadCourse, selectExercises } from '../src/course';
import { makeClass } from '../src/tools/class-fixtures';
import { locateKit } from '../src/kit';
import { runGrader } from './helpers';

jest.setTimeout(240_000);
const EXERCISES = ['01', '02', '05', '14'];
const kit = locateKit();
const course = loadCourse(kit.manifestPath);
const chosen = { ...course, exercises: selectExercises(course, EXERCISES) };
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'batch-test-'));
const submissions = path.join(scratch, 'submissions');
const out = path.join(scratch, 'grades');
const kinds = makeClass(kit, chosen, submissions, 30);
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A CSV line's cells, as RFC 4180 reads them (a quoted cell may hold commas and doubled quotes). */
function cellsOf(line: string): string[] {
  return [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!));
}

/** The gradebook's rows as objects, from its CSV (no line breaks inside cells in these classes). */
function readGradebook(dir: string): Array<Record<string, string>> {
  const [header, ...rows] = fs.readFileSync(path.join(dir, 'gradebook.csv'), 'utf8').trim().split('\r\n');
  const names = cellsOf(header!);
  return rows.map((row) => Object.fromEntries(cellsOf(row).map((cell, i) => [names[i]!, cell])));
}

let first: Awaited<ReturnType<typeof runGrader>>;
beforeAll(async () => {
  first = await runGrader(['batch', submissions, '--out', out, '--exercise', ...EXERCISES, '--no-progress']);
});

test('grades every submission into a gradebook with the scores each kind of work earns', () => {
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(first.stdout).toMatch(/^Graded 30 submissions\. 30 in /);
  const rows = readGradebook(out);
  expect(rows).toHaveLength(30);
  expect(rows.map((r) => r.submission)).toEqual([...kinds.keys()]);
  const max = chosen.exercises.reduce((sum, e) => sum + e.points, 0);
  for (const row of rows) {
    const kind = kinds.get(row.submission!)!;
    const total = Number(row.total);
    expect(Number(row.max)).toBe(max);
    if (kind === 'correct') expect(total).toBe(max);
    if (kind === 'stubs') expect(total).toBe(0);
    if (kind === 'broken' || kind === 'partial') expect(total).toBeLessThan(max);
    // process.exit at the import of its third exercise (05 here): that one scores 0, the rest full.
    if (kind === 'crashing') {
      expect(Number(row['05-summer'])).toBe(0);
      expect(total).toBe(max - 5);
    }
    if (kind === 'looping') {
      expect(Number(row['01-generator-basics'])).toBeLessThan(5);
      expect(total).toBe(max - 5 + Number(row['01-generator-basics']));
    }
  }
  expect(rows.some((r) => kinds.get(r.submission!) === 'partial' && Number(r.total) > 0)).toBe(true);
});

test('writes one schema-valid JSON report per submission, and the class report', () => {
  const validate = new Ajv().compile(schema);
  const files = fs.readdirSync(path.join(out, 'reports'));
  expect(files).toHaveLength(30);
  for (const file of files) {
    const report = JSON.parse(fs.readFileSync(path.join(out, 'reports', file), 'utf8'));
    expect(validate(report)).toBe(true);
  }
  const looping = JSON.parse(fs.readFileSync(path.join(out, 'reports', 'student-030.json'), 'utf8'));
  expect(looping.exercises[0]).toMatchObject({ id: '01-generator-basics', status: 'timeout' });
  const html = fs.readFileSync(path.join(out, 'class-report.html'), 'utf8');
  expect(html).toMatch(/^<!DOCTYPE html>/i);
  expect(html).toContain('student-030');
});

test('run again, it skips unchanged submissions and grades a changed one', async () => {
  const again = await runGrader(['batch', submissions, '--out', out, '--exercise', ...EXERCISES, '--no-progress']);
  expect(again.stdout).toMatch(/^Graded 0 submissions, skipped 30 unchanged\./);
  const stub = path.join(submissions, 'student-004', 'exercises', '05-summer', 'summer.ts');
  fs.copyFileSync(path.join(kit.solutionsDir, '05-summer', 'summer.ts'), stub);
  const changed = await runGrader(['batch', submissions, '--out', out, '--exercise', ...EXERCISES, '--no-progress']);
  expect(changed.stdout).toMatch(/^Graded 1 submission, skipped 29 unchanged\./);
  expect(readGradebook(out).find((r) => r.submission === 'student-004')!['05-summer']).toBe('5');
});

test('shards graded apart and merged give the same gradebook as one run', async () => {
  const shards = [1, 2].map((i) => path.join(scratch, `shard-${i}`));
  for (const [i, dir] of shards.entries()) {
    const run = await runGrader(['batch', submissions, '--out', dir, '--exercise', '05', '--shard', `${i + 1}/2`, '--no-progress']);
    expect(run.stdout).toMatch(/^Graded 15 submissions \(shard \d\/2\)/);
  }
  const merged = path.join(scratch, 'merged');
  const run = await runGrader(['merge', ...shards, '--out', merged]);
  expect(run.code).toBe(0);
  const rows = readGradebook(merged);
  expect(rows.map((r) => r.submission)).toEqual([...kinds.keys()]);
  expect(rows.filter((r) => kinds.get(r.submission!) === 'correct').every((r) => r['05-summer'] === '5')).toBe(true);
});

test.each([
  [['batch', '/no/such/dir'], /does not exist or cannot be read/],
  [['batch', '.', '--shard', '3/2'], /--shard 3\/2 is not valid/],
  [['merge', '/no/such/dir', '--out', os.tmpdir()], /has no reports folder/],
])('bad input: %j', async (args, pattern) => {
  const run = await runGrader(args);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(pattern);
});

describe('a class as instructors receive one: copies one level down, folders with nothing to grade, the output folder among them', () => {
  const room = path.join(scratch, 'room');
  const solution = (id: string): string => fs.readFileSync(path.join(kit.solutionsDir, id, `${id.replace(/^\d+-/, '')}.ts`), 'utf8');
  const put = (file: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(room, file)), { recursive: true });
    fs.writeFileSync(path.join(room, file), text);
  };
  put('ana/exercises/05-summer/summer.ts', solution('05-summer'));
  // An unzipped "Download ZIP": the copy sits in a folder alone, beside the archive's clutter.
  put('carol/coroutine-kit-main/exercises/05-summer/summer.ts', solution('05-summer'));
  put('carol/__MACOSX/coroutine-kit-main/._summer.ts', 'x');
  put('carol/.DS_Store', 'x');
  // Nothing the grader could take: a README alone, and a copy two levels down.
  put('dave/README.md', 'I forgot to push');
  put('erin/a/b/exercises/05-summer/summer.ts', solution('05-summer'));
  // A link to the solutions is not the student's work, and is named as left out: alone, or beside a grade.
  fs.mkdirSync(path.join(room, 'frank', 'exercises', '05-summer'), { recursive: true });
  fs.symlinkSync(path.join(kit.solutionsDir, '05-summer', 'summer.ts'), path.join(room, 'frank', 'exercises', '05-summer', 'summer.ts'));
  put('gina/exercises/05-summer/summer.ts', solution('05-summer'));
  fs.symlinkSync(path.join(kit.solutionsDir, '05-summer', 'summer.ts'), path.join(room, 'gina', 'exercises', '05-summer', 'helper.ts'));
  const grades = path.join(room, 'grades');
  let run: Awaited<ReturnType<typeof runGrader>>;
  beforeAll(async () => {
    run = await runGrader(['batch', room, '--exercise', '05', '--out', grades, '--no-progress']);
  });

  test('finds exercises/ at the top of a submission or alone one level down', () => {
    expect(run.code).toBe(0);
    const rows = new Map(readGradebook(grades).map((r) => [r.submission, r]));
    expect(rows.get('ana')).toMatchObject({ total: '5', '05-summer': '5', problem: '' });
    expect(rows.get('carol')).toMatchObject({ total: '5', '05-summer': '5', problem: '' });
  });

  test('a submission with nothing to grade is a named problem row and a line on stderr, never a silent zero', () => {
    const rows = new Map(readGradebook(grades).map((r) => [r.submission, r]));
    for (const name of ['dave', 'erin']) {
      expect(rows.get(name)).toMatchObject({ total: '', '05-summer': '' });
      expect(rows.get(name)!.problem).toMatch(/none of the exercise files \(such as exercises\/05-summer\/summer\.ts\) is in it or in a folder alone inside it/);
      expect(run.stderr).toMatch(new RegExp(`^${name} could not be graded: none of the exercise files`, 'm'));
    }
    expect(run.stdout).toMatch(/3 could not be graded \(dave, erin, frank: see the problem column\)/);
    expect(fs.readFileSync(path.join(grades, 'class-report.html'), 'utf8')).toMatch(/data-submission="dave"[^\n]*Could not be graded/);
    // A file left out is named: as the reason there is nothing to grade, or beside a grade.
    expect(rows.get('frank')).toMatchObject({ total: '' });
    expect(rows.get('frank')!.problem).toMatch(/; left out: 05-summer\/summer\.ts \(a symbolic link, not followed\)$/);
    expect(rows.get('gina')).toMatchObject({ total: '5', problem: 'left out: 05-summer/helper.ts (a symbolic link, not followed)' });
    expect(run.stderr).toMatch(/^gina: left out of the grade: 05-summer\/helper\.ts \(a symbolic link, not followed\)\.$/m);
  });

  test('the output folder is never taken for a submission, nor any other folder a batch wrote', async () => {
    fs.cpSync(grades, path.join(room, 'last-year'), { recursive: true });
    const again = await runGrader(['batch', room, '--exercise', '05', '--out', grades, '--no-progress']);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/^Skipped grades: it is the --out folder, not a submission\.$/m);
    expect(again.stderr).toMatch(/^Skipped last-year: it holds a batch's gradebook\.csv and reports\/, not a submission\.$/m);
    expect(readGradebook(grades).map((r) => r.submission)).toEqual(['ana', 'carol', 'dave', 'erin', 'frank', 'gina']);
  });
});

describe('merge names duplicates and refuses conflicts unless the newer report is chosen', () => {
  const room = path.join(scratch, 'merge-room');
  const ana = path.join(room, 'class', 'ana', 'exercises', '05-summer', 'summer.ts');
  const folder = (name: string): string => path.join(room, name);
  const batch = (out: string) => runGrader(['batch', path.join(room, 'class'), '--exercise', '05', '--out', folder(out), '--no-progress']);
  beforeAll(async () => {
    fs.mkdirSync(path.dirname(ana), { recursive: true });
    fs.copyFileSync(path.join(kit.exercisesDir, '05-summer', 'summer.ts'), ana);
    expect((await batch('stub')).code).toBe(0);
    fs.cpSync(folder('stub'), folder('stub-copy'), { recursive: true });
    fs.copyFileSync(path.join(kit.solutionsDir, '05-summer', 'summer.ts'), ana);
    expect((await batch('solved')).code).toBe(0);
  });

  test('the same folder twice, or two folders with the same report: named, kept once, exit 0', async () => {
    const twice = await runGrader(['merge', folder('stub'), folder('stub'), '--out', folder('m1')]);
    expect(twice.code).toBe(0);
    expect(twice.stderr).toMatch(/stub is given twice: read once\./);
    const same = await runGrader(['merge', folder('stub'), folder('stub-copy'), '--out', folder('m2')]);
    expect(same.code).toBe(0);
    expect(same.stderr).toMatch(/^The same report in several folders, kept once: ana \(.*stub, .*stub-copy\)\.$/m);
    expect(readGradebook(folder('m2')).map((r) => [r.submission, r.total])).toEqual([['ana', '0']]);
  });

  test('different reports for one submission: refused, naming it and the folders, with nothing written', async () => {
    const refused = await runGrader(['merge', folder('solved'), folder('stub'), '--out', folder('m3')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.split('\n')).toEqual([expect.stringMatching(/^error: 1 submission has different reports in different folders: ana \(.*solved, .*stub\)\. Nothing was written\. .*--prefer-newer/), '']);
    expect(fs.existsSync(folder('m3'))).toBe(false);
  });

  test('--prefer-newer keeps the more recently graded report, and says so', async () => {
    const kept = await runGrader(['merge', folder('solved'), folder('stub'), '--out', folder('m4'), '--prefer-newer']);
    expect(kept.code).toBe(0);
    expect(kept.stderr).toMatch(/^ana: kept the report of .*solved \(graded [^)]+\), the newest of 2 that differ\.$/m);
    expect(readGradebook(folder('m4')).map((r) => [r.submission, r.total])).toEqual([['ana', '5']]);
  });
});
