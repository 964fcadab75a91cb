/**
 * No runner outlives the grade it serves: when the grader itself is killed in the middle of a
 * grade (sandboxed or not, with a runner stuck in an endless loop), its runner ends too, by the
 * kernel's hand where `setpriv` can ask it to (Linux), else by its own (the lifeline thread, as
 * on macOS and Windows); when the grader is stopped with a signal it can handle, it ends its
 * runners and removes its scratch folders itself; and when one unit of a grade fails, the
 * others are stopped before the failure is reported.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GraderFault } from '../src/errors';
import { inLanes } from '../src/engine/grade';
import { killGroup } from '../src/engine/runner-process';
import { sweepScratch } from '../src/engine/lifetime';
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

/**
 * A grader (the engine, in a process of its own) grading the endless loop with a budget it will
 * not reach, its temporary folder `tmp`; resolves once its runner has been in the loop a while.
 * `PATH` empty hides `setpriv` (and `unshare`), as on macOS and Windows.
 */
async function graderInLoop(tag: string, tmp: string, options: { sandboxed: boolean; setpriv: boolean }) {
  const script = `
    const { gradeTargets } = require(${JSON.stringify(path.join(KIT_ROOT, 'grader', 'dist', 'engine', 'grade.js'))});
    const { locateKit } = require(${JSON.stringify(path.join(KIT_ROOT, 'grader', 'dist', 'kit.js'))});
    const { loadCourse } = require(${JSON.stringify(path.join(KIT_ROOT, 'grader', 'dist', 'course.js'))});
    const kit = locateKit(${JSON.stringify(FIXTURE_KIT)});
    const course = loadCourse(kit.manifestPath);
    gradeTargets(kit, [{ label: 'loop', dir: ${JSON.stringify(path.join(FIXTURE_TARGETS, 'infinite-loop'))}, exercises: course.exercises }],
      { timeoutSeconds: 60, ${options.sandboxed ? 'sandbox: { hide: [] }' : ''} });`;
  const env = { ...process.env, ORPHAN_TEST_TAG: tag, TMPDIR: tmp, ...(options.setpriv ? {} : { PATH: '' }) };
  const grader = spawn(process.execPath, ['-e', script], { env, stdio: 'ignore' });
  // Wait for the runner to be at work (the grader and at least one process of its own).
  expect(await until(() => tagged(tag).length >= 2, 20_000)).toBe(true);
  await new Promise((r) => setTimeout(r, 1500));
  return grader;
}

describeLinux('the grader ended mid-grade', () => {
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'orphans-test-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test.each([
    ['killed, without the sandbox', false, true],
    ['killed, in the sandbox', true, true],
    ['killed where setpriv is missing (macOS, Windows): the runner ends itself', false, false],
  ])('%s: its runner, stuck in an endless loop, dies with it', async (_what, sandboxed, setpriv) => {
    if (sandboxed && sandboxSupport() === 'none') return; // No sandbox on this system: nothing more to show.
    const tag = crypto.randomUUID();
    const grader = await graderInLoop(tag, tmp, { sandboxed, setpriv });
    grader.kill('SIGKILL');
    expect(await until(() => tagged(tag).length === 0, 10_000)).toBe(true);
  });

  test.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('stopped with %s (Ctrl-C, kill, a closed window): its runner is killed at once and its scratch folders are gone', async (signal) => {
    const tag = crypto.randomUUID();
    const grader = await graderInLoop(tag, tmp, { sandboxed: false, setpriv: false });
    expect(fs.readdirSync(tmp).filter((name) => name.startsWith(`coroutine-grader-${grader.pid}-`))).toHaveLength(1);
    const exited = new Promise<number | null>((resolve) => grader.on('exit', (code) => resolve(code)));
    grader.kill(signal);
    expect(await exited).toBe(128 + os.constants.signals[signal]);
    // The lifeline would take a second or so: this is the grader's own doing.
    expect(await until(() => tagged(tag).length === 0, 500)).toBe(true);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });
});

describeLinux('a trace ended mid-loop', () => {
  test('killed where setpriv is missing: the trace child, stuck in an endless loop, ends itself', async () => {
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'orphans-trace-'));
    try {
      fs.cpSync(path.join(KIT_ROOT, 'solutions', '05-summer'), path.join(target, '05-summer'), { recursive: true });
      const file = path.join(target, '05-summer', 'summer.ts');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/(export function\* summer\([^)]*\)[^{]*\{)/, '$1\n  while (true) {}'));
      const tag = crypto.randomUUID();
      const grader = spawn(process.execPath, [path.join(KIT_ROOT, 'grader', 'bin', 'grader.js'), 'trace', '05', '--target', target, '--timeout', '60'], {
        env: { ...process.env, ORPHAN_TEST_TAG: tag, PATH: '' },
        stdio: 'ignore',
      });
      expect(await until(() => tagged(tag).length >= 2, 20_000)).toBe(true);
      await new Promise((r) => setTimeout(r, 1500));
      grader.kill('SIGKILL');
      expect(await until(() => tagged(tag).length === 0, 10_000)).toBe(true);
    } finally {
      fs.rmSync(target, { recursive: true, force: true });
    }
  });
});

describe('scratch folders of graders killed outright', () => {
  test('are removed by the next grade; those of graders still running, and other folders, are not', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sweep-test-'));
    try {
      // A pid that was a process a moment ago and is none now.
      const child = spawn(process.execPath, ['-e', '0']);
      await new Promise((resolve) => child.on('exit', resolve));
      const kept = [`coroutine-grader-${process.ppid}-alive`, `coroutine-sandbox-${process.pid}-mine`, 'coroutine-notes', 'someone-elses-folder'];
      for (const name of [...kept, `coroutine-grader-${child.pid}-dead`]) fs.mkdirSync(path.join(tmp, name, 'run'), { recursive: true });
      sweepScratch(tmp);
      expect(fs.readdirSync(tmp).sort()).toEqual([...kept].sort());
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
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

describe('a runner that does not end when killed', () => {
  test('is no hang: the wait gives up at its deadline with a grader fault that says what to do', async () => {
    const killed = jest.fn();
    const neverExits = { child: { pid: 4242 } as ChildProcess, exited: new Promise<never>(() => undefined), killNow: killed, mark: 'test' };
    await expect(killGroup(neverExits, 50)).rejects.toThrow(
      new GraderFault("a runner process (pid 4242) did not end within 0.05 s of being killed; end it with your system's task manager, then grade again."),
    );
    expect(killed).toHaveBeenCalledTimes(1);
  });
});
