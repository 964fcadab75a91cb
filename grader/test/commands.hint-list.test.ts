/**
 * `hint` and `list`, as a student uses them: every form of an exercise's name, tiers that
 * advance, --all, both languages, and what to do next.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultLang, parseHints } from '../src/commands/hint';
import { KIT_ROOT, runGrader } from './helpers';

jest.setTimeout(60_000);
// Hint progress is remembered in the cache folder: each test gets its own.
const cache = () => ({ COROUTINE_GRADER_CACHE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'hint-cache-')) });

describe('hint', () => {
  const hints = parseHints(fs.readFileSync(path.join(KIT_ROOT, 'exercises', '05-summer', 'hints.md'), 'utf8'));
  const korean = parseHints(fs.readFileSync(path.join(KIT_ROOT, 'exercises', '05-summer', 'hints.ko.md'), 'utf8'));

  test('the hints files have tiers', () => {
    expect(hints.length).toBeGreaterThanOrEqual(2);
    expect(hints[0]).toMatch(/^## Hint 1/);
    expect(korean[0]).toMatch(/^## 힌트 1/);
  });

  test.each(['05', '5', '05-summer', 'summer'])('"hint %s" shows the first hint of 05-summer', async (name) => {
    const run = await runGrader(['hint', name, '--lang', 'en'], { env: cache() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(hints[0]);
    expect(run.stdout).toContain(`(1 of ${hints.length}; ask again for the next one, or use --all)`);
  });

  test('asking again gives the next hint, and the last one says so; --reset starts over', async () => {
    const env = cache();
    for (let i = 0; i < hints.length; i++) {
      const run = await runGrader(['hint', '05', '--lang', 'en'], { env });
      expect(run.stdout).toContain(hints[i]);
    }
    const after = await runGrader(['hint', '05', '--lang', 'en'], { env });
    expect(after.stdout).toContain(`(${hints.length} of ${hints.length}; that was the last one)`);
    const reset = await runGrader(['hint', '05', '--lang', 'en', '--reset'], { env });
    expect(reset.stdout).toContain(hints[0]);
  });

  test('--all shows every hint, in Korean with --lang ko', async () => {
    const run = await runGrader(['hint', 'summer', '--all', '--lang', 'ko'], { env: cache() });
    for (const hint of korean) expect(run.stdout).toContain(hint);
  });

  test('the language comes from the locale when --lang is not given', async () => {
    expect(defaultLang({ LANG: 'ko_KR.UTF-8' })).toBe('ko');
    expect(defaultLang({ LC_ALL: 'en_US.UTF-8', LANG: 'ko_KR.UTF-8' })).toBe('en');
    expect(defaultLang({}, () => 'en-US')).toBe('en');
    // Windows sets none of them: the system's locale decides; so it does for a locale of no language.
    expect(defaultLang({}, () => 'ko-KR')).toBe('ko');
    expect(defaultLang({ LANG: 'C.UTF-8' }, () => 'ko-KR')).toBe('ko');
    expect(defaultLang({ LANG: 'en_GB.UTF-8' }, () => 'ko-KR')).toBe('en');
    const run = await runGrader(['hint', '05'], { env: { ...cache(), LANG: 'ko_KR.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    expect(run.stdout).toContain(korean[0]);
  });
});

describe('list', () => {
  test('titles come in the student\'s language: Korean with --lang ko or a Korean locale', async () => {
    for (const run of [await runGrader(['list', '--no-status', '--lang', 'ko']), await runGrader(['list', '--no-status'], { env: { LANG: 'ko_KR.UTF-8', LC_ALL: '', LC_MESSAGES: '' } })]) {
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/01-generator-basics\s+5 points\s+★☆☆\s+25 min\s+제너레이터 기초/);
    }
  });

  test('lists every exercise with its points, without grading when asked', async () => {
    const run = await runGrader(['list', '--no-status', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/01-generator-basics\s+5 points\s+★☆☆\s+25 min\s+Generator basics/);
    const course = JSON.parse(fs.readFileSync(path.join(KIT_ROOT, 'grader', 'course.json'), 'utf8')) as { exercises: Array<{ points: number }> };
    const total = course.exercises.reduce((sum, e) => sum + e.points, 0);
    expect(total).toBe(100);
    expect(run.stdout).toMatch(new RegExp(`${course.exercises.length} exercises, 100 points, about \\d+ h( \\d+ min)? of work\\.`));
  });

  test('shows each exercise\'s difficulty, time and the earlier exercises it builds on, from the manifest', async () => {
    const course = JSON.parse(fs.readFileSync(path.join(KIT_ROOT, 'grader', 'course.json'), 'utf8')) as {
      exercises: Array<{ id: string; difficulty: number; minutes: number; buildsOn: string[] }>;
    };
    const run = await runGrader(['list', '--no-status']);
    const lines = run.stdout.split('\n');
    for (const e of course.exercises) {
      const line = lines.find((l) => l.includes(` ${e.id} `)) ?? `(no line for ${e.id})`;
      expect(line).toContain(`${'★'.repeat(e.difficulty)}${'☆'.repeat(3 - e.difficulty)} `);
      expect(line).toMatch(new RegExp(` ${e.minutes} min `));
      const before = e.buildsOn.map((id) => id.slice(0, 2)).join(', ');
      if (before) expect(line).toContain(`(builds on ${before})`);
      else expect(line).not.toContain('builds on');
    }
    const minutes = course.exercises.reduce((sum, e) => sum + e.minutes, 0);
    const time = `about ${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
    expect(run.stdout).toContain(`${time} of work.`);
  });

  test('shows the status on the target and which exercise is next', async () => {
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'list-target-'));
    fs.cpSync(path.join(KIT_ROOT, 'solutions'), target, { recursive: true });
    fs.cpSync(path.join(KIT_ROOT, 'exercises', '03-generator-state'), path.join(target, '03-generator-state'), { recursive: true });
    const run = await runGrader(['list', '--target', target]);
    expect(run.stdout).toMatch(/ {2}01-generator-basics\s+5\/5 passed/);
    expect(run.stdout).toMatch(/→ 03-generator-state\s+0\/7 failed/);
    expect(run.stdout).toContain('Next: 03-generator-state.');
    fs.rmSync(target, { recursive: true, force: true });
  });

  test('lists the exercises in the recommended order, and "Next" is the first unfinished one on it, not the lowest number', async () => {
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'list-order-'));
    fs.cpSync(path.join(KIT_ROOT, 'solutions'), target, { recursive: true });
    for (const id of ['03-generator-state', '08-cleanup']) {
      fs.cpSync(path.join(KIT_ROOT, 'exercises', id), path.join(target, id), { recursive: true });
    }
    const run = await runGrader(['list', '--target', target]);
    const order = (JSON.parse(fs.readFileSync(path.join(KIT_ROOT, 'grader', 'course.json'), 'utf8')) as { recommendedOrder: string[] }).recommendedOrder;
    const listed = run.stdout.split('\n').map((line) => /^[→ ] (\d\d-[a-z-]+) /.exec(line)?.[1]).filter(Boolean);
    expect(listed).toEqual(order);
    expect(run.stdout).toMatch(/→ 08-cleanup\s+0\/6 failed/);
    expect(run.stdout).toContain('Next: 08-cleanup.');
    fs.rmSync(target, { recursive: true, force: true });
  });
});
