/**
 * `npm run smoke`, the end-to-end check the kit's workflow runs on Linux, macOS and Windows,
 * run here as a user would: every scenario passes on this machine, and it says so line by line.
 */
import { runGrader } from './helpers';

test('every scenario passes: the planted loop, microtask loop, exit and runaway allocation, a grader stopped mid-loop, watch mode quitting mid-loop', async () => {
  const run = await runGrader(['smoke']);
  const lines = run.stdout.split('\n').filter((line) => /^(PASS|FAIL) /.test(line));
  expect(lines.map((line) => line.slice(0, 4))).toEqual(['PASS', 'PASS', 'PASS', 'PASS', 'PASS', 'PASS']);
  expect(run.stdout).toMatch(/PASS {2}an endless loop in 05 .* 05-summer timeout, the others passed/);
  expect(run.stdout).toMatch(/PASS {2}a microtask loop in 11 .* 11-await-delegation timeout, the others passed/);
  expect(run.stdout).toMatch(/PASS {2}process\.exit in 05 .* 05-summer error, the others passed/);
  expect(run.stdout).toMatch(/PASS {2}running out of memory in 05 .* 05-summer (error|timeout), the others passed/);
  expect(run.stdout).toContain('smoke: 6 passed, 0 failed');
  expect(run.code).toBe(0);
}, 240_000);
