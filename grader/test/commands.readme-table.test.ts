/**
 * `readme`: the exercise tables of README.md and README.ko.md, generated from the manifest
 * between marker comments; `--check` fails when either is out of date.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCourse } from '../src/course';
import { CheckFailed } from '../src/errors';
import { locateKit } from '../src/kit';
import { readmeCommand, renderExerciseTable, TABLE_END, TABLE_START, tableChecks, totalTime, withCurrentTable } from '../src/commands/readme';
import { runGrader } from './helpers';

jest.setTimeout(60_000);

const course = parseCourse(
  JSON.stringify({
    formatVersion: 1,
    title: 'Course',
    exercises: [
      { id: '01-alpha', title: 'Alpha: the first', points: 4, timeoutSeconds: 5, tests: 1, exports: ['a'], difficulty: 1, buildsOn: [], minutes: 20 },
      { id: '02-beta', title: 'Beta: the second', titleKo: '베타: 두 번째', points: 6, timeoutSeconds: 5, tests: 1, exports: ['b'], difficulty: 3, buildsOn: ['01-alpha'], minutes: 45 },
    ],
  }),
  'course.json',
);
const block = (note = TABLE_START) => `# Title\n\nbefore\n\n${note}\nold table\n${TABLE_END}\n\nafter\n`;

describe('renderExerciseTable', () => {
  test('has a row per exercise with its difficulty, time, what it builds on and points, and a total', () => {
    expect(renderExerciseTable(course, 'en').split('\n')).toEqual([
      '| # | exercise | what it teaches | difficulty | time | builds on | points |',
      '| --- | --- | --- | --- | --- | --- | ---: |',
      '| 01 | [01-alpha](exercises/01-alpha/README.md) ([한국어](exercises/01-alpha/README.ko.md)) | Alpha: the first | ★☆☆ | 20 min | — | 4 |',
      '| 02 | [02-beta](exercises/02-beta/README.md) ([한국어](exercises/02-beta/README.ko.md)) | Beta: the second | ★★★ | 45 min | [01](exercises/01-alpha/README.md) | 6 |',
      '| | | total | | about 1 h 5 min | | 10 |',
    ]);
  });

  test('in Korean, has Korean headers and titles (the English one where none is given) and links to the Korean READMEs first', () => {
    expect(renderExerciseTable(course, 'ko').split('\n')).toEqual([
      '| # | 과제 | 배우는 것 | 난이도 | 예상 시간 | 먼저 할 과제 | 점수 |',
      '| --- | --- | --- | --- | --- | --- | ---: |',
      '| 01 | [01-alpha](exercises/01-alpha/README.ko.md) ([English](exercises/01-alpha/README.md)) | Alpha: the first | ★☆☆ | 20분 | — | 4 |',
      '| 02 | [02-beta](exercises/02-beta/README.ko.md) ([English](exercises/02-beta/README.md)) | 베타: 두 번째 | ★★★ | 45분 | [01](exercises/01-alpha/README.ko.md) | 6 |',
      '| | | 합계 | | 약 1시간 5분 | | 10 |',
    ]);
  });

  test('lists the rows, and what each builds on, in the recommended order', () => {
    const exercises = ['01-alpha', '02-beta', '03-gamma'].map((id, i) => ({
      id, title: id, points: 1, timeoutSeconds: 5, tests: 1, exports: ['x'], difficulty: 1, minutes: 10,
      buildsOn: i === 1 ? ['03-gamma', '01-alpha'] : [],
    }));
    const ordered = parseCourse(JSON.stringify({ formatVersion: 1, title: 'C', exercises, recommendedOrder: ['01-alpha', '03-gamma', '02-beta'] }), 'course.json');
    const rows = renderExerciseTable(ordered).split('\n').slice(2, 5);
    expect(rows.map((row) => row.split(' | ')[0])).toEqual(['| 01', '| 03', '| 02']);
    expect(rows[2]).toContain('| [01](exercises/01-alpha/README.md), [03](exercises/03-gamma/README.md) |');
  });

  test('writes the total time in hours, and minutes when there are any', () => {
    expect([totalTime(660), totalTime(65), totalTime(660, 'ko'), totalTime(65, 'ko')]).toEqual(['about 11 h', 'about 1 h 5 min', '약 11시간', '약 1시간 5분']);
  });

  test('leaves out the guide columns for a course that does not give them', () => {
    const bare = parseCourse(
      JSON.stringify({ formatVersion: 1, title: 'C', exercises: [{ id: '01-alpha', title: 'Alpha', points: 3, timeoutSeconds: 5, tests: 1, exports: ['a'] }] }),
      'course.json',
    );
    expect(renderExerciseTable(bare).split('\n')[0]).toBe('| # | exercise | what it teaches | points |');
    expect(renderExerciseTable(bare).split('\n')[3]).toBe('| | | total | 3 |');
  });
});

describe('withCurrentTable', () => {
  test('replaces only what lies between the markers', () => {
    expect(withCurrentTable(block(), course)).toBe(block().replace('old table', renderExerciseTable(course)));
  });

  test('keeps a start marker whose note was translated', () => {
    const note = '<!-- exercise-table:start (npm run readme 가 grader/course.json 에서 만듦; 고치지 마세요) -->';
    expect(withCurrentTable(block(note), course, 'ko')).toBe(block(note).replace('old table', renderExerciseTable(course, 'ko')));
  });

  test('is undefined without both markers', () => {
    expect(withCurrentTable('# no table here\n', course)).toBeUndefined();
    expect(withCurrentTable(`${TABLE_START}\nno end`, course)).toBeUndefined();
  });
});

describe('the readme command', () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));
  /** A kit root holding the given READMEs; only `rootDir` of the kit is used. */
  const kitWith = (files: Record<string, string>) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-table-'));
    roots.push(root);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(root, name), text);
    return { kit: locateKit(root), course, root };
  };
  const quietly = <T>(action: () => T): T => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      return action();
    } finally {
      write.mockRestore();
    }
  };

  test('fills the table of README.md and of README.ko.md, in each one\'s language', () => {
    const context = kitWith({ 'README.md': block(), 'README.ko.md': block() });
    quietly(() => readmeCommand({ check: false }, context));
    expect(fs.readFileSync(path.join(context.root, 'README.md'), 'utf8')).toContain('| # | exercise | what it teaches |');
    expect(fs.readFileSync(path.join(context.root, 'README.ko.md'), 'utf8')).toContain('| # | 과제 | 배우는 것 |');
    expect(readmeCommand({ check: true }, context)).toBe(0);
    expect(tableChecks(context.root, course).map((c) => c.ok)).toEqual([true, true]);
  });

  test('--check fails when the Korean table is out of date, and names the file', () => {
    const context = kitWith({ 'README.md': block(), 'README.ko.md': block() });
    quietly(() => readmeCommand({ check: false }, context));
    fs.writeFileSync(path.join(context.root, 'README.ko.md'), block());
    expect(() => readmeCommand({ check: true }, context)).toThrow(CheckFailed);
    expect(() => readmeCommand({ check: true }, context)).toThrow('The exercise table in README.ko.md is out of date. Run "npm run readme".');
    expect(tableChecks(context.root, course).map((c) => c.ok)).toEqual([true, false]);
  });

  test('a README.ko.md without markers, or none at all, is left alone; README.md must have them', () => {
    const context = kitWith({ 'README.md': block(), 'README.ko.md': '# 한국어\n' });
    quietly(() => readmeCommand({ check: false }, context));
    expect(fs.readFileSync(path.join(context.root, 'README.ko.md'), 'utf8')).toBe('# 한국어\n');
    expect(tableChecks(context.root, course)).toHaveLength(1);
    const bare = kitWith({ 'README.md': '# no markers\n' });
    expect(() => readmeCommand({ check: true }, bare)).toThrow('README.md has no exercise-table markers');
  });

  test('the kit\'s own READMEs are current (npm run readme has been run)', async () => {
    const run = await runGrader(['readme', '--check']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
