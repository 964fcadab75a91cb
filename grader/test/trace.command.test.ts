/**
 * `trace <exercise>`, as a student runs it: the timeline of the examples on the solutions and on
 * a stub; a file that loops, does not parse, lacks an export or ends the process, each reported in
 * one line after what was traced; bad usage; colours; and the same command in a student handout.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Commands } from '../src/cli';
import { loadContext } from '../src/commands/context';
import { EXAMPLES_FILE, traceCommand } from '../src/commands/trace';
import { UsageError } from '../src/errors';
import { main } from '../src/index';
import { runTrace } from '../src/trace/run';
import { KIT_ROOT, runGrader, runGraderIn } from './helpers';

jest.setTimeout(60_000);

const RECORDER = path.join(KIT_ROOT, 'grader', 'specs', 'support', 'conversation.ts');
const ANSI = /\u001b\[/;

/** A target folder holding one exercise file with the given text. */
function targetWith(id: string, file: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trace-target-'));
  fs.mkdirSync(path.join(dir, id));
  fs.writeFileSync(path.join(dir, id, file), text);
  return dir;
}

/** The summer of the solutions with one line changed. */
function summerWith(from: string, to: string): string {
  const solution = fs.readFileSync(path.join(KIT_ROOT, 'solutions', '05-summer', 'summer.ts'), 'utf8');
  expect(solution).toContain(from);
  return targetWith('05-summer', 'summer.ts', solution.replace(from, to));
}

describe('trace on working code', () => {
  test('05 on the solutions: each call, what came back and the state after it, example by example', async () => {
    const run = await runGrader(['trace', '05', '--target', 'solutions']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Tracing solutions/05-summer/summer.ts with the examples in exercises/05-summer/trace.ts');
    expect(lines).toContain('Example 1 · priming hands out the start total, then each number sent is added');
    expect(run.stdout).toMatch(/\n +1\. summer\(\) +created +GEN_CREATED\n +2\. next\(\) +→ yielded 0 +GEN_SUSPENDED\n +3\. next\(10\) +→ yielded 10 +GEN_SUSPENDED\n/);
    expect(run.stdout).toMatch(/\n +4\. next\("5"\) +→ threw TypeError: summer can only add numbers.* GEN_CLOSED\n +5\. next\(2\) +→ returned undefined +GEN_CLOSED\n/);
    expect(run.stdout).toMatch(/ 6\. b\.next\(2\) +→ yielded 1002 +GEN_SUSPENDED\n/);
    expect(run.stdout).toContain('\n3 examples traced. Compare them with the README; edit exercises/05-summer/trace.ts to try your own.\n');
  });

  test('calls a stage passes on show nested under the call that caused them (12 on the solutions)', async () => {
    const run = await runGrader(['trace', 'pipeline', '--target', 'solutions']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\n +6\. grep\.return\(\) +→ returned undefined +GEN_CLOSED\n +7\. {3}collector\.return\(\) +→ returned undefined +GEN_CLOSED\n/);
  });

  test('in Korean with --lang ko or a Korean locale, as hints are; --lang en wins over the locale', async () => {
    const korean = await runGrader(['trace', '05', '--target', 'solutions', '--lang', 'ko']);
    expect(korean.stdout.split('\n')).toContain('Example 1 · 프라이밍하면 시작 합계를 내주고, 그 뒤로 보낸 숫자를 더합니다');
    const locale = await runGrader(['trace', '05', '--target', 'solutions'], { env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'ko_KR.UTF-8' } });
    expect(locale.stdout.split('\n')).toContain('Example 1 · 프라이밍하면 시작 합계를 내주고, 그 뒤로 보낸 숫자를 더합니다');
    const english = await runGrader(['trace', '05', '--target', 'solutions', '--lang', 'en'], { env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'ko_KR.UTF-8' } });
    expect(english.stdout.split('\n')).toContain('Example 1 · priming hands out the start total, then each number sent is added');
    const wrong = await runGrader(['trace', '05', '--lang', 'fr']);
    expect(wrong.code).toBe(2);
  });

  test('every example of the course has its title in Korean too', () => {
    for (const id of fs.readdirSync(path.join(KIT_ROOT, 'exercises'))) {
      const file = path.join(KIT_ROOT, 'exercises', id, EXAMPLES_FILE);
      if (!fs.existsSync(file)) continue;
      const text = fs.readFileSync(file, 'utf8');
      const titles = text.match(/^\s*title: /gm)?.length ?? 0;
      const korean = text.match(/^\s*titleKo: '[^'\n]*[가-힣][^'\n]*',$/gm)?.length ?? 0;
      expect({ id, titles, korean }).toEqual({ id, titles, korean: titles });
    }
  });

  test('every exercise with examples traces its solution to the end, no example stopped by an error', async () => {
    const ids = fs.readdirSync(path.join(KIT_ROOT, 'exercises')).filter((id) => fs.existsSync(path.join(KIT_ROOT, 'exercises', id, 'trace.ts')));
    expect(ids.length).toBeGreaterThanOrEqual(8);
    for (const id of ids) {
      const run = await runGrader(['trace', id, '--target', 'solutions']);
      expect({ id, code: run.code, stderr: run.stderr }).toEqual({ id, code: 0, stderr: '' });
      expect(run.stdout).not.toContain('stops here');
      expect(run.stdout).toMatch(/\n\d+ examples? traced\. /);
    }
  });

  test('on a stub, each example stops at "Not implemented", plainly; the trace itself succeeds', async () => {
    const run = await runGrader(['trace', '05']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Tracing exercises/05-summer/summer.ts');
    expect(run.stdout).toContain('1. the example stops here: Error: Not implemented: summer (exercises/05-summer/summer.ts)');
    expect(run.stdout).toContain('3 examples traced (3 stopped early by an error nothing caught).');
  });
});

