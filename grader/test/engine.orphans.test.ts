/**
 * No runner outlives the grade it serves: when the grader itself is killed in the middle of a
 * grade (sandboxed or not, with a runner stuck in an endless loop), the kernel ends its runner;
 * and when one unit of a grade fails, the others are stopped before the failure is reported.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inLanes } from '../src/engine/grade';
import { sandboxSupport } from '../src/engine/sandbox';
import { FIXTURE_KIT, FIXTURE_TARGETS, KIT_ROOT } from './helpers';

jest.setTimeout(60_000);

/** The processes whose environment carries `tag` (inherited by everything the grader starts). */
function tagged(tag: string): number[] {
  const needle = `\0ORPHAN_TEST_TAG=${tag}\0`;
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return `\0${fs.readFileSync(`/proc/${pid}/environ`, 'latin1')}`.includes(needle);
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (condition()) return true;
  return condition();
}

const canSee = process.platform === 'linux';
const describeLinux = canSee ? describe : describe.skip;

describeLinux('the grader killed mid-grade', () => {
  test.each([
    ['without the sandbox', false],
    ['in the sandbox', true],
  ])('%s: its runner, stuck in an endless loop, dies with it', async (_what, sandboxed) => {
    if (sandboxed && sandboxSupport() === 'none') return; // No sandbox on this system: nothing more to show.
    const tag = crypto.randomUUID();
    const script = `
      const { gradeTargets } = require(${JSON.stringify(path.join(KIT_ROOT, 'grader', 'dist', 'engine', 'grade.js'))});
      const { locateKit } = require(${JSON.stringify(path.join(KIT_ROOT, 'grader', 'dist', 'kit.js'))});
      const { loadCourse } = require(${JSON.stringify(path.join(KIT_ROOT, 'grader', 'dist', 'course.js'))});
      const kit = locateKit(${JSON.stringify(FIXTURE_KIT)});
      const course = loadCourse(kit.manifestPath);
      gradeTargets(kit, [{ label: 'loop', dir: ${JSON.stringify(path.join(FIXTURE_TARGETS, 'infinite-loop'))}, exercises: course.exercises }],
        { timeoutSeconds: 60, ${sandboxed ? 'sandbox: { hide: [] }' : ''} });`;
    const grader = spawn(process.execPath, ['-e', script], { env: { ...process.env, ORPHAN_TEST_TAG: tag }, stdio: 'ignore' });
    // Wait for the runner to be at work (the grader and at least one process of its own).
    expect(await until(() => tagged(tag).length >= 2, 20_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    grader.kill('SIGKILL');
    expect(await until(() => tagged(tag).length === 0, 10_000)).toBe(true);
  });
});

describe('a unit that fails stops the others', () => {
  test('the first failure is thrown only once every other task has seen the abort and ended', async () => {
    const abort = new AbortController();
    const ended: string[] = [];
    const waitsForAbort = (name: string) => () =>
      new Promise<void>((resolve) =>
        abort.signal.addEventListener('abort', () => {
          ended.push(name);
          resolve();
        }),
      );
    const fails = async (): Promise<void> => {
      await new Promise((r) => setTimeout(r, 20));
      throw new Error('unit failed');
    };
    const never = jest.fn(async () => undefined);
    await expect(inLanes([waitsForAbort('a'), fails, waitsForAbort('b'), never], 3, abort)).rejects.toThrow('unit failed');
    expect(ended.sort()).toEqual(['a', 'b']);
    // Not started once the grade had failed.
    expect(never).not.toHaveBeenCalled();
  });
});
