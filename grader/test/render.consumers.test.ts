/**
 * The report formats as their real consumers read them, each consumer's reading ported from its
 * own code or specification as the oracle: GitHub Classroom's reporter action (the environment
 * string's size limit, the `+=` total, the notice), PrairieLearn's external grader (its 1 MiB
 * limit and result handling), Gradescope's results specification, and JUnit readers (counts, and
 * the file a failure is annotated at). The largest report the course allows (./worst-case.ts) is
 * among the inputs, so that a change that would break a consumer fails here. Also the totals
 * every format states, graded for real with uneven weights so that shares fall on thirds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCourse, type Exercise } from '../src/course';
import { gradeTargets } from '../src/engine/grade';
import { locateKit } from '../src/kit';
import { renderReport, type Format, type RenderOptions } from '../src/render';
import { CLASSROOM_BASE64_BUDGET, CLASSROOM_JSON_BUDGET, classroomResult, classroomStepOutput, type ClassroomResult } from '../src/render/classroom';
import { renderGithub } from '../src/render/github';
import { renderGradescope, type GradescopeResults } from '../src/render/gradescope';
import { renderGradebookCsv } from '../src/render/gradebook';
import { prairielearnResults, renderPrairielearn, type PrairieLearnResults } from '../src/render/prairielearn';
import { buildReport, withTypeErrors, type GradeReport } from '../src/report/report';
import { FIXTURE_KIT, FIXTURE_TARGETS, KIT_ROOT, runGrader } from './helpers';
import { worstCaseReport } from './worst-case';

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
  const options: RenderOptions = { color: false, timestamp: new Date(0), hostname: 'ci', visibility: 'visible' };
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
        // What Classroom's reporter totals: 0, then += each test's score, over the runner's max_score.
        const result = JSON.parse(text) as ClassroomResult;
        let total = 0;
        for (const test of result.tests) total += test.score;
        return [total, result.max_score];
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

/**
 * GitHub Classroom's reporter (classroom-resources/autograding-grading-reporter), ported from
 * its src/main.js and src/notify-classroom.js as the oracle: the runner's result comes from the
 * environment variable `<RUNNER ID>_RESULTS`, base64 then JSON; the points are
 * `Points ${totalPoints}/${maxPoints}` in a notice titled "Autograding complete", where
 * `totalPoints` is 0 plus `+= score` of each test in order, and runners without a max_score
 * are skipped. Linux refuses to start a process whose environment holds one string over
 * MAX_ARG_STRLEN (32 pages: 131,072 bytes, its terminating NUL included).
 */
const MAX_ARG_STRLEN = 131_072;

interface ReporterNotice {
  title: string;
  text: string;
}

function classroomReporter(env: Record<string, string>, runners: string): ReporterNotice[] {
  for (const [name, value] of Object.entries(env)) {
    if (Buffer.byteLength(`${name}=${value}`) + 1 > MAX_ARG_STRLEN) throw new Error(`E2BIG: ${name} is too long for one environment string`);
  }
  const runnerResults = runners.split(',').map((runner) => {
    const encoded = env[`${runner.trim().toUpperCase()}_RESULTS`]!;
    return { runner, results: JSON.parse(Buffer.from(encoded, 'base64').toString('utf-8')) as ClassroomResult };
  });
  let totalPoints = 0;
  let maxPoints = 0;
  for (const { results } of runnerResults) {
    if (!results.max_score) continue;
    maxPoints += results.max_score;
    results.tests.forEach(({ score }) => {
      totalPoints += score;
    });
  }
  if (!maxPoints) return [];
  return [
    { title: 'Autograding complete', text: `Points ${totalPoints}/${maxPoints}` },
    { title: 'Autograding report', text: JSON.stringify({ totalPoints, maxPoints }) },
  ];
}