describe("a student's broken file: one line saying what happened, exit 1, after what was traced", () => {
  test('an endless loop is stopped at the time limit, naming the example and the step it began', async () => {
    const target = summerWith('total += value;', 'while (value === 5) {}\n    total += value;');
    const run = await runGrader(['trace', '05', '--target', target, '--timeout', '1']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/ 3\. next\(10\) +→ yielded 10 +GEN_SUSPENDED\n/);
    expect(run.stdout).not.toContain('Example 2');
    expect(run.stderr).toBe(
      `error: ${target}/05-summer/summer.ts never finished: example 1 ("priming hands out the start total, then each number sent is added") was still running after 1 s; the last step it began was summer().next(5). Is there an endless loop?\n`,
    );
    expect(run.seconds).toBeLessThan(20);
  });

  test('an endless loop outside any function is stopped while the file loads', async () => {
    const target = targetWith('05-summer', 'summer.ts', 'while (true) {}\nexport function* summer() {}\n');
    const run = await runGrader(['trace', '05', '--target', target, '--timeout', '1']);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('Example 1');
    expect(run.stderr).toBe(`error: ${target}/05-summer/summer.ts never finished loading: it was still running after 1 s. Is there an endless loop outside its functions?\n`);
  });

  test.each([
    ['a syntax error', 'export function* summer( {\n  yield 1;\n}\n', /could not be loaded: SyntaxError: .*05-summer\/summer\.ts:2:9: ',' expected\.$/],
    ['a missing export', 'export function* summa() {\n  yield 1;\n}\n', /does not export summer; the exercise's README says what it must export\.$/],
    ['a throw at import', "throw new RangeError('broken at import');\nexport function* summer() {}\n", /could not be loaded: RangeError: broken at import$/],
    ['process.exit in an example', 'export function* summer() {\n  yield 0;\n  process.exit(7);\n}\n', /ended the process during example 1 \(".*"\) \(exit code 7\): process\.exit, or out of memory\?$/],
  ])('%s', async (_what, text, message) => {
    const target = targetWith('05-summer', 'summer.ts', text);
    const run = await runGrader(['trace', '05', '--target', target]);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')).toEqual([expect.stringMatching(/^error: /), '']);
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stderr).not.toMatch(/failed unexpectedly|\n\s+at /);
  });
});

