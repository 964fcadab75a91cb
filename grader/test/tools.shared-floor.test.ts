/**
 * The bench's floor tool (grader/src/tools/bench/shared-floor.ts): a class graded in warm runners
 * shared between submissions writes each submission's report, as `batch` would.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KIT_ROOT } from './helpers';

jest.setTimeout(120_000);

const TOOL = path.join(KIT_ROOT, 'grader', 'dist', 'tools', 'bench', 'shared-floor.js');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'shared-floor-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

test('each submission gets its own report: the solutions full marks, the stubs none, in two shared runners', () => {
  const classDir = path.join(scratch, 'class');
  fs.cpSync(path.join(KIT_ROOT, 'solutions'), path.join(classDir, 'ana', 'exercises'), { recursive: true });
  fs.cpSync(path.join(KIT_ROOT, 'exercises'), path.join(classDir, 'ben', 'exercises'), { recursive: true });
  fs.cpSync(path.join(KIT_ROOT, 'solutions'), path.join(classDir, 'cem', 'exercises'), { recursive: true });
  const reports = path.join(scratch, 'reports');
  const run = spawnSync(process.execPath, [TOOL, classDir, reports, '2'], { cwd: KIT_ROOT, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const scoreOf = (name: string): unknown => (JSON.parse(fs.readFileSync(path.join(reports, `${name}.json`), 'utf8')) as { score: unknown }).score;
  expect([scoreOf('ana'), scoreOf('ben'), scoreOf('cem')]).toEqual([100, 0, 100]);
});

test('bad usage is exit 2 with the usage line', () => {
  const run = spawnSync(process.execPath, [TOOL, scratch, path.join(scratch, 'out'), '0'], { cwd: KIT_ROOT, encoding: 'utf8' });
  expect(run.status).toBe(2);
  expect(run.stderr).toBe('usage: node shared-floor.js <class folder> <reports folder> <lanes>\n');
});
