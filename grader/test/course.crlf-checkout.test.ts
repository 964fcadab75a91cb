/**
 * A Windows checkout: git with `core.autocrlf` (or an editor, or an unzipped download) can give
 * every text file CRLF line endings. The repository's .gitattributes asks for LF, but a kit with
 * CRLF must still grade, hint and trace as it does with LF: the same scores and test verdicts,
 * the same hints, the same trace.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KIT_ROOT, runGrader, runGraderIn } from './helpers';

jest.setTimeout(120_000);

interface Verdicts {
  score: number;
  tests: string[];
}

function verdictsOf(json: string): Verdicts {
  const report = JSON.parse(json) as { score: number; exercises: Array<{ id: string; tests: Array<{ name: string; status: string }> }> };
  return { score: report.score, tests: report.exercises.flatMap((e) => e.tests.map((t) => `${e.id} ${t.name}: ${t.status}`)) };
}

let kit: string;

beforeAll(() => {
  kit = fs.mkdtempSync(path.join(os.tmpdir(), 'crlf-kit-'));
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: KIT_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    const from = path.join(KIT_ROOT, file);
    if (!fs.existsSync(from)) continue;
    const to = path.join(kit, file);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.writeFileSync(to, fs.readFileSync(from, 'utf8').replace(/\r?\n/g, '\r\n'));
  }
  // What `npm install` makes in a checkout: the dependencies and the built grader.
  fs.symlinkSync(path.join(KIT_ROOT, 'node_modules'), path.join(kit, 'node_modules'), 'junction');
  fs.cpSync(path.join(KIT_ROOT, 'grader', 'dist'), path.join(kit, 'grader', 'dist'), { recursive: true });
  expect(fs.readFileSync(path.join(kit, 'solutions', '05-summer', 'summer.ts'), 'utf8')).toContain('\r\n');
});

afterAll(() => fs.rmSync(kit, { recursive: true, force: true }));

test.each(['solutions', 'exercises'])('%s grade with the same verdicts, test by test', async (target) => {
  const [lf, crlf] = await Promise.all([
    runGrader(['grade', '--target', target, '--format', 'json', '--no-typecheck']),
    runGraderIn(kit, ['grade', '--target', target, '--format', 'json', '--no-typecheck']),
  ]);
  expect(crlf.stderr).toBe('');
  expect(verdictsOf(crlf.stdout)).toEqual(verdictsOf(lf.stdout));
  expect(verdictsOf(crlf.stdout).score).toBe(target === 'solutions' ? 100 : 0);
});

test('hints read the same', async () => {
  const [lf, crlf] = await Promise.all([runGrader(['hint', '05', '--all', '--lang', 'en']), runGraderIn(kit, ['hint', '05', '--all', '--lang', 'en'])]);
  expect(crlf.code).toBe(0);
  expect(crlf.stdout.replace(/\r/g, '')).toBe(lf.stdout);
  expect(crlf.stdout).toContain('## ');
});

test('a trace of the solution runs the same examples with the same steps', async () => {
  const [lf, crlf] = await Promise.all([
    runGrader(['trace', '05', '--target', 'solutions', '--lang', 'en']),
    runGraderIn(kit, ['trace', '05', '--target', 'solutions', '--lang', 'en']),
  ]);
  expect(crlf.code).toBe(0);
  expect(crlf.stdout.replace(/\r/g, '')).toBe(lf.stdout);
  expect(crlf.stdout).toContain('Example 1');
});
