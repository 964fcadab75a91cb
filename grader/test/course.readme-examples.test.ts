/**
 * The examples in the exercise texts run as printed.
 *
 * The rule, for every Markdown file in exercises/ (READMEs, hints, the glossary, both
 * languages):
 *
 * - A ```js block is a complete program and ends with its output: a line that is exactly
 *   `// Printed:` (in Korean texts `// 출력:`), followed only by comment lines, one per line
 *   of output. `// ` is taken off each (a bare `//` is an empty line); the rest, leading
 *   spaces included, is the line exactly as printed.
 * - A ```ts block may be a fragment; when it has a `// Printed:` section it is held to the
 *   same rule, after `typescript`'s transpileModule turned it into JavaScript.
 * - A ```python block may be a fragment too; when it has a `# Printed:` section (`# 출력:`),
 *   with `# ` lines after it, it is a whole program held to the same rule, run by `python3`
 *   (3.8 or newer). Where no such Python is installed, those examples are skipped, by name.
 * - Each such block runs on its own as a CommonJS script (`node -`, the code on stdin), in a
 *   fresh process with a short time limit. It must exit with code 0, and its standard output
 *   must be exactly the printed lines, in order, nothing more.
 *
 * So "save the example as a file and run it with node" is what every README promises; pasting
 * into the interactive `node` prompt would also echo the value of each expression.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as ts from 'typescript';
import { KIT_ROOT } from './helpers';

const EXERCISES = path.join(KIT_ROOT, 'exercises');
const MARKERS = { js: new Set(['// Printed:', '// 출력:']), py: new Set(['# Printed:', '# 출력:']) };
/** What starts a comment line of a printed section, by language. */
const COMMENT = { js: /^\s*\/\/( |$)/, py: /^\s*#( |$)/ };
const COMMENT_MARK = { js: /^\s*\/\/ ?/, py: /^\s*# ?/ };
const TIME_LIMIT_MS = 5_000;

interface Example {
  /** Where it is, for the test's name: `exercises/04-priming/README.md:64`. */
  where: string;
  lang: Lang;
  code: string;
  /** The lines after the marker, without their `// `; undefined when the block has no marker. */
  printed: string[] | undefined;
  /** Why the block does not follow the rule's shape, when it does not. */
  problem?: string;
}

type Lang = 'js' | 'ts' | 'py';
const LANGS: Record<string, Lang> = { js: 'js', javascript: 'js', ts: 'ts', typescript: 'ts', python: 'py', py: 'py' };
const family = (lang: Lang): 'js' | 'py' => (lang === 'py' ? 'py' : 'js');

/** Every js/ts fenced block of a Markdown text, with its printed section split off. */
function examplesIn(markdown: string, file: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const start = i;
    const body: string[] = [];
    for (i += 1; i < lines.length && !/^\s*```\s*$/.test(lines[i]!); i++) body.push(lines[i]!.slice(indent));
    const lang = LANGS[open[2]!.toLowerCase()];
    if (!lang) continue;
    const where = `${file}:${start + 1}`;
    const at = body.findIndex((line) => MARKERS[family(lang)].has(line.trim()));
    if (at === -1) {
      examples.push({ where, lang, code: body.join('\n'), printed: undefined });
      continue;
    }
    const tail = body.slice(at + 1);
    while (tail.length > 0 && tail[tail.length - 1]!.trim() === '') tail.pop();
    const stray = tail.find((line) => !COMMENT[family(lang)].test(line));
    examples.push({
      where,
      lang,
      code: body.slice(0, at).join('\n'),
      printed: tail.map((line) => line.replace(COMMENT_MARK[family(lang)], '')),
      problem: stray === undefined ? undefined : `the ${body[at]!.trim()} section must be the end of the block, but it has ${JSON.stringify(stray)}`,
    });
  }
  return examples;
}

interface Outcome {
  code: number | null;
  stdout: string[];
  stderr: string;
}

/** Runs one example in its own node process and returns what it printed. */
function runExample(example: Pick<Example, 'lang' | 'code'>, timeLimitMs = TIME_LIMIT_MS): Outcome {
  let source = example.code;
  if (example.lang === 'ts') {
    const out = ts.transpileModule(source, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS },
      reportDiagnostics: true,
    });
    const errors = (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    if (errors.length > 0) return { code: null, stdout: [], stderr: `TypeScript could not transpile it: ${errors.join('; ')}` };
    source = out.outputText;
  }
  // Python runs isolated (-I): no user site-packages, no PYTHON* variables.
  const [command, args] = example.lang === 'py' ? ['python3', ['-I', '-']] : [process.execPath, ['--input-type=commonjs', '-']];
  const run = spawnSync(command, args, {
    input: source,
    encoding: 'utf8',
    timeout: timeLimitMs,
    cwd: EXERCISES,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', NODE_OPTIONS: '' },
  });
  const stdout = run.stdout.replace(/\n$/, '');
  const timedOut = run.error !== undefined || run.signal !== null;
  return {
    code: run.status,
    stdout: stdout === '' ? [] : stdout.split('\n'),
    stderr: timedOut ? `stopped after ${timeLimitMs} ms (${run.signal ?? run.error?.message})\n${run.stderr}` : run.stderr,
  };
}

function markdownFiles(): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(EXERCISES, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.md')) files.push(entry.name);
    if (!entry.isDirectory()) continue;
    for (const name of fs.readdirSync(path.join(EXERCISES, entry.name))) {
      if (name.endsWith('.md')) files.push(path.posix.join(entry.name, name));
    }
  }
  return files.sort();
}

const all = markdownFiles().flatMap((file) =>
  examplesIn(fs.readFileSync(path.join(EXERCISES, file), 'utf8'), `exercises/${file}`),
);
const runnable = all.filter((e) => e.printed !== undefined);

/** A python3 of 3.8 or newer, which the Python examples are written for; undefined when there is none. */
const python = (() => {
  const found = spawnSync('python3', ['-c', 'import sys; print(sys.version_info >= (3, 8), sys.version.split()[0])'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.startsWith('True') ? found.stdout.split(' ')[1]!.trim() : undefined;
})();

describe('the checker itself', () => {
  const sample = ['```js', "console.log('one');", "console.log('  two');", '', '// Printed:', '// one', '//   two', '```'].join('\n');

  test('reads a block, its code and its printed lines', () => {
    const [example] = examplesIn(sample, 'sample.md');
    expect(example).toMatchObject({ lang: 'js', printed: ['one', '  two'], problem: undefined });
    expect(runExample(example!)).toEqual({ code: 0, stdout: ['one', '  two'], stderr: '' });
  });

  test('notices output that differs from the printed lines', () => {
    const [example] = examplesIn(sample.replace("'  two'", "'three'"), 'sample.md');
    expect(runExample(example!).stdout).not.toEqual(example!.printed);
  });

  test('transpiles a ts block, reads an indented one, and knows the Korean marker', () => {
    const [example] = examplesIn(['  ```ts', '  const n: number = 42;', '  console.log(n);', '  // 출력:', '  // 42', '  ```'].join('\n'), 'x.md');
    expect(example!.printed).toEqual(['42']);
    expect(runExample(example!).stdout).toEqual(['42']);
  });

  test('flags code after the printed section, and stops a block that never ends', () => {
    const [late] = examplesIn(['```js', '// Printed:', '// 1', 'console.log(1);', '```'].join('\n'), 'x.md');
    expect(late!.problem).toMatch(/must be the end of the block/);
    const stuck = runExample({ lang: 'js', code: 'for (;;) {}' }, 300);
    expect(stuck.code).not.toBe(0);
    expect(stuck.stderr).toMatch(/stopped after/);
  });

  test('finds the examples of the course', () => {
    expect(runnable.length).toBeGreaterThanOrEqual(14);
    expect(runnable.filter((e) => e.lang === 'py').length).toBeGreaterThanOrEqual(7);
  });

  (python ? test : test.skip)(`runs a python block with its # Printed: section (python3 ${python ?? 'not found'})`, () => {
    const [example] = examplesIn(['```python', "print('one')", "print('  two')", '', '# Printed:', '# one', '#   two', '```'].join('\n'), 'x.md');
    expect(example).toMatchObject({ lang: 'py', printed: ['one', '  two'], problem: undefined });
    expect(runExample(example!)).toEqual({ code: 0, stdout: ['one', '  two'], stderr: '' });
    const [wrong] = examplesIn(['```python', 'print(1 + 1)', '# 출력:', '# 3', '```'].join('\n'), 'x.md');
    expect(runExample(wrong!).stdout).not.toEqual(wrong!.printed);
    const [fragment] = examplesIn(['```python', 's.send(10)    # 10', '```'].join('\n'), 'x.md');
    expect(fragment!.printed).toBeUndefined();
  });
});

describe('every js block in exercises/ shows what it prints', () => {
  const js = all.filter((e) => e.lang === 'js');
  test.each(js.map((e) => [e.where, e] as const))('%s has a Printed section', (_where, example) => {
    expect(example.printed).toBeDefined();
    expect(example.problem).toBeUndefined();
  });
});

describe('every example prints what its text says', () => {
  const checked = runnable.filter((e) => e.lang !== 'py' || python);
  const unchecked = runnable.filter((e) => !checked.includes(e));
  if (unchecked.length > 0) test.skip.each(unchecked.map((e) => [e.where] as const))('%s (a Python example: no python3 of 3.8 or newer here)', () => {});
  test.each(checked.map((e) => [e.where, e] as const))('%s', (_where, example) => {
    expect(example.problem).toBeUndefined();
    const outcome = runExample(example);
    expect({ stdout: outcome.stdout, stderr: outcome.stderr.trim(), code: outcome.code }).toEqual({
      stdout: example.printed,
      stderr: '',
      code: 0,
    });
  });
});
