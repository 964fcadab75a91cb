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
