/**
 * The grader command as users and scripts meet it: exit codes, one-line errors, reports
 * written whole, the JSON report against its schema. Runs the real binary.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import schema from '../schemas/report.schema.json';
import type { Commands } from '../src/cli';
import { GraderFault } from '../src/errors';
import { main } from '../src/index';
import { KIT_ROOT, runGrader, runGraderIn } from './helpers';

// Each test starts the real grader (and it starts Jest): seconds, not milliseconds.
jest.setTimeout(60_000);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'grader-cli-test-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('bad usage or input: one line on stderr, exit 2, no stack trace', () => {
  const aFile = path.join(scratch, 'a-file.txt');
  fs.writeFileSync(aFile, 'not a folder');
  const emptyDir = fs.mkdtempSync(path.join(scratch, 'empty-'));

  test.each([
    ['an unknown command', ['grdae'], /unknown command 'grdae'.*Did you mean grade\?/],
    ['an unknown option', ['grade', '--fromat', 'json'], /unknown option '--fromat'.*Did you mean --format\?/],
    ['an unknown option of another command', ['verify', '--fast'], /unknown option '--fast'/],
    ['an unknown exercise', ['grade', '--exercise', 'sumer'], /Unknown exercise "sumer". Did you mean "05-summer"\?/],
    ['an unknown exercise number', ['grade', '--exercise', '42'], /Unknown exercise "42": the exercises are numbered 01 to 16\. Run "list"/],
    ['an unknown exercise number, close to a slug by spelling', ['grade', '--exercise', '99'], /^error: Unknown exercise "99": the exercises are numbered 01 to 16\. Run "list" to see them all\.\n$/],
    ['an empty exercise name', ['grade', '--exercise', ''], /--exercise needs an exercise name/],
    ['an unknown exercise for a hint', ['hint', 'averagr'], /Did you mean "06-averager"\?/],
    ['a hint language the kit does not have', ['hint', '05', '--lang', 'fr'], /Allowed choices are en, ko/],
    ['too many arguments', ['hint', '05', '06'], /too many arguments for 'hint'/],
    ['a missing argument', ['hint'], /missing required argument 'exercise'/],
    ['a missing target', ['grade', '--target', 'no/such/folder'], /The target folder no\/such\/folder does not exist/],
    ['an empty target', ['grade', '--target', emptyDir], /has none of the exercise files/],
    ['a file as the target', ['grade', '--target', aFile], /is a file, not a folder/],
    ['a missing submission', ['grade', '--submission', 'no/such/copy'], /The submission no\/such\/copy does not exist/],
    ['an unknown format', ['grade', '--format', 'xml'], /argument 'xml' is invalid. Allowed choices are text, json/],
    ['an unknown visibility', ['grade', '--visibility', 'public'], /argument 'public' is invalid. Allowed choices are visible/],
    ['a zero timeout', ['grade', '--timeout', '0'], /--timeout.*positive number of seconds/],
    ['a negative timeout', ['grade', '--timeout', '-5'], /--timeout.*positive number of seconds/],
    ['a non-numeric timeout', ['grade', '--timeout', 'soon'], /--timeout.*positive number of seconds/],
    ['a --fail-under above 100', ['grade', '--fail-under', '120'], /percentage from 0 to 100/],
    ['a non-numeric --fail-under', ['grade', '--fail-under', 'half'], /percentage from 0 to 100/],
    ['an output in a missing folder', ['grade', '--output', path.join(scratch, 'nope', 'r.json')], /does not exist. Create it or choose another --output/],
    ['an output that is a folder', ['grade', '--output', emptyDir], /it is a folder/],
    ['release without --out', ['release'], /required option '--out <dir>' not specified/],
    ['release into the kit itself', ['release', '--out', path.join(KIT_ROOT, 'handout')], /is inside the kit/],
    ['a batch without its folder', ['batch'], /missing required argument 'dir'/],
    ['render of a missing report', ['render', path.join(scratch, 'none.json')], /Cannot read the report/],
    ['no command at all', [], /Usage: coroutine-grader/],
  ])('%s', async (_what, args, pattern) => {
    const run = await runGrader(args);
    expect(run.code).toBe(2);
    const output = args.length === 0 ? run.stdout : run.stderr;
    expect(output).toMatch(pattern);
    if (args.length > 0) {
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    }
  });

  test.each([
    ['not JSON', '{ "formatVersion": 1,', /grader\/course.json is malformed: it is not valid JSON/],
    ['a wrong version', '{"formatVersion": 9, "title": "t", "exercises": []}', /formatVersion must be 1, found 9/],
    ['a bad exercise', '{"formatVersion": 1, "title": "t", "exercises": [{"id": "x"}]}', /exercises\[0\]\.id must look like "05-summer"/],
  ])('a malformed manifest (%s) is named, with what is wrong', async (_what, manifest, pattern) => {
    // A copy of the grader beside a broken manifest: the grader finds its kit from its own location.
    const kit = fs.mkdtempSync(path.join(scratch, 'kit-'));
    fs.cpSync(path.join(KIT_ROOT, 'grader', 'bin'), path.join(kit, 'grader', 'bin'), { recursive: true });
    fs.cpSync(path.join(KIT_ROOT, 'grader', 'dist'), path.join(kit, 'grader', 'dist'), { recursive: true });
    fs.symlinkSync(path.join(KIT_ROOT, 'node_modules'), path.join(kit, 'node_modules'));
    fs.writeFileSync(path.join(kit, 'grader', 'course.json'), manifest);
    for (const args of [['grade'], ['list'], ['hint', '05']]) {
      const run = await runGraderIn(kit, args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(pattern);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  // root may write anywhere: a folder without write permission means nothing to it (CI runs as root).
  const asRoot = process.getuid?.() === 0;
  (asRoot ? test.skip : test)('an output folder without write permission is refused before grading (skipped as root, who may write anywhere)', async () => {
    const locked = fs.mkdtempSync(path.join(scratch, 'locked-'));
    fs.chmodSync(locked, 0o500);
    const run = await runGrader(['grade', '--exercise', '05', '--output', path.join(locked, 'r.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is not writable/);
  });

  test('an output no one may create (under /proc) is exit 2 with the reason, and leaves nothing behind', async () => {
    const target = path.join('/proc', `coroutine-report-${process.pid}.json`);
    const run = await runGrader(['grade', '--exercise', '05', '--format', 'json', '--output', target]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: Cannot write the report to \/proc\/coroutine-report-\d+\.json: .*Choose another --output\.\n$/);
    expect(fs.existsSync(target)).toBe(false);
  });
});

describe('--output to something that is not a regular file: written in place, never replaced', () => {
  const saved = path.join(scratch, 'saved-report.json');
  const report = { schemaVersion: 1, target: 'exercises', score: 1, maxScore: 2, exercises: [{ id: '01-a', title: 'A', score: 1, maxScore: 2, status: 'partial', tests: [{ name: 't', status: 'passed', points: 1, maxPoints: 1 }, { name: 'u', status: 'failed', points: 0, maxPoints: 1, message: 'no' }] }] };
  fs.writeFileSync(saved, JSON.stringify(report));

  test('/dev/null stays the null device', async () => {
    const run = await runGrader(['render', saved, '--format', 'junit', '--output', '/dev/null']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  test('a FIFO receives the report and stays a FIFO', async () => {
    const fifo = path.join(scratch, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    const received = new Promise<string>((resolve, reject) => {
      let text = '';
      fs.createReadStream(fifo, 'utf8')
        .on('data', (chunk) => (text += chunk))
        .on('end', () => resolve(text))
        .on('error', reject);
    });
    const run = await runGrader(['render', saved, '--format', 'json', '--output', fifo]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    // A rename over the FIFO would leave the reader waiting for ever: give up after 15 s instead.
    const nothing = new Promise<string>((resolve) => setTimeout(() => resolve('nothing arrived through the FIFO'), 15_000).unref());
    expect(await Promise.race([received, nothing])).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
  });

  // root may write anything; a FIFO without write permission means nothing to it.
  (process.getuid?.() === 0 ? test.skip : test)('a FIFO no one may write to is exit 2, before anything is graded (skipped as root)', async () => {
    const fifo = path.join(scratch, 'locked.fifo');
    execFileSync('mkfifo', ['-m', '0400', fifo]);
    const run = await runGrader(['render', saved, '--output', fifo]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: Cannot write the report to .*locked\.fifo: it is not writable\. Choose another --output\.\n$/);
  });
});

describe('grade', () => {
  test('writes a JSON report that matches its schema, whole, to --output', async () => {
    const out = path.join(scratch, 'report.json');
    const run = await runGrader(['grade', '--target', 'solutions', '--exercise', '01', '05', '--format', 'json', '--output', out]);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const valid = validate(report);
    // The errors first: when the report breaks the schema, they say where.
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(report).toMatchObject({ schemaVersion: 1, target: 'solutions', score: 10, maxScore: 10 });
    expect(report.exercises.map((e: { id: string; status: string }) => `${e.id} ${e.status}`)).toEqual([
      '01-generator-basics passed',
      '05-summer passed',
    ]);
    expect(fs.readdirSync(scratch).filter((f) => f.startsWith('report.json'))).toEqual(['report.json']);
  });

  test('the schema rejects a report that breaks the contract', () => {
    const validate = new Ajv().compile(schema);
    expect(validate({ schemaVersion: 1, target: 'x', score: 1, maxScore: 1, exercises: [{ id: '05-summer', title: 't', score: 0, maxScore: 1, status: 'timeout', tests: [] }] })).toBe(false);
    expect(validate({ schemaVersion: 2, target: 'x', score: 1, maxScore: 1, exercises: [] })).toBe(false);
  });

  test('the stubs score zero and the text report says what to do next; exit 0 whatever the score', async () => {
    const run = await runGrader(['grade', '--exercise', '01', '05']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/01-generator-basics\s+░{10}\s+0\/5\s+failed/);
    expect(run.stdout).toContain('Total: 0/10 (0%)');
    expect(run.stdout).toContain('Next: 01-generator-basics. Read exercises/01-generator-basics/README.md');
    expect(run.stdout).not.toContain(KIT_ROOT);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  test('--fail-under exits 1 below the threshold and 0 at or above it', async () => {
    const below = await runGrader(['grade', '--exercise', '05', '--fail-under', '50']);
    expect(below.code).toBe(1);
    expect(below.stderr).toBe('error: The total is 0.0%, below --fail-under 50%.\n');
    const above = await runGrader(['grade', '--target', 'solutions', '--exercise', '05', '--fail-under', '100']);
    expect(above.code).toBe(0);
  });

  test('colours appear with FORCE_COLOR and never with NO_COLOR', async () => {
    const forced = await runGrader(['grade', '--exercise', '05'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(/\u001b\[/);
    const plain = await runGrader(['grade', '--exercise', '05'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('a reader that stops early (`… | head`)', () => {
  /** Runs the grader with its stdout closed before it writes a byte: its first write fails with EPIPE. */
  function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [path.join(KIT_ROOT, 'grader', 'bin', 'grader.js'), ...args], { cwd: KIT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.on('close', (code) => resolve({ code, stderr }));
    });
  }

  test.each([
    [['grade', '--target', 'solutions', '--exercise', '05']],
    [['trace', '05', '--target', 'solutions']],
  ])('%j: no crash and no stack trace, the usual exit code', async (args) => {
    const run = await withClosedStdout(args);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('help', () => {
  test('grade --help shows the options, the exit codes and examples', async () => {
    const run = await runGrader(['grade', '--help']);
    expect(run.code).toBe(0);
    for (const text of ['--target', '--exercise', '--format', '--output', '--timeout', '--fail-under', 'Exit codes', 'Examples:']) {
      expect(run.stdout).toContain(text);
    }
  });
});

describe('type errors', () => {
  test('grade lists a type error with its file and line, in text and JSON', async () => {
    const target = fs.mkdtempSync(path.join(scratch, 'typed-'));
    fs.cpSync(path.join(KIT_ROOT, 'solutions', '05-summer'), path.join(target, '05-summer'), { recursive: true });
    fs.appendFileSync(path.join(target, '05-summer', 'summer.ts'), '\nexport const oops: number = "not a number";\n');
    const lines = fs.readFileSync(path.join(target, '05-summer', 'summer.ts'), 'utf8').split('\n').length - 1;
    const text = await runGrader(['grade', '--target', target, '--exercise', '05']);
    expect(text.stdout).toContain(`type error 05-summer/summer.ts:${lines}:14 Type 'string' is not assignable to type 'number'.`);
    expect(text.stdout).toMatch(/05-summer\s+█{10}\s+5\/5\s+passed/);
    const strict = await runGrader(['grade', '--target', target, '--exercise', '05', '--strict-types', '--format', 'json']);
    const report = JSON.parse(strict.stdout);
    expect(report.exercises[0]).toMatchObject({ status: 'error', score: 0, typeErrors: [{ file: '05-summer/summer.ts', line: lines, column: 14 }] });
  });
});

describe('grading a submission', () => {
  test('a file that does not parse gives the same messages, byte for byte, whoever the student, however graded, run after run; no absolute or sandbox path', async () => {
    const class_ = path.join(scratch, 'same-typo');
    for (const name of ['ana', 'ben']) {
      fs.mkdirSync(path.join(class_, name, 'exercises', '05-summer'), { recursive: true });
      fs.writeFileSync(path.join(class_, name, 'exercises', '05-summer', 'summer.ts'), 'export function* summer( {\n');
    }
    const messagesOf = (report: { exercises: Array<{ message?: string; tests: Array<{ message?: string }> }> }): string =>
      JSON.stringify(report.exercises.map((e) => [e.message, ...e.tests.map((t) => t.message)]));
    const seen: string[] = [];
    for (const name of ['ana', 'ben', 'ana']) {
      const run = await runGrader(['grade', '--submission', path.join(class_, name), '--exercise', '05', '--format', 'json', '--no-typecheck']);
      seen.push(messagesOf(JSON.parse(run.stdout)));
    }
    for (const round of [1, 2]) {
      const out = path.join(scratch, `same-typo-grades-${round}`);
      expect((await runGrader(['batch', class_, '--exercise', '05', '--out', out, '--no-progress'])).code).toBe(0);
      for (const name of ['ana', 'ben']) seen.push(messagesOf(JSON.parse(fs.readFileSync(path.join(out, 'reports', `${name}.json`), 'utf8'))));
    }
    expect(new Set(seen).size).toBe(1);
    expect(seen[0]).toContain("exercises/05-summer/summer.ts:2:1: '}' expected.");
    expect(seen[0]).not.toMatch(/\/tmp|sandbox|target-\d|ana|ben|\.\.\//);
  });

  test('only the exercise sources count: an edited spec, a Jest config and a link to the solutions change nothing', async () => {
    const submission = fs.mkdtempSync(path.join(scratch, 'tampered-'));
    const write = (file: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(submission, file)), { recursive: true });
      fs.writeFileSync(path.join(submission, file), text);
    };
    // The stub of 05, untouched: it must score zero whatever else the submission contains.
    write('exercises/05-summer/summer.ts', fs.readFileSync(path.join(KIT_ROOT, 'exercises', '05-summer', 'summer.ts'), 'utf8'));
    write('grader/specs/05-summer.spec.ts', "test('always passes', () => {});\n");
    write('grader/course.json', '{"formatVersion": 1, "title": "x", "exercises": []}');
    write('jest.config.js', "module.exports = { testMatch: ['**/nothing'] };\n");
    write('package.json', '{"scripts": {"grade": "echo 100/100"}}');
    fs.mkdirSync(path.join(submission, 'exercises', '06-averager'));
    fs.symlinkSync(path.join(KIT_ROOT, 'solutions', '06-averager', 'averager.ts'), path.join(submission, 'exercises', '06-averager', 'averager.ts'));
    // 01 is a real answer: the kit's solution, copied as a plain file.
    write('exercises/01-generator-basics/generator-basics.ts', fs.readFileSync(path.join(KIT_ROOT, 'solutions', '01-generator-basics', 'generator-basics.ts'), 'utf8'));

    const run = await runGrader(['grade', '--submission', submission, '--exercise', '01', '05', '06', '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.exercises.map((e: { id: string; score: number; status: string }) => [e.id, e.score, e.status])).toEqual([
      ['01-generator-basics', 5, 'passed'],
      ['05-summer', 0, 'failed'],
      ['06-averager', 0, 'error'],
    ]);
    expect(report.exercises[2].message).toMatch(/06-averager\/averager\.ts could not be loaded/);
    // The link is named as left out, not dropped silently.
    expect(run.stderr).toContain(`Left out of the grade: ${path.join(submission, 'exercises', '06-averager', 'averager.ts')} (a symbolic link, not followed).\n`);
  });

  test("a copy one level down (an unzipped download) is found, as batch finds it", async () => {
    const submission = path.join(scratch, 'unzipped', 'carol');
    fs.mkdirSync(path.join(submission, 'coroutine-kit-main', 'exercises', '05-summer'), { recursive: true });
    fs.mkdirSync(path.join(submission, '__MACOSX'));
    fs.copyFileSync(path.join(KIT_ROOT, 'solutions', '05-summer', 'summer.ts'), path.join(submission, 'coroutine-kit-main', 'exercises', '05-summer', 'summer.ts'));
    const run = await runGrader(['grade', '--submission', submission, '--exercise', '05', '--format', 'json', '--no-typecheck']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ target: path.join(submission, 'coroutine-kit-main', 'exercises'), score: 5 });
  });

  test('--submission and --target cannot be used together', async () => {
    const run = await runGrader(['grade', '--submission', scratch, '--target', 'exercises']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot be used with option '--target/);
  });
});

describe('render', () => {
  test('turns a saved JSON report into another format without grading again', async () => {
    const saved = path.join(scratch, 'saved.json');
    const report = {
      schemaVersion: 1, target: 'exercises', score: 2.5, maxScore: 5,
      exercises: [{ id: '05-summer', title: 'Summer', score: 2.5, maxScore: 5, status: 'partial', tests: [
        { name: 'summer > adds', status: 'passed', points: 2.5, maxPoints: 2.5 },
        { name: 'summer > rejects strings', status: 'failed', points: 0, maxPoints: 2.5, message: 'Expected TypeError' },
      ] }],
    };
    fs.writeFileSync(saved, JSON.stringify(report));
    const github = await runGrader(['render', saved, '--format', 'github']);
    expect(github.code).toBe(0);
    expect(github.stdout.trim().split('\n').pop()).toBe('Points 2.5/5');
    const markdown = await runGrader(['render', saved, '--format', 'markdown']);
    expect(markdown.stdout).toContain('summer > rejects strings');
  });

  test('refuses a report from before tests carried their points, saying to grade again', async () => {
    const old = path.join(scratch, 'old.json');
    fs.writeFileSync(old, JSON.stringify({ schemaVersion: 1, target: 'x', score: 0, maxScore: 1, exercises: [{ id: '05-summer', title: 'S', score: 0, maxScore: 1, status: 'failed', tests: [{ name: 'a', status: 'failed' }] }] }));
    const run = await runGrader(['render', old, '--format', 'gradescope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/written by an older grader, without points per test\. Grade again/);
  });

  test('refuses a file that is not a grade report', async () => {
    const bogus = path.join(scratch, 'bogus.json');
    fs.writeFileSync(bogus, '{"hello": 1}');
    const run = await runGrader(['render', bogus]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is not a grade report of schema version 1/);
  });

  const exercise = { id: '05-summer', title: 'S', score: 0, maxScore: 1, status: 'failed', tests: [{ name: 'a', status: 'failed', points: 0, maxPoints: 1 }] };
  test.each<[string, string | undefined, RegExp]>([
    ['text that is not JSON, over several lines', 'hello\nworld\n{', /: it is not JSON \(.*\)\. Pass a file written by grade --format json\.$/],
    ['an empty file', '', /: it is not JSON/],
    ['JSON null', 'null', /is not a grade report of schema version 1/],
    ['a folder', undefined, /: it is a folder\./],
    ['an exercise without its fields', JSON.stringify({ schemaVersion: 1, target: 'x', score: 0, maxScore: 1, exercises: [{ tests: [] }] }), /is not a whole grade report: exercises\[0\] has no id or title/],
    ['a test without a status', JSON.stringify({ schemaVersion: 1, target: 'x', score: 0, maxScore: 1, exercises: [{ ...exercise, tests: [{ name: 'a', points: 0, maxPoints: 1 }] }] }), /exercises\[0\]\.tests\[0\] has no name or status/],
    ['a score that is not a number', JSON.stringify({ schemaVersion: 1, target: 'x', score: '1', maxScore: 1, exercises: [exercise] }), /score or maxScore is not a number/],
  ])('%s: one line, exit 2, in every format', async (what, content, pattern) => {
    const file = path.join(scratch, `bad-${what.replace(/\W+/g, '-')}`);
    if (content === undefined) fs.mkdirSync(file, { recursive: true });
    else fs.writeFileSync(file, content);
    for (const format of ['text', 'gradescope', 'junit']) {
      const run = await runGrader(['render', file, '--format', format]);
      expect([format, run.code, run.stdout]).toEqual([format, 2, '']);
      expect(run.stderr.split('\n')).toEqual([expect.stringMatching(/^error: /), '']);
      expect(run.stderr.trimEnd()).toMatch(pattern);
    }
  });

  test("gradescope's execution_time from a saved report is the grade's own duration, kept in the JSON report", async () => {
    const saved = path.join(scratch, 'timed.json');
    const graded = await runGrader(['grade', '--target', 'solutions', '--exercise', '05', '--no-typecheck', '--format', 'json', '--output', saved]);
    expect(graded.code).toBe(0);
    const report = JSON.parse(fs.readFileSync(saved, 'utf8')) as { durationSeconds: number };
    expect(report.durationSeconds).toBeGreaterThan(0);
    expect(report.durationSeconds).toBeLessThan(graded.seconds);
    // Made longer than a second, so that a zero could not pass for it.
    fs.writeFileSync(saved, JSON.stringify({ ...report, durationSeconds: report.durationSeconds + 41.7 }));
    const rendered = await runGrader(['render', saved, '--format', 'gradescope']);
    expect(JSON.parse(rendered.stdout).execution_time).toBe(Math.round(report.durationSeconds + 41.7));
  });
});

describe("the grader's own faults", () => {
  test('are one line, exit 3, and name no absolute path: files of the kit from the kit, others by their last part', async () => {
    const tmp = os.tmpdir();
    const failing = new Proxy({} as Commands, {
      get: () => () => {
        throw new GraderFault(`the runner could not read ${path.join(tmp, 'coroutine-grader-1-x', 'plan-1.json')} for ${path.join(KIT_ROOT, 'grader', 'specs', '05-summer.spec.ts')}.`);
      },
    });
    let errors = '';
    expect(await main(['node', 'grader', 'list'], failing, (text) => (errors += text))).toBe(3);
    expect(errors).toBe('error: the runner could not read plan-1.json for grader/specs/05-summer.spec.ts.\n');
  });
});
