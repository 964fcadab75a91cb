/**
 * The sandbox for instructor grading (`--submission`, `batch`): each attempt to step outside
 * it is refused, and the refusal is what the student's failing test reports. The same
 * targets graded without the sandbox succeed in their attempts, which shows that each of
 * these tests can fail.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gradeTargets } from '../src/engine/grade';
import type { GradeReport } from '../src/report/report';
import { sandboxSupport } from '../src/engine/sandbox';
import { loadCourse } from '../src/course';
import { locateKit } from '../src/kit';
import { FIXTURE_KIT, FIXTURE_TARGETS, KIT_ROOT, runGrader } from './helpers';

jest.setTimeout(180_000);
const kit = locateKit(FIXTURE_KIT);
const course = loadCourse(kit.manifestPath);
const ATTACKS = ['sandbox-write', 'sandbox-spawn', 'sandbox-worker', 'sandbox-network', 'sandbox-read'] as const;
const planted = path.join(FIXTURE_KIT, 'grader', 'specs', 'planted.spec.ts');

// Without user namespaces (some CI systems forbid them) there is no sandbox to test; the
// grader then warns and grades without it, which the CLI test below checks either way.
const describeSandbox = sandboxSupport() !== 'none' ? describe : describe.skip;

describeSandbox('in the sandbox', () => {
  const sandboxed = new Map<string, GradeReport>();
  const open = new Map<string, GradeReport>();
  let hits = 0;
  const server = http.createServer((request, response) => {
    hits++;
    response.end(String(Number(new URL(request.url ?? '', 'http://x').searchParams.get('n')) * 10));
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.SANDBOX_TEST_PORT = String((server.address() as AddressInfo).port);
    const targets = ['pass', ...ATTACKS].map((name) => ({ label: name, dir: path.join(FIXTURE_TARGETS, name), exercises: course.exercises }));
    (await gradeTargets(kit, targets, { sandbox: { hide: [] } })).forEach((r, i) => sandboxed.set(targets[i]!.label, r));
    expect(hits).toBe(0);
    expect(fs.existsSync(planted)).toBe(false);
    (await gradeTargets(kit, targets.slice(1))).forEach((r, i) => open.set(targets[i + 1]!.label, r));
  });

  afterAll(() => {
    server.close();
    fs.rmSync(planted, { force: true });
  });

  const exercise = (reports: Map<string, GradeReport>, target: string, id: string) =>
    reports.get(target)!.exercises.find((e) => e.id === id)!;

  test.each([
    ['sandbox-write', '01-alpha', /Access to this API has been restricted/],
    ['sandbox-spawn', '01-alpha', /Access to this API has been restricted/],
    ['sandbox-worker', '01-alpha', /Access to this API has been restricted/],
    ['sandbox-read', '01-alpha', /ENOENT: no such file or directory, open '.*solutions\/01-alpha\/alpha\.ts'/],
    ['sandbox-network', '02-beta', /fetch failed/],
  ])('%s is refused, and the refusal is reported (without the sandbox, it works)', (target, id, refusal) => {
    const result = exercise(sandboxed, target, id);
    expect(result.score).toBeLessThan(result.maxScore);
    expect(result.tests.find((t) => t.status !== 'passed')?.message).toMatch(refusal);
    expect(exercise(open, target, id)).toMatchObject({ status: 'passed', score: result.maxScore });
  });

  test('no attempt reached the network or left a file behind, and nothing else was touched', () => {
    expect(sandboxed.get('pass')).toMatchObject({ score: 10, maxScore: 10 });
    for (const target of ATTACKS) {
      const other = target === 'sandbox-network' ? '01-alpha' : '02-beta';
      expect(exercise(sandboxed, target, other).status).toBe('passed');
    }
  });
});

describe('grade --submission', () => {
  test('grades in the sandbox by default: a submission that reads the kit\'s solution gets nothing from it', async () => {
    const submission = fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-submission-'));
    try {
      const file = path.join(submission, 'exercises', '05-summer', 'summer.ts');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // Borrow the reference solution at grading time, by path.
      fs.writeFileSync(file, `export { summer } from ${JSON.stringify(path.join(KIT_ROOT, 'solutions', '05-summer', 'summer'))};\n`);
      const sandboxed = await runGrader(['grade', '--submission', submission, '--exercise', '05', '--format', 'json']);
      const open = await runGrader(['grade', '--submission', submission, '--exercise', '05', '--format', 'json', '--no-sandbox']);
      expect(JSON.parse(open.stdout).score).toBe(5);
      if (sandboxSupport() !== 'none') {
        expect(JSON.parse(sandboxed.stdout).exercises[0]).toMatchObject({ status: 'error', score: 0 });
      } else {
        expect(sandboxed.stderr).toMatch(/warning: the sandbox is not available here/);
      }
    } finally {
      fs.rmSync(submission, { recursive: true, force: true });
    }
  });
});