/** The `result=` step output of a report, as the submission template hands it to the reporter. */
function reporterOf(report: GradeReport): ReporterNotice[] {
  const [line] = classroomStepOutput(report).trimEnd().split('\n');
  expect(line).toMatch(/^result=[A-Za-z0-9+/]+=*$/);
  return classroomReporter({ GRADER_RESULTS: line!.slice('result='.length) }, 'grader');
}

/** A small deterministic generator (mulberry32), so that a failing case can be run again. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A report as the kit builds it, from a made-up course: random points, weights, outcomes, and sometimes --strict-types. */
function randomReport(random: () => number): GradeReport {
  const pick = <T,>(values: T[]): T => values[Math.floor(random() * values.length)]!;
  const exercises: Exercise[] = Array.from({ length: 1 + Math.floor(random() * 20) }, (_, i) => {
    const tests = 1 + Math.floor(random() * 30);
    const weights = Object.fromEntries(
      Array.from({ length: tests }, (_, t) => [`t${t}`, pick([1, 1, 1, 2, 3, 0.5, 7])] as const).filter(() => random() < 0.3),
    );
    return {
      id: `${String(i + 1).padStart(2, '0')}-e`,
      title: `E${i}`,
      points: pick([1, 2, 3, 5, 6, 7, 10, 2.5, 3.33, 7.25, 0.1, 0.7, 12.34]),
      timeoutSeconds: 5,
      tests,
      exports: ['x'],
      ...(Object.keys(weights).length > 0 ? { weights } : {}),
    };
  });
  const passRate = random();
  const outcomes = exercises.map((exercise) => ({
    targetIndex: 0,
    exerciseId: exercise.id,
    tests: Array.from({ length: random() < 0.1 ? 0 : exercise.tests }, (_, t) => ({ name: `t${t}`, status: random() < passRate ? ('passed' as const) : ('failed' as const) })),
  }));
  const report = buildReport(exercises, outcomes, { label: 't', dir: '/t' }, '/');
  if (random() < 0.2) {
    const broken = exercises.filter(() => random() < 0.3).map((e) => ({ file: `${e.id}/e.ts`, line: 1, column: 1, message: 'bad' }));
    return withTypeErrors(report, broken, true);
  }
  return report;
}

