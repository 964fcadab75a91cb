import { cleanMessage } from '../src/report/clean';
import { buildReport, scoreExercise, withTypeErrors } from '../src/report/report';
import type { Exercise } from '../src/course';
import { renderText } from '../src/render/text';

const exercise: Exercise = { id: '05-summer', title: 'Summer', points: 5, timeoutSeconds: 5, tests: 4, exports: ['summer'] };
const same = (message: string) => message;
const tests = (...statuses: Array<'passed' | 'failed' | 'timeout' | 'error' | 'not-run'>) =>
  statuses.map((status, i) => ({ name: `t${i + 1}`, status, ...(status === 'passed' ? {} : { message: `why ${i + 1}` }) }));

describe('scoreExercise', () => {
  test('shares the points equally among the tests', () => {
    expect(scoreExercise(exercise, { tests: tests('passed', 'passed', 'failed', 'failed') }, same)).toMatchObject({
      score: 2.5,
      status: 'partial',
    });
  });

  test('every test passing is "passed" with full points; none passing is "failed"', () => {
    expect(scoreExercise(exercise, { tests: tests('passed', 'passed', 'passed', 'passed') }, same)).toMatchObject({ score: 5, status: 'passed' });
    expect(scoreExercise(exercise, { tests: tests('failed', 'failed', 'failed', 'failed') }, same)).toMatchObject({ score: 0, status: 'failed' });
  });

  test('weights change the shares', () => {
    const weighted = { ...exercise, weights: { t1: 3 } };
    expect(scoreExercise(weighted, { tests: tests('passed', 'failed', 'failed', 'failed') }, same).score).toBe(2.5);
  });

  test('a spec that reports fewer tests than the manifest expects is padded, never shrinking the total', () => {
    const result = scoreExercise(exercise, { tests: tests('passed', 'passed') }, same);
    expect(result.tests).toHaveLength(4);
    expect(result.tests.slice(2).map((t) => t.status)).toEqual(['not-run', 'not-run']);
    expect(result.score).toBe(2.5);
  });

  test('an exercise that could not load lists every expected test as an error', () => {
    const result = scoreExercise(exercise, { tests: [], problem: { status: 'error', message: 'summer.ts could not be loaded' } }, same);
    expect(result).toMatchObject({ status: 'error', score: 0, message: 'summer.ts could not be loaded' });
    expect(result.tests.map((t) => t.status)).toEqual(['error', 'error', 'error', 'error']);
  });

  test('a test that timed out makes the exercise a timeout, keeping the points of the tests that passed', () => {
    const result = scoreExercise(exercise, { tests: tests('passed', 'timeout', 'not-run', 'not-run') }, same);
    expect(result).toMatchObject({ status: 'timeout', score: 1.25, message: 'why 2' });
  });

  test('passes messages through the cleaner, and drops them from passing tests', () => {
    const result = scoreExercise(exercise, { tests: tests('passed', 'failed', 'passed', 'passed') }, (m) => m.toUpperCase());
    expect(result.tests[1]!.message).toBe('WHY 2');
    expect(result.tests[0]).not.toHaveProperty('message');
  });
});

