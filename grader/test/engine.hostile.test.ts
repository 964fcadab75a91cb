/**
 * Hostile submissions against the grading engine, without the sandbox: fake output, tampering
 * with `expect` and the built-ins, forged events, rewriting the hidden specs, running out of
 * memory, leaving processes behind, printing megabytes. Each one costs only its own exercise: it never earns
 * points it should not, never changes the other exercise's score, nor that of the well-behaved
 * targets graded in the same run, and the run ends.
 *
 * Everything is graded in one call, in a copy of the fixture kit in a temporary folder: one
 * of the targets writes into the kit's specs, which must never be the repository's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gradeTargets } from '../src/engine/grade';
import type { GradeReport } from '../src/report/report';
import { loadCourse } from '../src/course';
import { locateKit } from '../src/kit';
import { FIXTURE_KIT, FIXTURE_TARGETS, KIT_ROOT, pidsRunning } from './helpers';

const TARGETS = [
  'pass',
  'noisy',
  'hostile-output',
  'hostile-expect-import',
  'hostile-expect-call',
  'hostile-builtins',
  'hostile-forged-events',
  'hostile-promise',
  'builtin-names',
  'hostile-spec-writer',
  'hostile-memory',
  'hostile-lingering',
  'hostile-loud',
] as const;

/** What hostile-lingering leaves behind: `sleep` with an unusual length. */
const LINGERING = 'sleep 300.125';
const PLANTED = 'planted by hostile-spec-writer';


function readSpecs(specsDir: string): Map<string, string> {
  return new Map(fs.readdirSync(specsDir).filter((name) => name.endsWith('.ts')).map((name) => [name, fs.readFileSync(path.join(specsDir, name), 'utf8')]));
}

const reports = new Map<string, GradeReport>();
let kitCopy = '';
let lingeringBefore: number[] = [];
let lingeringAfter: number[] = [];
let specsAfter = new Map<string, string>();
let rssGrowthMb = 0;
let seconds = 0;

beforeAll(async () => {
  kitCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'coroutine-hostile-'));
  fs.cpSync(path.join(FIXTURE_KIT, 'grader'), path.join(kitCopy, 'grader'), { recursive: true });
  // The fixture specs reach the kit's loader by a relative path, which the copy would break.
  const specsDir = path.join(kitCopy, 'grader', 'specs');
  const loader = path.join(KIT_ROOT, 'grader', 'specs', 'support', 'target');
  for (const [name, text] of readSpecs(specsDir)) {
    fs.writeFileSync(path.join(specsDir, name), text.replace("'../../../../../specs/support/target'", JSON.stringify(loader)));
  }
  const kit = locateKit(kitCopy);
  const course = loadCourse(kit.manifestPath);

  // Where hostile-forged-events leaves proof that it found an events file to forge.
  process.env.HOSTILE_PROOF_DIR = kitCopy;
  lingeringBefore = pidsRunning(LINGERING);
  const rssBefore = process.memoryUsage().rss;
  const started = Date.now();
  const results = await gradeTargets(
    kit,
    TARGETS.map((name) => ({ label: name, dir: path.join(FIXTURE_TARGETS, name), exercises: course.exercises })),
  );
  seconds = (Date.now() - started) / 1000;
  rssGrowthMb = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
  results.forEach((report, i) => reports.set(TARGETS[i]!, report));
  lingeringAfter = pidsRunning(LINGERING);
  specsAfter = readSpecs(specsDir);
}, 180_000);

