/**
 * The classic slip on the real course: the solutions, except that 01's `take` spreads its
 * source (`[...source].slice(0, n)`), which never ends on an infinite generator. 01 must be
 * a timeout naming the running test; 02–05 keep full marks.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KIT_ROOT, runGrader } from './helpers';

const OTHERS = ['02-two-way-send', '03-generator-state', '04-priming', '05-summer'];
const target = fs.mkdtempSync(path.join(os.tmpdir(), 'spread-take-'));
afterAll(() => fs.rmSync(target, { recursive: true, force: true }));

beforeAll(() => {
  const solution = path.join(KIT_ROOT, 'solutions', '01-generator-basics', 'generator-basics');
  fs.mkdirSync(path.join(target, '01-generator-basics'));
  fs.writeFileSync(
    path.join(target, '01-generator-basics', 'generator-basics.ts'),
    [
      `export { countdown, naturals, lazyMap } from ${JSON.stringify(solution)};`,
      'export function take<T>(source: Iterable<T>, n: number): T[] {',
      '  return [...source].slice(0, n);',
      '}',
      '',
    ].join('\n'),
  );
  for (const id of OTHERS) fs.cpSync(path.join(KIT_ROOT, 'solutions', id), path.join(target, id), { recursive: true });
});

test('a spread of an infinite generator costs 01 only, and names the running test', async () => {
  const run = await runGrader(['grade', '--target', target, '--exercise', '01', ...OTHERS.map((id) => id.slice(0, 2)), '--format', 'json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as { exercises: Array<{ id: string; status: string; score: number; maxScore: number; message?: string }> };
  const [first, ...rest] = report.exercises;
  expect(first).toMatchObject({ id: '01-generator-basics', status: 'timeout' });
  expect(first!.message).toMatch(/^Stopped after 5 s while running "take > .+"/);
  expect(first!.score).toBeLessThan(first!.maxScore);
  for (const result of rest) expect(result).toMatchObject({ status: 'passed', score: result.maxScore });
}, 60_000);