describe('an exercise without examples', () => {
  test('is a usage error naming the missing file and the exercises that have examples', async () => {
    // A kit whose exercises folder has examples for 05 only.
    const exercisesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trace-exercises-'));
    fs.mkdirSync(path.join(exercisesDir, '05-summer'));
    fs.copyFileSync(path.join(KIT_ROOT, 'exercises', '05-summer', EXAMPLES_FILE), path.join(exercisesDir, '05-summer', EXAMPLES_FILE));
    const context = loadContext();
    const kit = { ...context.kit, exercisesDir };
    await expect(traceCommand({ exercise: '01', target: 'solutions' }, { ...context, kit })).rejects.toThrow(
      new UsageError(`01-generator-basics has no examples to trace (no ${path.join(exercisesDir, '01-generator-basics', EXAMPLES_FILE)}). Exercises with examples: 05.`),
    );
    fs.rmSync(exercisesDir, { recursive: true, force: true });
  });
});

describe('bad usage: exit 2, one line', () => {
  test.each([
    [['trace', 'sumer'], 'error: Unknown exercise "sumer". Did you mean "05-summer"? Run "list" to see them all.\n'],
    [['trace', '05', '--target', 'no-such-folder'], 'error: The target folder no-such-folder does not exist. Pass --target with a folder laid out like exercises/.\n'],
    [['trace', '05', '--timeout', '0'], /^error: option '--timeout <seconds>' argument '0' is invalid\. It must be a positive number of seconds, e\.g\. 10\. Run with --help for usage\.\n$/],
    [['trace'], /^error: missing required argument 'exercise'\. Run with --help for usage\.\n$/],
  ])('%j', async (args, expected) => {
    const run = await runGrader(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    if (typeof expected === 'string') expect(run.stderr).toBe(expected);
    else expect(run.stderr).toMatch(expected);
  });

  test('a target without the exercise file', async () => {
    const target = targetWith('06-averager', 'averager.ts', 'export {};\n');
    const run = await runGrader(['trace', '05', '--target', target]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: ${target}/05-summer/summer.ts does not exist. Pass --target with a folder laid out like exercises/.\n`);
  });

  test('the flags reach the command as parsed', async () => {
    const calls: unknown[] = [];
    const commands = { trace: (options: unknown) => (calls.push(options), Promise.resolve(0)) } as unknown as Commands;
    expect(await main(['node', 'grader', 'trace', '05', '--target', 'mine', '--timeout', '2.5'], commands, () => undefined)).toBe(0);
    expect(await main(['node', 'grader', 'trace', 'summer'], commands, () => undefined)).toBe(0);
    expect(calls).toEqual([
      { exercise: '05', target: 'mine', timeout: 2.5 },
      { exercise: 'summer', target: 'exercises' },
    ]);
  });
});

describe('colours', () => {
  test('only when asked for (FORCE_COLOR) and never with NO_COLOR; off when not on a terminal', async () => {
    const forced = await runGrader(['trace', '05', '--target', 'solutions'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(ANSI);
    const refused = await runGrader(['trace', '05', '--target', 'solutions'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(refused.stdout).not.toMatch(ANSI);
    const piped = await runGrader(['trace', '05', '--target', 'solutions'], { env: { NO_COLOR: '', FORCE_COLOR: '' } });
    expect(piped.stdout).not.toMatch(ANSI);
  });
});

describe('what the process reports, with examples of its own', () => {
  /** Runs `examples` (a trace.ts text) against `student` (an exercise file text exporting `make`). */
  async function traced(student: string, examples: string, timeoutMs = 5000, lang: 'en' | 'ko' = 'en') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trace-run-'));
    fs.writeFileSync(path.join(dir, 'student.ts'), student);
    fs.writeFileSync(path.join(dir, 'trace.ts'), examples);
    let output = '';
    const outcome = await runTrace(
      {
        studentFile: path.join(dir, 'student.ts'),
        studentLabel: 'student.ts',
        examplesFile: path.join(dir, 'trace.ts'),
        examplesLabel: 'trace.ts',
        recorderFile: RECORDER,
        exports: ['make'],
        color: false,
        lang,
      },
      { timeoutMs, color: false, write: (text) => (output += text) },
    );
    return { outcome, output };
  }

  test('what the code prints with console.log shows in the timeline, at the step that printed it', async () => {
    const { outcome, output } = await traced(
      "export function* make() { console.log('hello', { n: 1 }); yield 1; }",
      "export default [{ title: 'prints', run(m: any, talk: any) { talk.record(m.make(), 'make()').next(); } }];",
    );
    expect(outcome).toEqual({ examples: 1, stopped: 0 });
    expect(output).toMatch(/ 2\. next\(\) +→ yielded 1 +GEN_SUSPENDED\n +3\. {3}printed: hello \{ n: 1 \}\n/);
  });

  test('an async generator: each step shows what its promise settled to; one that never settles stays in its place, still running', async () => {
    const { outcome, output } = await traced(
      'export async function* make() { yield 1; await new Promise(() => undefined); }',
      "export default [{ title: 'async', async run(m: any, talk: any) { const g = talk.record(m.make(), 'make()'); const first = g.next(); talk.note('meanwhile'); await first; void g.next(); talk.note('asked again'); } }];",
    );
    expect(outcome).toEqual({ examples: 1, stopped: 0 });
    expect(output).toMatch(/ 2\. next\(\) +→ yielded 1 +GEN_SUSPENDED\n +3\. meanwhile\n +4\. next\(\) +→ \(still running\)\n +5\. asked again\n/);
  });

  test('an example waiting on a promise that never settles', async () => {
    const { outcome } = await traced(
      'export function make() { return new Promise(() => undefined); }',
      "export default [{ title: 'waits', async run(m: any) { await m.make(); } }];",
    );
    expect(outcome.problem).toBe('example 1 ("waits") never finished: it waits for a promise that never settles.');
  });

  test('an error thrown later, in a timer, ends the trace with one line', async () => {
    const { outcome } = await traced(
      "export function make() { setTimeout(() => { throw new Error('from a timer'); }, 1); }",
      "export default [{ title: 'timer', async run(m: any) { m.make(); await new Promise((r) => setTimeout(r, 50)); } }];",
    );
    expect(outcome.problem).toBe("student.ts threw outside the examples' own calls (in a timer or a callback?): Error: from a timer");
  });

  test('an example\'s titleKo is its title in Korean, where it has one; the English title stands in where not', async () => {
    const student = 'export function* make() { yield 1; }';
    const examples =
      "export default [{ title: 'counts', titleKo: '셉니다', run(m: any, talk: any) { talk.record(m.make(), 'make()').next(); } }, { title: 'only English', run() {} }];";
    expect((await traced(student, examples, 5000, 'ko')).output).toMatch(/Example 1 · 셉니다\n[\s\S]*Example 2 · only English\n/);
    expect((await traced(student, examples, 5000, 'en')).output).toMatch(/Example 1 · counts\n[\s\S]*Example 2 · only English\n/);
    const { outcome } = await traced(student, "export default [{ title: 'x', titleKo: 5, run() {} }];");
    expect(outcome.problem).toMatch(/must export a default list of examples/);
  });

  test('examples that are not a list of { title, run } are refused plainly', async () => {
    const { outcome } = await traced('export const make = 1;', 'export default { title: 1 };');
    expect(outcome.problem).toBe('trace.ts must export a default list of examples, each { title, run(m, talk) }.');
  });
});

describe('in a student handout', () => {
  test('trace works without the hidden specs', async () => {
    const handout = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trace-handout-')), 'handout');
    const release = await runGrader(['release', '--out', handout]);
    expect(release.code).toBe(0);
    expect(fs.existsSync(path.join(handout, 'solutions'))).toBe(false);
    fs.symlinkSync(path.join(KIT_ROOT, 'node_modules'), path.join(handout, 'node_modules'));
    // The handout's own build compiles the same sources; copying the kit's build saves a tsc run.
    fs.cpSync(path.join(KIT_ROOT, 'grader', 'dist'), path.join(handout, 'grader', 'dist'), { recursive: true });
    const run = await runGraderIn(handout, ['trace', '05']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Tracing exercises/05-summer/summer.ts with the examples in exercises/05-summer/trace.ts');
    expect(run.stdout).toContain('the example stops here: Error: Not implemented: summer');
  });
});
