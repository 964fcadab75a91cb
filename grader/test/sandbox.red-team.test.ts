/**
 * The red team: a class in which every submission but two attacks the grader, graded with
 * `batch` and with `grade --submission` in the sandbox, against a copy of the fixture kit. Each
 * attack costs only the submission's own points (most of them only the exercise it struck in),
 * every report is written, the honest submissions keep their exact scores, and nothing is left
 * behind: no file, no process, no change to the kit.
 *
 * The attacks live in grader/test/fixtures/red-team/<attack>/01-alpha/alpha.ts; most strike
 * in alpha's fourth test (a negative number), so the first three still pass. Every submission
 * answers beta correctly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { batchCommand } from '../src/commands/batch';
import { gradeCommand } from '../src/commands/grade';
import { loadCourse } from '../src/course';
import { sandboxSupport } from '../src/engine/sandbox';
import { locateKit } from '../src/kit';
import type { GradeReport } from '../src/report/report';
import { FIXTURE_KIT, FIXTURE_TARGETS, FIXTURES, KIT_ROOT, pidsRunning } from './helpers';

jest.setTimeout(300_000);

const RED_TEAM = path.join(FIXTURES, 'red-team');
const ATTACKS = fs.readdirSync(RED_TEAM).sort();
/** What `lingering` tries to leave running and behind. */
const LINGERING = 'sleep 300.25';
const LEFT_BEHIND = ['/tmp/red-team-left-behind.txt', path.join(os.tmpdir(), 'red-team-left-behind.txt')];

/** Alpha's outcome for each attack: the statuses allowed, and its score (of 4). */
const EXPECTED: Record<string, { statuses: string[]; score: number; message?: RegExp }> = {
  // Nothing outside its namespace is visible to it, and process 1 ignores its own signals.
  'kill-grader': { statuses: ['passed'], score: 4 },
  'kill-self': { statuses: ['error'], score: 3, message: /while running "double > doubles a negative number"/ },
  // Process 1 of a PID namespace cannot stop itself.
  'stop-self': { statuses: ['passed'], score: 4 },
  'process-exit': { statuses: ['error'], score: 3, message: /^process\.exit\(0\) was called while running "double > doubles a negative number"\.$/ },
  'endless-loop': { statuses: ['timeout'], score: 3, message: /^Stopped after 2 s while running "double > doubles a negative number"/ },
  memory: { statuses: ['error', 'timeout'], score: 3, message: /"double > doubles a negative number"/ },
  // Every attempt refused, quietly; its answers are right.
  lingering: { statuses: ['passed'], score: 4 },
  'next-submission': { statuses: ['passed'], score: 4 },
  // The solution it reads is hidden: every answer it gives is wrong.
  'grader-files': { statuses: ['failed'], score: 0 },
  // The built-ins are frozen: its import fails.
  builtins: { statuses: ['error'], score: 0, message: /Cannot assign to read only property 'is'/ },
  'throws-proxy': { statuses: ['partial'], score: 3, message: undefined },
  'throws-looping-message': { statuses: ['partial'], score: 3 },
  'throws-throwing-getters': { statuses: ['partial'], score: 3 },
  'throws-huge-string': { statuses: ['partial'], score: 3 },
  'throws-cyclic': { statuses: ['partial'], score: 3 },
  'throws-symbol': { statuses: ['partial'], score: 3 },
};

/** What the fourth test of each `throws-` attack reports, cut short and safe. */
const THROWN: Record<string, RegExp> = {
  'throws-proxy': /^Error: thrown: a Proxy object/,
  'throws-looping-message': /^Error: an Endless whose message is not plain data/,
  // (In the locked-down test realm even Object.prototype.constructor is a getter: no class is named.)
  'throws-throwing-getters': /^Error: thrown: an object \{ message: \(a getter\), stack: \(a getter\), name: \(a getter\), toString: \(a getter\) \}/,
  'throws-huge-string': /^Error: thrown: "x{100,}… \(52428800 characters in all\)" \(not an Error\)$/,
  'throws-cyclic': /^Error: thrown: an object \{ kind: "loop", self: \(object\), list: \(object\) \} \(not an Error\)$/,
  'throws-symbol': /^Error: thrown: Symbol\(boom\) \(not an Error\)/,
};


/** The kit's files, but for the grader's own caches (which the grader, not the student, writes). */
function snapshot(dir: string): Map<string, string> {
  return new Map(
    fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => !name.startsWith('node_modules') && fs.statSync(path.join(dir, name)).isFile())
      .map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]),
  );
}

// The attacks assume what the sandbox gives on a system that allows it all; elsewhere they
// would strike for real (kill -1 ends every process of the user).
const full = sandboxSupport() === 'full';
if (!full) {
  test.skip('the red team needs the full sandbox (unprivileged user and PID namespaces); this system does not allow them', () => undefined);
}
const describeFull = full ? describe : describe.skip;

