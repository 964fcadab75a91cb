/**
 * The grading engine over the fixture kit: one target per outcome a student's code can have,
 * all graded in one call. Each misbehaving exercise costs only itself.
 */
import path from 'node:path';
import { gradeTargets } from '../src/engine/grade';
import type { GradeReport } from '../src/report/report';
import { loadCourse } from '../src/course';
import { locateKit } from '../src/kit';
import { FIXTURE_KIT, FIXTURE_TARGETS } from './helpers';

const kit = locateKit(FIXTURE_KIT);
const course = loadCourse(kit.manifestPath);
const CASES = [
  'pass',
  'partial',
  'syntax-error',
  'missing-export',
  'throw-at-import',
  'process-exit',
  'infinite-loop',
  'never-settles',
  'await-forever',
  'microtask-loop',
  'noisy',
] as const;

const reports = new Map<string, GradeReport>();
let seconds = 0;

beforeAll(async () => {
  const started = Date.now();
  const results = await gradeTargets(
    kit,
    CASES.map((name) => ({ label: name, dir: path.join(FIXTURE_TARGETS, name), exercises: course.exercises })),
  );
  seconds = (Date.now() - started) / 1000;
  results.forEach((report, i) => reports.set(CASES[i]!, report));
}, 120_000);

function exercise(target: string, id: string) {
  const result = reports.get(target)?.exercises.find((e) => e.id === id);
  if (!result) throw new Error(`no result for ${target} ${id}`);
  return result;
}

const BETA_FULL = { status: 'passed', score: 6, maxScore: 6 };

test('a correct target earns full marks', () => {
  expect(reports.get('pass')).toMatchObject({ score: 10, maxScore: 10 });
  expect(exercise('pass', '01-alpha').tests.map((t) => t.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
});

test('a partly wrong exercise earns partial credit and shows the failing test', () => {
  const alpha = exercise('partial', '01-alpha');
  expect(alpha).toMatchObject({ status: 'partial', score: 3, maxScore: 4 });
  const failing = alpha.tests.filter((t) => t.status !== 'passed');
  expect(failing).toHaveLength(1);
  expect(failing[0]).toMatchObject({ name: 'double > doubles a negative number', status: 'failed' });
  expect(failing[0]!.message).toContain('Expected: -6');
});

test.each(['syntax-error', 'missing-export', 'throw-at-import'])('%s: the exercise is an error, every test listed, the other graded', (target) => {
  const alpha = exercise(target, '01-alpha');
  expect(alpha).toMatchObject({ status: 'error', score: 0, maxScore: 4 });
  expect(alpha.tests).toHaveLength(4);
  expect(alpha.tests.every((t) => t.status === 'error')).toBe(true);
  expect(exercise(target, '02-beta')).toMatchObject(BETA_FULL);
});

test('the error message says what went wrong, without absolute paths or stack frames', () => {
  expect(exercise('syntax-error', '01-alpha').message).toMatch(/^01-alpha\/alpha\.ts could not be loaded: .*syntax-error\/01-alpha\/alpha\.ts:2:17/);
  expect(exercise('missing-export', '01-alpha').message).toBe('01-alpha/alpha.ts does not export double.');
  expect(exercise('throw-at-import', '01-alpha').message).toContain('boom at import');
  for (const report of reports.values()) {
    for (const result of report.exercises) {
      for (const text of [result.message ?? '', ...result.tests.map((t) => t.message ?? '')]) {
        expect(text).not.toContain(FIXTURE_KIT);
        expect(text).not.toMatch(/^\s*at .*(node_modules|jest-circus|grader\/specs\/support)/m);
      }
    }
  }
});

test('process.exit costs only its exercise, which keeps the tests it passed', () => {
  const alpha = exercise('process-exit', '01-alpha');
  expect(alpha).toMatchObject({ status: 'error', score: 2, maxScore: 4 });
  expect(alpha.message).toBe('process.exit(3) was called while running "double > doubles zero".');
  expect(alpha.tests.map((t) => t.status)).toEqual(['passed', 'passed', 'error', 'not-run']);
  expect(exercise('process-exit', '02-beta')).toMatchObject(BETA_FULL);
});

test('a synchronous endless loop is stopped at its budget and names the test that was running', () => {
  const alpha = exercise('infinite-loop', '01-alpha');
  expect(alpha).toMatchObject({ status: 'timeout', score: 3, maxScore: 4 });
  expect(alpha.message).toContain('while running "double > doubles a negative number"');
  expect(alpha.tests.map((t) => t.status)).toEqual(['passed', 'passed', 'passed', 'timeout']);
  expect(exercise('infinite-loop', '02-beta')).toMatchObject(BETA_FULL);
});

// Three ways to never return without a loop of one's own: a promise that never settles, an
// `await` on one inside the student's own async function, and microtasks that queue each other
// forever (no timer can then fire in the process, so only the watchdog can stop it).
test.each(['never-settles', 'await-forever', 'microtask-loop'])('%s: a timeout for its exercise only, naming the test it was in', (target) => {
  const beta = exercise(target, '02-beta');
  expect(beta.status).toBe('timeout');
  expect(beta.message).toMatch(/^Stopped after 2 s while running "later > (returns a promise|resolves with ten times its argument)": it never finished/);
  expect(beta.tests.filter((t) => t.status === 'timeout')).toHaveLength(1);
  expect(beta.tests.filter((t) => t.status === 'passed' || t.status === 'timeout' || t.status === 'not-run')).toHaveLength(3);
  expect(exercise(target, '01-alpha')).toMatchObject({ status: 'passed', score: 4 });
});

test('after a test that never settles, the rest of its exercise is not run, and says why', () => {
  const beta = exercise('never-settles', '02-beta');
  expect(beta.tests.map((t) => t.status)).toEqual(['passed', 'timeout', 'not-run']);
  expect(beta.tests[2]!.message).toBe('Not run: an earlier test of this exercise did not finish.');
  expect(beta.score).toBe(1);
});

test('fake test output printed by the student changes nothing; weights share the points', () => {
  // The weighted test (4 of 6 shares) fails; the two others pass: 2 of 6 points.
  expect(exercise('noisy', '02-beta')).toMatchObject({ status: 'partial', score: 2, maxScore: 6 });
});

test('the stalls cost their budgets, not the whole run: it ends well before the sum of every budget', () => {
  // A hang guard, not a speed goal: a grader that waited for each endless loop, or re-ran
  // everything after each stall, would take far longer than this.
  const everyBudget = CASES.length * course.exercises.reduce((sum, e) => sum + e.timeoutSeconds, 0);
  expect(seconds).toBeLessThan(everyBudget);
});
