/**
 * Watch mode, driven through fake terminal streams: a save re-grades that exercise and the
 * screen shows its new points, the course's progress and what is next; q quits.
 * (Checked by hand in a real terminal too: see the README.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { watchCommand } from '../src/commands/watch';
import { applyEdits, loadMutantsFile } from '../src/mutants';
import { KIT_ROOT } from './helpers';

function until(condition: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const poll = (): void => {
      if (condition()) resolve();
      else if (Date.now() > deadline) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(poll, 25);
    };
    poll();
  });
}

test('saving an exercise re-grades it, shows progress and the next exercise; q quits', async () => {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-test-'));
  for (const id of ['05-summer', '06-averager']) fs.cpSync(path.join(KIT_ROOT, 'exercises', id), path.join(target, id), { recursive: true });
  const stdin = new PassThrough() as unknown as NodeJS.ReadStream;
  const stdout = new PassThrough() as unknown as NodeJS.WriteStream;
  let screen = '';
  stdout.on('data', (chunk: Buffer) => (screen += chunk.toString('utf8')));
  const previous = process.env.NO_COLOR;
  process.env.NO_COLOR = '1';
  try {
    const done = watchCommand({ target, exercise: ['05', '06'], typecheck: false, strictTypes: false }, undefined, { stdin, stdout });
    await until(() => screen.includes('graded 2 exercises'), 'the first grade');
    expect(screen).toMatch(/05-summer\s+░{10}\s+0\/5\s+failed/);

    fs.copyFileSync(path.join(KIT_ROOT, 'solutions', '05-summer', 'summer.ts'), path.join(target, '05-summer', 'summer.ts'));
    await until(() => screen.includes('05-summer: 5/5 passed (was 0)'), 'the re-grade after a save');
    const latest = screen.slice(screen.lastIndexOf('Watching'));
    expect(latest).toMatch(/05-summer\s+█{10}\s+5\/5\s+passed/);
    expect(latest).toContain('Course ███████████████░░░░░░░░░░░░░░░ 5/10 points, 1/2 exercises done');
    expect(latest).toContain('Next: 06-averager.');

    stdin.write('q');
    await expect(done).resolves.toBe(0);
  } finally {
    if (previous === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = previous;
    fs.rmSync(target, { recursive: true, force: true });
  }
}, 60_000);

test("a save that makes a known mistake shows what it is, in the student's language", async () => {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-test-'));
  fs.cpSync(path.join(KIT_ROOT, 'exercises', '06-averager'), path.join(target, '06-averager'), { recursive: true });
  const loaded = loadMutantsFile(path.join(KIT_ROOT, 'grader', 'mutants', '06-averager.ts'));
  if (!loaded.ok) throw new Error(loaded.problem);
  const mutant = loaded.mutants.find((m) => m.name === 'skips-falsy')!;
  const stdin = new PassThrough() as unknown as NodeJS.ReadStream;
  const stdout = new PassThrough() as unknown as NodeJS.WriteStream;
  let screen = '';
  stdout.on('data', (chunk: Buffer) => (screen += chunk.toString('utf8')));
  const saved = { NO_COLOR: process.env.NO_COLOR, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES, LANG: process.env.LANG };
  Object.assign(process.env, { NO_COLOR: '1', LANG: 'ko_KR.UTF-8' });
  delete process.env.LC_ALL;
  delete process.env.LC_MESSAGES;
  try {
    const done = watchCommand({ target, exercise: ['06'], typecheck: false, strictTypes: false }, undefined, { stdin, stdout });
    await until(() => screen.includes('graded 1 exercise'), 'the first grade');
    // A stub fails every test: nothing to diagnose.
    expect(screen).not.toContain('알려진 실수');
    const solution = fs.readFileSync(path.join(KIT_ROOT, 'solutions', '06-averager', 'averager.ts'), 'utf8');
    fs.writeFileSync(path.join(target, '06-averager', 'averager.ts'), applyEdits(solution, mutant.edits).text);
    await until(() => /06-averager: [\d.]+\/5 partial/.test(screen), 'the re-grade after a save');
    const latest = screen.slice(screen.lastIndexOf('Watching')).replace(/\s+/g, ' ');
    expect(latest).toContain(`알려진 실수로 보입니다: ${mutant.explanation!.ko}`);
    expect(latest).not.toContain('This looks like');
    stdin.write('q');
    await expect(done).resolves.toBe(0);
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    fs.rmSync(target, { recursive: true, force: true });
  }
}, 60_000);

/** Runner processes started by this process (through `setpriv`, which becomes the runner). */
function runnersOf(parent: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return ppid === parent && fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes('runner.js');
      } catch {
        return false;
      }
    })
    .map(Number);
}

(process.platform === 'linux' ? test : test.skip)('q in the middle of a grade stuck in an endless loop quits at once, and no runner is left', async () => {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-test-'));
  // 06 waits its turn behind 05's loop: a grade cut short would run it in a fresh runner.
  for (const id of ['05-summer', '06-averager']) fs.cpSync(path.join(KIT_ROOT, 'solutions', id), path.join(target, id), { recursive: true });
  const file = path.join(target, '05-summer', 'summer.ts');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/(export function\* summer\([^)]*\)[^{]*\{)/, '$1\n  while (true) {}'));
  expect(fs.readFileSync(file, 'utf8')).toContain('while (true) {}');
  const stdin = new PassThrough() as unknown as NodeJS.ReadStream;
  const stdout = new PassThrough() as unknown as NodeJS.WriteStream;
  stdout.resume();
  try {
    // A budget far longer than this test's own time limit: only quitting can end this grade.
    const done = watchCommand({ target, exercise: ['05', '06'], timeout: 120, typecheck: false, strictTypes: false }, undefined, { stdin, stdout });
    await until(() => runnersOf(process.pid).length > 0, 'the runner');
    // Loading Jest takes about half a second; then the first test spins.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    stdin.write('q');
    await expect(done).resolves.toBe(0);
    // Not started again by the grade that quitting cut short.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(runnersOf(process.pid)).toEqual([]);
  } finally {
    fs.rmSync(target, { recursive: true, force: true });
  }
}, 30_000);