describe("GitHub Classroom's reporter, ported as the oracle", () => {
  test('grade --format classroom writes result=<base64> to $GITHUB_OUTPUT, which the reporter reads: the points of the grade', async () => {
    const output = path.join(scratch, 'github-output');
    fs.writeFileSync(output, 'earlier=step\n');
    const run = await runGrader(['grade', '--target', 'solutions', '--exercise', '05', '06', '--format', 'classroom', '--no-typecheck'], {
      env: { GITHUB_OUTPUT: output },
    });
    expect(run.code).toBe(0);
    const lines = fs.readFileSync(output, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('earlier=step');
    expect(lines[1]).toMatch(/^result=[A-Za-z0-9+/]+=*$/);
    const env = { GRADER_RESULTS: lines[1]!.slice('result='.length) };
    const result = JSON.parse(Buffer.from(env.GRADER_RESULTS, 'base64').toString('utf8')) as ClassroomResult;
    expect(result).toEqual(JSON.parse(run.stdout));
    expect(result).toMatchObject({ version: 1, status: 'pass', max_score: 10 });
    for (const test of result.tests) {
      expect(Object.keys(test).sort()).toEqual(['line_no', 'message', 'name', 'score', 'status']);
      expect(test.line_no).toBe(0);
    }
    expect(classroomReporter(env, 'grader')[0]).toEqual({ title: 'Autograding complete', text: 'Points 10/10' });
  });

  test("for every report, the reporter's Points X/Y is the kit's score, as JavaScript prints it (2,000 random reports)", () => {
    const random = randomSource(18);
    for (let n = 0; n < 2000; n++) {
      const report = randomReport(random);
      const [notice] = reporterOf(report);
      expect([n, notice!.text]).toEqual([n, `Points ${report.score}/${report.maxScore}`]);
    }
  });

  test('full marks, 20 and 91 of 100 arrive exactly, where adding each test\'s hundredth drifts', () => {
    // The drift the kit must avoid: a hundred points in ten thousand tests of 0.01 each.
    let drifting = 0;
    for (let i = 0; i < 10_000; i++) drifting += 0.01;
    expect(`${drifting}`).not.toBe('100');
    const hundredths = (passed: number): GradeReport =>
      buildReport(
        [{ id: '01-a', title: 'A', points: 100, timeoutSeconds: 5, tests: 10_000, exports: ['x'] }],
        [{ targetIndex: 0, exerciseId: '01-a', tests: Array.from({ length: 10_000 }, (_, t) => ({ name: `t${t}`, status: t < passed ? 'passed' : 'failed' })) }],
        { label: 't', dir: '/t' },
        '/',
      );
    for (const [passed, points] of [
      [10_000, '100'],
      [2_000, '20'],
      [9_100, '91'],
    ] as const) {
      const report = hundredths(passed);
      expect(`${report.score}`).toBe(points);
      expect(reporterOf(report)[0]!.text).toBe(`Points ${points}/100`);
    }
  });

  test('the worst report the course allows (every test failing, the longest messages) fits in 64 KiB of base64, half what Linux allows', () => {
    const worst = worstCaseReport();
    const value = classroomStepOutput(worst).trimEnd().slice('result='.length);
    expect(value.length).toBeLessThanOrEqual(CLASSROOM_BASE64_BUDGET);
    expect(CLASSROOM_BASE64_BUDGET * 2).toBe(MAX_ARG_STRLEN);
    expect(reporterOf(worst)[0]!.text).toBe(`Points 0/${worst.maxScore}`);
    // The budget holds by construction, not by this course's luck: four times the exercises still fit.
    const crowded = { ...worst, exercises: [1, 2, 3, 4].flatMap((k) => worst.exercises.map((e) => ({ ...e, id: `${e.id}-${k}` }))) };
    expect(Buffer.byteLength(JSON.stringify(classroomResult(crowded)))).toBeLessThanOrEqual(CLASSROOM_JSON_BUDGET);
    // Each entry says why, cut to its share: the reporter prints an error entry's message.
    expect(classroomResult(worst).tests[0]!.message.length).toBeGreaterThan(100);
  });

  test('an exercise per entry: passed, partial (its points, with the failing tests named), error (the reason, which the reporter prints)', () => {
    const report: GradeReport = {
      schemaVersion: 1,
      target: 't',
      score: 1,
      maxScore: 4,
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
        { id: '02-b', title: 'B', score: 0, maxScore: 2, status: 'error', message: 'b.ts:1:2: ; expected', tests: [{ name: 'x', status: 'error', points: 0, maxPoints: 2 }] },
      ],
    };
    const result = classroomResult(report);
    expect(result.status).toBe('fail');
    expect(result.tests).toEqual([
      { name: '01-a: A (1/2 points)', status: 'fail', score: 1, message: '1 of 2 tests fail: bad', line_no: 0 },
      { name: '02-b: B (0/2 points)', status: 'error', score: 0, message: 'b.ts:1:2: ; expected', line_no: 0 },
    ]);
  });

  test('one "Autograding complete" notice per run: the reporter\'s; the kit\'s own notice says the same points under another title', () => {
    const report = worstCaseReport();
    const kit = renderGithub(report).annotations;
    const reporter = reporterOf(report);
    const titles = [...kit.matchAll(/^::notice title=([^:]*)::/gm)].map((m) => m[1]!).concat(reporter.map((n) => n.title));
    expect(titles.filter((t) => t === 'Autograding complete')).toHaveLength(1);
    expect(kit).toContain(`::notice title=Grade::${reporter[0]!.text}\n`);
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

  /**
   * PrairieLearn, ported as the oracle: its grader host (apps/grader-host/src/index.ts) refuses a
   * results.json over 1 MiB ("The grading results were larger than 1MB") or one that does not
   * parse; then makeGradingResult (apps/prairielearn/src/lib/externalGraderCommon.ts) wants
   * `score` a number and takes `format_errors` as a string or a list.
   */
  function prairieLearnReads(file: Buffer): { score: number; formatErrors: string[]; gradable: unknown } {
    if (Buffer.byteLength(file) > 1024 * 1024) throw new Error('The grading results were larger than 1MB.');
    const results = JSON.parse(file.toString().replace(/\0/g, '\ufffd')) as Record<string, unknown>;
    if (typeof results.score !== 'number' || Number.isNaN(results.score)) throw new Error(`score "${String(results.score)}" was not a number.`);
    const formatErrors = typeof results.format_errors === 'string' ? [results.format_errors] : Array.isArray(results.format_errors) ? (results.format_errors as string[]) : [];
    return { score: results.score, formatErrors, gradable: results.gradable };
  }

  test('the worst report the course allows is taken whole, as PrairieLearn reads it', () => {
    const worst = worstCaseReport();
    const read = prairieLearnReads(Buffer.from(renderPrairielearn(worst)));
    expect(read).toEqual({ score: 0, formatErrors: [], gradable: true });
    const broken = { ...worst, exercises: worst.exercises.map((e) => ({ ...e, status: 'error' as const })) };
    const notGradable = prairieLearnReads(Buffer.from(renderPrairielearn(broken)));
    expect(notGradable.gradable).toBe(false);
    expect(notGradable.formatErrors).toHaveLength(worst.exercises.length);
  });
});

/**
 * Gradescope's autograder specification ("Output format" of results.json), ported as the oracle:
 * the fields it documents, with their types and values; a test's `status` is `passed` or
 * `failed`; `visibility` one of four; the top-level `score` is the grade, and the tests' scores
 * are its breakdown.
 */
describe("Gradescope's results.json", () => {
  const VISIBILITIES = ['hidden', 'after_due_date', 'after_published', 'visible'];
  function gradescopeReads(text: string): { score: number; tests: number } {
    const results = JSON.parse(text) as Record<string, unknown>;
    const problems: string[] = [];
    const isNumber = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
    if (!isNumber(results.score)) problems.push('score');
    if (results.execution_time !== undefined && !(Number.isInteger(results.execution_time) && (results.execution_time as number) >= 0)) problems.push('execution_time');
    for (const key of ['output']) if (results[key] !== undefined && typeof results[key] !== 'string') problems.push(key);
    for (const key of ['visibility', 'stdout_visibility']) if (results[key] !== undefined && !VISIBILITIES.includes(results[key] as string)) problems.push(key);
    const tests = (results.tests ?? []) as Array<Record<string, unknown>>;
    tests.forEach((t, i) => {
      if (!isNumber(t.score) || !isNumber(t.max_score) || typeof t.name !== 'string') problems.push(`tests[${i}]`);
      if (t.status !== undefined && !['passed', 'failed'].includes(t.status as string)) problems.push(`tests[${i}].status`);
      if (t.visibility !== undefined && !VISIBILITIES.includes(t.visibility as string)) problems.push(`tests[${i}].visibility`);
      if (t.output !== undefined && typeof t.output !== 'string') problems.push(`tests[${i}].output`);
    });
    if (problems.length > 0) throw new Error(`Gradescope would not take: ${problems.join(', ')}`);
    return { score: results.score as number, tests: tests.length };
  }

  test('the worst report and 200 random ones are taken, with the kit\'s score and its breakdown', () => {
    const worst = worstCaseReport();
    expect(gradescopeReads(renderGradescope({ ...worst, durationSeconds: 12.3 }, { visibility: 'after_due_date' }))).toEqual({
      score: 0,
      tests: worst.exercises.reduce((sum, e) => sum + e.tests.length, 0),
    });
    const random = randomSource(7);
    for (let n = 0; n < 200; n++) {
      const report = randomReport(random);
      const text = renderGradescope(report, { visibility: 'visible' });
      expect(gradescopeReads(text).score).toBe(report.score);
      const results = JSON.parse(text) as GradescopeResults;
      expect(sumCents(results.tests.map((t) => t.score))).toBe(cents(report.score));
    }
  });

  test('the oracle refuses what Gradescope would not take', () => {
    const good = JSON.parse(renderGradescope(worstCaseReport(), { visibility: 'visible' })) as GradescopeResults;
    expect(() => gradescopeReads(JSON.stringify({ ...good, visibility: 'public' }))).toThrow('visibility');
    expect(() => gradescopeReads(JSON.stringify({ ...good, tests: [{ ...good.tests[0], status: 'error' }] }))).toThrow('tests[0].status');
  });
});

/**
 * JUnit readers, as they read a report: the counts per suite (junitparser and dorny/test-reporter
 * take a suite's `tests`, `failures`, `errors` and `skipped`), and where a failure is annotated
 * (mikepenz/action-junit-report: the testcase's `file`, else its failure's, else its suite's,
 * else a path made from the classname; resolved in the checked-out repository).
 */
describe('JUnit readers', () => {
  type Element = { attributes: Record<string, string>; children: Element[]; name: string };
  /** The elements of a document, with their attributes: enough of XML for a report the kit wrote. */
  function parse(xml: string): Element {
    const root: Element = { name: '#document', attributes: {}, children: [] };
    const stack = [root];
    for (const match of xml.matchAll(/<(\/?)([\w:-]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/g)) {
      const [, closing, name, attributes, selfClosing] = match;
      if (closing) {
        stack.pop();
        continue;
      }
      const element: Element = { name: name!, attributes: Object.fromEntries([...attributes!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])), children: [] };
      stack.at(-1)!.children.push(element);
      if (!selfClosing) stack.push(element);
    }
    return root;
  }
  const childrenOf = (element: Element, name: string): Element[] => element.children.filter((c) => c.name === name);

  function annotationsOf(xml: string): Array<{ file: string; title: string }> {
    const suites = childrenOf(childrenOf(parse(xml), 'testsuites')[0]!, 'testsuite');
    return suites.flatMap((suite) =>
      childrenOf(suite, 'testcase')
        .filter((c) => childrenOf(c, 'failure').length + childrenOf(c, 'error').length > 0)
        .map((c) => {
          const problem = [...childrenOf(c, 'failure'), ...childrenOf(c, 'error')][0]!;
          const file = c.attributes.file || problem.attributes.file || suite.attributes.file || `${c.attributes.classname!.replace(/\./g, '/')}`;
          return { file, title: `${file}.${c.attributes.name}` };
        }),
    );
  }

  test('the worst report: every count agrees with its elements, and every failure points at a file the kit has', async () => {
    const worst = worstCaseReport();
    const xml = renderReport(worst, 'junit', { color: false, timestamp: new Date(0), hostname: 'ci', visibility: 'visible' });
    const suites = childrenOf(childrenOf(parse(xml), 'testsuites')[0]!, 'testsuite');
    expect(suites).toHaveLength(worst.exercises.length);
    let total = 0;
    for (const suite of suites) {
      const cases = childrenOf(suite, 'testcase');
      const counted = (name: string) => cases.filter((c) => childrenOf(c, name).length > 0).length;
      expect([suite.attributes.tests, suite.attributes.failures, suite.attributes.errors, suite.attributes.skipped].map(Number)).toEqual([
        cases.length,
        counted('failure'),
        counted('error'),
        counted('skipped'),
      ]);
      total += cases.length;
    }
    expect(total).toBe(worst.exercises.reduce((sum, e) => sum + e.tests.length, 0));
    const annotations = annotationsOf(xml);
    expect(annotations).toHaveLength(total);
    for (const file of new Set(annotations.map((a) => a.file))) expect([file, fs.existsSync(path.join(KIT_ROOT, file))]).toEqual([file, true]);
  });
});