describe('cleanMessage', () => {
  const context = { targetDir: '/home/ana/kit/exercises', targetLabel: 'exercises', rootDir: '/home/ana/kit' };

  test('removes colour codes and stack frames from Jest and the grader, keeping the student\'s own', () => {
    const message = [
      '\u001b[2mexpect(\u001b[22mreceived\u001b[2m).toBe(\u001b[22mexpected)',
      '    at summer (/home/ana/kit/exercises/05-summer/summer.ts:4:11)',
      '    at Object.<anonymous> (/home/ana/kit/grader/specs/05-summer.spec.ts:9:5)',
      '    at callAsyncCircusFn (/home/ana/kit/node_modules/jest-circus/build/jestAdapterInit.js:1774:10)',
    ].join('\n');
    expect(cleanMessage(message, context)).toBe('expect(received).toBe(expected)\n    at summer (exercises/05-summer/summer.ts:4:11)');
  });

  test('replaces every absolute path', () => {
    const cleaned = cleanMessage('cannot read /tmp/xyz/deep/file.txt nor /home/ana/kit/grader/course.json', context);
    expect(cleaned).toBe('cannot read file.txt nor grader/course.json');
  });

  test('a path in the kit is shown from the kit, with /, but only the whole kit folder: /home/ana/kit2 is not in it', () => {
    expect(cleanMessage('see /home/ana/kit/grader/course.json, not /home/ana/kit2/grader/course.json', context)).toBe('see grader/course.json, not course.json');
    expect(cleanMessage('file:///home/ana/kit/exercises/05-summer/summer.ts:3:1', context)).toBe('exercises/05-summer/summer.ts:3:1');
  });

  describe('on Windows', () => {
    const windows = { targetDir: 'C:\\Users\\Ann Lee\\kit\\exercises', targetLabel: 'exercises', rootDir: 'C:\\Users\\Ann Lee\\kit' };

    test("the student's frames stay, named from the kit with /, whatever the separator or the drive letter's case", () => {
      const message = [
        'expect(received).toBe(expected)',
        '    at summer (C:\\Users\\Ann Lee\\kit\\exercises\\05-summer\\summer.ts:4:11)',
        '    at next (c:/users/ann lee/kit/exercises/05-summer/summer.ts:9:2)',
        '    at Object.<anonymous> (C:\\Users\\Ann Lee\\kit\\grader\\specs\\05-summer.spec.ts:9:5)',
        '    at callAsyncCircusFn (C:\\Users\\Ann Lee\\kit\\node_modules\\jest-circus\\build\\jestAdapterInit.js:1774:10)',
      ].join('\r\n');
      expect(cleanMessage(message, windows)).toBe(
        'expect(received).toBe(expected)\n    at summer (exercises/05-summer/summer.ts:4:11)\n    at next (exercises/05-summer/summer.ts:9:2)',
      );
    });

    test('paths in the kit, relative ones written with \\, file URLs and shares lose every folder outside the kit', () => {
      expect(cleanMessage('cannot read C:\\Users\\Ann Lee\\kit\\grader\\specs\\support\\data.json', windows)).toBe('cannot read grader/specs/support/data.json');
      expect(cleanMessage('exercises\\02-two-way-send\\two-way-send.ts:2:1: expected', windows)).toBe('exercises/02-two-way-send/two-way-send.ts:2:1: expected');
      expect(cleanMessage('in file:///C:/Users/Ann%20Lee/x/y.js and Z:\\work\\deep\\file.txt, \\\\server\\share\\class\\r.json', windows)).toBe(
        'in y.js and file.txt, r.json',
      );
    });

    test('nothing of a temporary or home folder stays, spaces in its name and all', () => {
      const elsewhere = { ...windows, rootDir: 'D:\\kit', targetDir: 'D:\\kit\\exercises', tempDir: 'C:\\Users\\Ann Lee\\AppData\\Local\\Temp', homeDir: 'C:\\Users\\Ann Lee' };
      const message = 'no plan in C:\\Users\\Ann Lee\\AppData\\Local\\Temp\\coroutine-grader-7-x\\plan-1.json; see C:\\Users\\Ann Lee\\notes\\a b.txt';
      const cleaned = cleanMessage(message, elsewhere);
      expect(cleaned).toBe('no plan in plan-1.json; see a b.txt');
      expect(cleanMessage('in C:\\Users\\Ann Lee, then', elsewhere)).toBe('in ~, then');
    });
  });

  test('caps the length', () => {
    const cleaned = cleanMessage('x'.repeat(5000), context);
    expect(cleaned.length).toBeLessThan(1300);
    expect(cleaned.endsWith('(message cut)')).toBe(true);
  });
});

