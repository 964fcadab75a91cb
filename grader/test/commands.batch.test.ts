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

/** The gradebook's rows as objects, from its CSV (no quoted fields in this class). */
function readGradebook(dir: string): Array<Record<string, string>> {
  const [header, ...rows] = fs.readFileSync(path.join(dir, 'gradebook.csv'), 'utf8').trim().split('\r\n');
  const names = header!.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((cell, i) => [names[i]!, cell])));
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
