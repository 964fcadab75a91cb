/**
 * The report formats as their real consumers read them: GitHub Classroom's reporter action
 * (a base64 `result` step output), PrairieLearn's external grader (`results.json`), and the
 * totals every format states, graded for real with uneven weights so that shares fall on
 * thirds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCourse } from '../src/course';
import { gradeTargets } from '../src/engine/grade';
import { locateKit } from '../src/kit';
import { renderReport, type Format, type RenderOptions } from '../src/render';
import { classroomStepOutput, type ClassroomResult } from '../src/render/classroom';
import type { GradescopeResults } from '../src/render/gradescope';
import { renderGradebookCsv } from '../src/render/gradebook';
import { prairielearnResults, renderPrairielearn, type PrairieLearnResults } from '../src/render/prairielearn';
import type { GradeReport } from '../src/report/report';
import { FIXTURE_KIT, FIXTURE_TARGETS, runGrader } from './helpers';

jest.setTimeout(120_000);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'render-consumers-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** The fixture kit with weights that give thirds: alpha 7 points over weights 3, 1, 1, 1. */
function unevenKit(): string {
  const kit = path.join(scratch, 'kit');
  fs.cpSync(FIXTURE_KIT, kit, { recursive: true });
  // The fixture specs reach the kit's loader by a relative path, which the copy would break.
  const loader = path.resolve(FIXTURE_KIT, '..', '..', '..', 'specs', 'support', 'target');
  for (const name of fs.readdirSync(path.join(kit, 'grader', 'specs'))) {
    const file = path.join(kit, 'grader', 'specs', name);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace("'../../../../../specs/support/target'", JSON.stringify(loader)));
  }
  const manifest = path.join(kit, 'grader', 'course.json');
  const course = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { exercises: Array<Record<string, unknown>> };
  course.exercises[0] = { ...course.exercises[0], points: 7, weights: { 'double > doubles one': 3 } };
  course.exercises[1] = { ...course.exercises[1], points: 5, weights: { 'later > resolves with ten times its argument': 2 } };
  fs.writeFileSync(manifest, JSON.stringify(course));
  return kit;
}

const cents = (points: number): number => Math.round(points * 100);
const sumCents = (values: number[]): number => values.reduce((sum, v) => sum + cents(v), 0);