describe('buildReport and the text report', () => {
  const report = buildReport(
    [exercise, { ...exercise, id: '06-averager', title: 'Averager', points: 5 }],
    [
      { targetIndex: 0, exerciseId: '05-summer', tests: tests('passed', 'passed', 'passed', 'passed') },
      { targetIndex: 0, exerciseId: '06-averager', tests: tests('passed', 'failed', 'failed', 'failed') },
    ],
    { label: 'exercises', dir: '/k/exercises' },
    '/k',
  );

  test('totals the exercises', () => {
    expect(report).toMatchObject({ schemaVersion: 1, target: 'exercises', score: 6.25, maxScore: 10 });
  });

  test('the text report has a row per exercise, the failures, the total and what to do next', () => {
    const text = renderText(report, { color: false });
    expect(text).toContain('05-summer    ██████████       5/5  passed');
    expect(text).toContain('06-averager  ███░░░░░░░    1.25/5  partial');
    expect(text).toContain('✗ t2\n      why 2');
    expect(text).toContain('Total: 6.25/10 (63%)');
    expect(text).toContain('Next: 06-averager. Read exercises/06-averager/README.md; stuck? npm run hint -- 06');
    expect(text).not.toMatch(/\u001b\[/);
  });

  test('colours only when asked', () => {
    expect(renderText(report, { color: true })).toMatch(/\u001b\[32m/);
  });

  test('"Next" follows the course\'s recommended order when it is given', () => {
    const bothUnfinished = { ...report, exercises: report.exercises.map((e) => ({ ...e, status: 'failed' as const })) };
    expect(renderText(bothUnfinished, { color: false })).toContain('Next: 05-summer.');
    expect(renderText(bothUnfinished, { color: false, order: ['06-averager', '05-summer'] })).toContain('Next: 06-averager.');
  });

  test('every failing test is named: the first three with their messages, the others a line each, and where every message is', () => {
    const many = buildReport(
      [{ ...exercise, id: '07-exception-handling', title: 'Exceptions', tests: 8 }],
      [{ targetIndex: 0, exerciseId: '07-exception-handling', tests: tests('passed', 'failed', 'failed', 'failed', 'failed', 'failed', 'passed', 'failed') }],
      { label: 'exercises', dir: '/k/exercises' },
      '/k',
    );
    const text = renderText(many, { color: false });
    const failing = many.exercises[0]!.tests.filter((t) => t.status === 'failed');
    for (const test of failing) expect(text).toMatch(new RegExp(`^  ✗ ${test.name}$`, 'm'));
    for (const test of failing.slice(0, 3)) expect(text).toContain(`✗ ${test.name}\n      ${test.message}`);
    for (const test of failing.slice(3)) expect(text).not.toContain(test.message);
    expect(text).toContain("  Every failing test's message: npm run grade -- --exercise 07 --format markdown\n");
  });
});

describe('withTypeErrors', () => {
  const report = buildReport(
    [exercise],
    [{ targetIndex: 0, exerciseId: '05-summer', tests: tests('passed', 'passed', 'passed', 'passed') }],
    { label: 'x', dir: '/k/x' },
    '/k',
  );
  const errors = [
    { file: '05-summer/summer.ts', line: 3, column: 7, message: "Type 'string' is not assignable to type 'number'." },
    { file: '06-averager/averager.ts', line: 1, column: 1, message: 'elsewhere' },
  ];

  test('lists an exercise\'s own type errors without costing points', () => {
    const result = withTypeErrors(report, errors, false);
    expect(result.score).toBe(5);
    expect(result.exercises[0]).toMatchObject({ status: 'passed', typeErrors: [errors[0]] });
    expect(renderText(result, { color: false })).toContain("type error 05-summer/summer.ts:3:7 Type 'string' is not assignable");
  });

  test('with --strict-types an exercise with type errors scores zero, as an error', () => {
    const result = withTypeErrors(report, errors, true);
    expect(result.score).toBe(0);
    expect(result.exercises[0]).toMatchObject({ status: 'error', score: 0, message: '1 type error (graded with --strict-types: fix them to earn the points).' });
  });
});