afterAll(() => {
  // Only if the grader let one survive (the test then fails): not ours to leave running.
  for (const pid of pidsRunning(LINGERING)) {
    if (lingeringBefore.includes(pid)) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
  if (kitCopy) fs.rmSync(kitCopy, { recursive: true, force: true });
});

function exercise(target: string, id: string) {
  const result = reports.get(target)?.exercises.find((e) => e.id === id);
  if (!result) throw new Error(`no result for ${target} ${id}`);
  return result;
}

const ALPHA_FULL = { status: 'passed', score: 4, maxScore: 4 };
const BETA_FULL = { status: 'passed', score: 6, maxScore: 6 };
const statuses = (target: string, id: string): string[] => exercise(target, id).tests.map((t) => t.status);

test('a well-behaved target graded in the same run keeps full marks', () => {
  expect(reports.get('pass')).toMatchObject({ score: 10, maxScore: 10 });
  expect(statuses('pass', '01-alpha')).toEqual(['passed', 'passed', 'passed', 'passed']);
  expect(statuses('pass', '02-beta')).toEqual(['passed', 'passed', 'passed']);
});

test('fake reports, fake events and colour codes printed by the student change nothing', () => {
  // Only doubling zero is right; it printed four passing tests in every form it could.
  const alpha = exercise('hostile-output', '01-alpha');
  expect(alpha).toMatchObject({ status: 'partial', score: 1, maxScore: 4 });
  expect(alpha.tests.map((t) => t.status)).toEqual(['failed', 'failed', 'passed', 'failed']);
  expect(alpha.tests[3]!.message).toContain('✓ PASS double > doubles a negative number');
  for (const test of alpha.tests) expect(test.message ?? '').not.toContain('\u001b');
  expect(exercise('hostile-output', '02-beta')).toMatchObject(BETA_FULL);
  // The older noisy target too: its wrong answer stays wrong.
  expect(exercise('noisy', '02-beta')).toMatchObject({ status: 'partial', score: 2, maxScore: 6 });
  expect(exercise('noisy', '01-alpha')).toMatchObject(ALPHA_FULL);
});

test.each(['hostile-expect-import', 'hostile-expect-call', 'hostile-builtins'])(
  '%s: replacing expect or the built-ins fails, and every wrong answer scores 0',
  (target) => {
    const alpha = exercise(target, '01-alpha');
    expect(alpha).toMatchObject({ status: 'failed', score: 0, maxScore: 4 });
    // Each test was failed by Jest's real `expect`, which saw the wrong answer.
    for (const test of alpha.tests) {
      expect(test.status).toBe('failed');
      expect(test.message).toMatch(/Expected: -?\d+\s+Received: \d+/);
    }
    expect(exercise(target, '02-beta')).toMatchObject(BETA_FULL);
  },
);

test('results the student writes into the events file count for nothing, its own or others\'', () => {
  // It wrote passing results for every pair of the run, the end of the run, and lines that
  // are no events, into the run's own events file: no crash, no effect.
  expect(Number(fs.readFileSync(path.join(kitCopy, 'forged-events.txt'), 'utf8'))).toBeGreaterThan(0);
  expect(exercise('hostile-forged-events', '01-alpha')).toMatchObject({ status: 'failed', score: 0, maxScore: 4 });
  expect(exercise('hostile-forged-events', '02-beta')).toMatchObject(BETA_FULL);
  for (const target of TARGETS) expect(reports.get(target)!.exercises).toHaveLength(2);
  expect(exercise('hostile-expect-call', '01-alpha').score).toBe(0);
});

test('tampering with promises does not make a wrong asynchronous answer pass', () => {
  const beta = exercise('hostile-promise', '02-beta');
  expect(beta).toMatchObject({ status: 'partial', score: 2, maxScore: 6 });
  expect(beta.tests.find((t) => t.status !== 'passed')).toMatchObject({ name: 'later > resolves with ten times its argument', status: 'failed' });
  expect(beta.tests.find((t) => t.status !== 'passed')!.message).toContain('Received: 22');
  expect(exercise('hostile-promise', '01-alpha')).toMatchObject(ALPHA_FULL);
});

test('ordinary code that assigns names the built-ins have (this.name, prototype.toString) still passes', () => {
  expect(reports.get('builtin-names')).toMatchObject({ score: 10, maxScore: 10 });
});

test('a spec rewritten by student code during the run still grades as the instructor wrote it', () => {
  // The attack did happen: the copy's spec now always passes, and a spec was added.
  expect(specsAfter.get('02-beta.spec.ts')).toContain(PLANTED);
  expect(specsAfter.get('03-planted.spec.ts')).toContain(PLANTED);
  // Yet in this run the wrong beta, the writer's own and the noisy target's, still fails.
  expect(exercise('hostile-spec-writer', '01-alpha')).toMatchObject(ALPHA_FULL);
  const beta = exercise('hostile-spec-writer', '02-beta');
  expect(beta).toMatchObject({ status: 'partial', score: 2, maxScore: 6 });
  expect(beta.tests.map((t) => t.status)).toEqual(['passed', 'failed', 'passed']);
  // The planted spec is no exercise of the course: it is never run.
  expect(reports.get('hostile-spec-writer')!.exercises.map((e) => e.id)).toEqual(['01-alpha', '02-beta']);
  // The repository's own fixture kit was never touched.
  expect(fs.readFileSync(path.join(FIXTURE_KIT, 'grader', 'specs', '02-beta.spec.ts'), 'utf8')).not.toContain(PLANTED);
  expect(fs.existsSync(path.join(FIXTURE_KIT, 'grader', 'specs', '03-planted.spec.ts'))).toBe(false);
});

test('allocating without end costs the exercise the test it was in, and nothing else', () => {
  // Whether the process runs out of memory (error) or the watchdog stops it first (timeout)
  // depends on the machine's speed; either way the first three tests keep their points.
  const alpha = exercise('hostile-memory', '01-alpha');
  expect(['error', 'timeout']).toContain(alpha.status);
  expect(alpha).toMatchObject({ score: 3, maxScore: 4 });
  expect(alpha.tests.map((t) => t.status)).toEqual(['passed', 'passed', 'passed', alpha.status]);
  expect(alpha.message).toContain('"double > doubles a negative number"');
  expect(exercise('hostile-memory', '02-beta')).toMatchObject(BETA_FULL);
});

test('a lingering timer does not hold the run, and no process it started outlives the grade', () => {
  expect(reports.get('hostile-lingering')).toMatchObject({ score: 10, maxScore: 10 });
  expect(lingeringAfter.filter((pid) => !lingeringBefore.includes(pid))).toEqual([]);
});

test('20 MB of output neither hangs the run nor swells the grader, and costs no points', () => {
  expect(reports.get('hostile-loud')).toMatchObject({ score: 10, maxScore: 10 });
  // A generous bound: the grader keeps only the end of what Jest's process prints.
  expect(rssGrowthMb).toBeLessThan(512);
});

test('the run ends: a hang guard, not a speed goal', () => {
  expect(seconds).toBeLessThan(120);
});