describe('every format states the same totals, to the hundredth, with uneven weights', () => {
  let report: GradeReport;
  const options: RenderOptions = { color: false, timestamp: new Date(0), hostname: 'ci', visibility: 'visible', executionTimeSeconds: 1 };
  const render = (format: Format): string => renderReport(report, format, options);

  beforeAll(async () => {
    const kit = locateKit(unevenKit());
    const course = loadCourse(kit.manifestPath);
    // `partial` fails alpha's negative test (weight 1 of 6) and beta is right.
    [report] = (await gradeTargets(kit, [{ label: 'partial', dir: path.join(FIXTURE_TARGETS, 'partial'), exercises: course.exercises }])) as [GradeReport];
  });

  test('the report itself: shares on thirds that add up to the points', () => {
    const alpha = report.exercises[0]!;
    expect(alpha.tests.map((t) => t.maxPoints)).toEqual([3.5, 1.17, 1.17, 1.16]);
    expect(alpha.score).toBe(5.84);
    expect(sumCents(alpha.tests.map((t) => t.points))).toBe(cents(alpha.score));
    expect(report.score).toBe(10.84);
  });

  test.each<[Format, (text: string) => [number, number]]>([
    ['json', (text) => [(JSON.parse(text) as GradeReport).score, (JSON.parse(text) as GradeReport).maxScore]],
    ['text', (text) => /Total: ([\d.]+)\/([\d.]+)/.exec(text)!.slice(1).map(Number) as [number, number]],
    ['markdown', (text) => /## Grade: ([\d.]+)\/([\d.]+)/.exec(text)!.slice(1).map(Number) as [number, number]],
    ['github', (text) => /^Points ([\d.]+)\/([\d.]+)$/m.exec(text)!.slice(1).map(Number) as [number, number]],
    [
      'gradescope',
      (text) => {
        const results = JSON.parse(text) as GradescopeResults;
        expect(sumCents(results.tests.map((t) => t.score))).toBe(cents(results.score));
        return [results.score, sumCents(results.tests.map((t) => t.max_score)) / 100];
      },
    ],
    [
      'classroom',
      (text) => {
        // What Classroom's reporter totals: the tests' scores over the runner's max_score.
        const result = JSON.parse(text) as ClassroomResult;
        return [sumCents(result.tests.map((t) => t.score)) / 100, result.max_score];
      },
    ],
    [
      'prairielearn',
      (text) => {
        const results = JSON.parse(text) as PrairieLearnResults;
        const max = sumCents(results.tests.map((t) => t.max_points)) / 100;
        expect(Math.abs(results.score * max - sumCents(results.tests.map((t) => t.points)) / 100)).toBeLessThan(0.005);
        return [sumCents(results.tests.map((t) => t.points)) / 100, max];
      },
    ],
    [
      'junit',
      (text) => {
        const scores = [...text.matchAll(/<property name="score" value="([\d.]+)"\/>/g)].map((m) => Number(m[1]));
        const maxima = [...text.matchAll(/<property name="maxScore" value="([\d.]+)"\/>/g)].map((m) => Number(m[1]));
        const testPoints = [...text.matchAll(/<property name="points: [^"]*" value="([\d.]+)\/([\d.]+)"\/>/g)];
        expect(sumCents(testPoints.map((m) => Number(m[1])))).toBe(sumCents(scores));
        expect(sumCents(testPoints.map((m) => Number(m[2])))).toBe(sumCents(maxima));
        return [sumCents(scores) / 100, sumCents(maxima) / 100];
      },
    ],
  ])('%s', (format, totals) => {
    expect(totals(render(format))).toEqual([report.score, report.maxScore]);
  });

  test('gradebook', () => {
    const csv = renderGradebookCsv({
      courseTitle: 't',
      exercises: report.exercises.map((e) => ({ id: e.id, title: e.title, points: e.maxScore })),
      generatedAt: '',
      submissions: [{ name: 'ana', report }],
    });
    const [, row] = csv.trim().split('\r\n');
    const [, total, max, ...exercises] = row!.split(',');
    expect([Number(total), Number(max)]).toEqual([report.score, report.maxScore]);
    expect(sumCents(exercises.filter((c) => c !== '').map(Number))).toBe(cents(report.score));
  });
});

describe("GitHub Classroom's reporter: the result step output", () => {
  test('grade --format classroom writes result=<base64> to $GITHUB_OUTPUT, which decodes to the fields the reporter reads', async () => {
    const output = path.join(scratch, 'github-output');
    fs.writeFileSync(output, 'earlier=step\n');
    const run = await runGrader(['grade', '--target', 'solutions', '--exercise', '05', '06', '--format', 'classroom', '--no-typecheck'], {
      env: { GITHUB_OUTPUT: output },
    });
    expect(run.code).toBe(0);
    const lines = fs.readFileSync(output, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('earlier=step');
    expect(lines[1]).toMatch(/^result=[A-Za-z0-9+/]+=*$/);
    // As the reporter reads it: from `<RUNNER ID>_RESULTS`, base64, then JSON.
    const env = { GRADE_RESULTS: lines[1]!.slice('result='.length) };
    const result = JSON.parse(Buffer.from(env.GRADE_RESULTS, 'base64').toString('utf8')) as ClassroomResult;
    expect(result).toEqual(JSON.parse(run.stdout));
    expect(result.version).toBe(1);
    expect(result.status).toBe('pass');
    expect(result.max_score).toBe(10);
    expect(result.tests.length).toBeGreaterThan(10);
    for (const test of result.tests) {
      expect(typeof test.name).toBe('string');
      expect(['pass', 'fail', 'error']).toContain(test.status);
      expect(typeof test.score).toBe('number');
      expect(typeof test.message).toBe('string');
    }
    expect(sumCents(result.tests.map((t) => t.score))).toBe(1000);
  });

  test('a failing submission is "fail", with each failing test\'s message and no points for it', () => {
    const report: GradeReport = {
      schemaVersion: 1,
      target: 't',
      score: 1,
      maxScore: 2,
      exercises: [
        {
          id: '01-a',
          title: 'A',
          score: 1,
          maxScore: 2,
          status: 'partial',
          tests: [
            { name: 'ok', status: 'passed', points: 1, maxPoints: 1 },
            { name: 'bad', status: 'failed', points: 0, maxPoints: 1, message: 'Expected 2' },
          ],
        },
      ],
    };
    const result = JSON.parse(Buffer.from(classroomStepOutput(report).trim().slice('result='.length), 'base64').toString('utf8')) as ClassroomResult;
    expect(result.status).toBe('fail');
    expect(result.tests).toEqual([
      expect.objectContaining({ name: '01-a: ok', status: 'pass', score: 1, message: '' }),
      expect.objectContaining({ name: '01-a: bad', status: 'fail', score: 0, message: 'Expected 2' }),
    ]);
  });
});

describe("PrairieLearn's external grader: results.json", () => {
  const base: GradeReport = {
    schemaVersion: 1,
    target: 't',
    score: 3,
    maxScore: 4,
    exercises: [
      {
        id: '01-a',
        title: 'A',
        score: 3,
        maxScore: 4,
        status: 'partial',
        tests: [
          { name: 'one', status: 'passed', points: 3, maxPoints: 3 },
          { name: 'two', status: 'failed', points: 0, maxPoints: 1, message: 'x'.repeat(5000) },
        ],
      },
    ],
  };

  test('the documented fields: score from 0 to 1, gradable, message, output, tests with points and max_points', () => {
    const results = JSON.parse(renderPrairielearn(base)) as PrairieLearnResults;
    expect(results).toMatchObject({ gradable: true, score: 0.75 });
    expect(typeof results.message).toBe('string');
    expect(typeof results.output).toBe('string');
    expect(results.tests.map((t) => [t.name, t.points, t.max_points])).toEqual([
      ['01-a: one', 3, 3],
      ['01-a: two', 0, 1],
    ]);
    expect(results).not.toHaveProperty('format_errors');
  });

  test('nothing could be loaded: not gradable, with format_errors, so the attempt is not counted', () => {
    const broken: GradeReport = {
      ...base,
      score: 0,
      exercises: [{ ...base.exercises[0]!, score: 0, status: 'error', message: 'a.ts:1:2: ; expected', tests: base.exercises[0]!.tests.map((t) => ({ ...t, status: 'error', points: 0 })) }],
    };
    expect(prairielearnResults(broken)).toMatchObject({ gradable: false, format_errors: ['01-a: a.ts:1:2: ; expected'] });
  });

  test('stays under the 1 MB limit, however long the messages', () => {
    const many: GradeReport = {
      ...base,
      exercises: Array.from({ length: 40 }, (_, i) => ({ ...base.exercises[0]!, id: `${String(i).padStart(2, '0')}-a`, tests: Array.from({ length: 40 }, () => base.exercises[0]!.tests[1]!) })),
    };
    expect(Buffer.byteLength(renderPrairielearn(many))).toBeLessThan(1024 * 1024);
  });
});