describeFull('a class of attacks, graded in the sandbox', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'red-team-'));
  const kitRoot = path.join(scratch, 'kit');
  const submissions = path.join(scratch, 'class');
  const out = path.join(scratch, 'grades');
  const reports = new Map<string, GradeReport>();
  let exitCode = -1;
  let kitBefore = new Map<string, string>();
  let lingeringBefore: number[] = [];

  /** A submission folder: the attack's alpha (or a fixture target's), and a correct beta. */
  function submit(name: string, alphaFrom: string): void {
    const exercises = path.join(submissions, name, 'exercises');
    fs.cpSync(path.join(alphaFrom, '01-alpha'), path.join(exercises, '01-alpha'), { recursive: true });
    fs.cpSync(path.join(FIXTURE_TARGETS, 'pass', '02-beta'), path.join(exercises, '02-beta'), { recursive: true });
  }

  beforeAll(async () => {
    fs.cpSync(FIXTURE_KIT, kitRoot, { recursive: true });
    // The fixture specs reach the kit's loader by a relative path, which the copy would break.
    const loader = path.join(KIT_ROOT, 'grader', 'specs', 'support', 'target');
    for (const name of fs.readdirSync(path.join(kitRoot, 'grader', 'specs'))) {
      const file = path.join(kitRoot, 'grader', 'specs', name);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace("'../../../../../specs/support/target'", JSON.stringify(loader)));
    }
    submit('honest-full', path.join(FIXTURE_TARGETS, 'pass'));
    submit('honest-partial', path.join(FIXTURE_TARGETS, 'partial'));
    for (const attack of ATTACKS) submit(attack, path.join(RED_TEAM, attack));
    for (const file of LEFT_BEHIND) fs.rmSync(file, { force: true });
    kitBefore = snapshot(kitRoot);
    lingeringBefore = pidsRunning(LINGERING);

    const kit = locateKit(kitRoot);
    exitCode = await batchCommand({ dir: submissions, out, progress: false, sandbox: true }, { kit, course: loadCourse(kit.manifestPath) });
    for (const file of fs.readdirSync(path.join(out, 'reports'))) {
      reports.set(file.replace(/\.json$/, ''), JSON.parse(fs.readFileSync(path.join(out, 'reports', file), 'utf8')) as GradeReport);
    }
  });

  afterAll(() => {
    for (const pid of pidsRunning(LINGERING)) if (!lingeringBefore.includes(pid)) process.kill(pid, 'SIGKILL');
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  const alpha = (name: string) => reports.get(name)!.exercises.find((e) => e.id === '01-alpha')!;
  const beta = (name: string) => reports.get(name)!.exercises.find((e) => e.id === '02-beta')!;

  test('the batch finished, and wrote a report for every submission', () => {
    expect(exitCode).toBe(0);
    expect([...reports.keys()].sort()).toEqual(['honest-full', 'honest-partial', ...ATTACKS].sort());
  });

  test('the honest submissions keep their exact scores, test by test', () => {
    expect(reports.get('honest-full')).toMatchObject({ score: 10, maxScore: 10 });
    expect(alpha('honest-partial').tests.map((t) => t.status)).toEqual(['passed', 'passed', 'passed', 'failed']);
    expect(reports.get('honest-partial')).toMatchObject({ score: 9, maxScore: 10 });
  });

  test.each(ATTACKS)('%s costs its own exercise only', (attack) => {
    const expected = EXPECTED[attack];
    expect(expected).toBeDefined();
    const result = alpha(attack);
    expect(expected!.statuses).toContain(result.status);
    expect(result.score).toBe(expected!.score);
    if (expected!.message) expect(result.message).toMatch(expected!.message);
    expect(beta(attack)).toMatchObject({ status: 'passed', score: 6 });
  });

  test.each(Object.keys(THROWN))('%s: the thrown value is described safely, and the test is failed, not timed out', (attack) => {
    const fourth = alpha(attack).tests[3]!;
    expect(fourth.status).toBe('failed');
    expect(fourth.message).toMatch(THROWN[attack]!);
    expect(fourth.message!.length).toBeLessThan(1300);
  });

  test('nothing is left behind: no process, no file, no change to the kit', () => {
    expect(pidsRunning(LINGERING).filter((pid) => !lingeringBefore.includes(pid))).toEqual([]);
    for (const file of LEFT_BEHIND) expect(fs.existsSync(file)).toBe(false);
    expect(snapshot(kitRoot)).toEqual(kitBefore);
    expect(fs.existsSync(path.join(kitRoot, 'node_modules', '.cache', 'coroutine-grader', 'planted.txt'))).toBe(false);
  });

  test.each(['kill-grader', 'lingering', 'throws-proxy', 'endless-loop'])('grade --submission %s: a whole report, exit 0, the same scores as in the batch', async (attack) => {
    const kit = locateKit(kitRoot);
    const output = path.join(scratch, `${attack}.json`);
    const code = await gradeCommand(
      { target: 'exercises', submission: path.join(submissions, attack), sandbox: true, format: 'json', output, typecheck: false, strictTypes: false, visibility: 'visible' },
      { kit, course: loadCourse(kit.manifestPath) },
    );
    expect(code).toBe(0);
    const report = JSON.parse(fs.readFileSync(output, 'utf8')) as GradeReport;
    expect(report.exercises.map((e) => [e.id, e.status, e.score])).toEqual(reports.get(attack)!.exercises.map((e) => [e.id, e.status, e.score]));
  });
});
