/**
 * Watch mode's latency: from saving an exercise file to the new score on screen. The
 * watcher runs as a child with its stdout piped (not a terminal, so it appends plain redraws
 * instead of clearing a screen), and the bench times each save until the status line that
 * names the new score appears.
 *
 * Saves alternate between the solution and the stub, so the score line awaited is always
 * different from the one already on screen: a late redraw of the previous grade (the type
 * check redraws when it finishes) can never be mistaken for the new one.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sourceFileOf, type Course, type Exercise } from '../../course';
import type { Kit } from '../../kit';
import { isAlive, killTree, processTree } from './proc';
import { BenchFailure, liveChildren, sleep } from './run';

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

export interface WatchResult {
  samplesMs: number[];
  /** The first full grade of the two exercises, for context. */
  startupMs: number;
  /** Set when the watcher did not quit cleanly on "q": a fault to report. */
  quitProblem?: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function measureWatch(
  kit: Kit,
  course: Course,
  options: { workDir: string; env: NodeJS.ProcessEnv; saves: number; log: (line: string) => void },
): Promise<WatchResult> {
  const find = (prefix: string): Exercise => {
    const exercise = course.exercises.find((e) => e.id.startsWith(`${prefix}-`));
    if (!exercise) throw new BenchFailure(`the course has no exercise ${prefix}, which the watch measure uses.`);
    return exercise;
  };
  const summer = find('05');
  find('06');
  const target = path.join(options.workDir, 'watch-target');
  fs.cpSync(kit.exercisesDir, target, { recursive: true });
  const file = path.join(target, sourceFileOf(summer));
  const solution = fs.readFileSync(path.join(kit.solutionsDir, sourceFileOf(summer)), 'utf8');
  const stub = fs.readFileSync(path.join(kit.exercisesDir, sourceFileOf(summer)), 'utf8');
  const solvedLine = new RegExp(`${escapeRegExp(summer.id)}: ${summer.points}/${summer.points} passed`);
  const stubLine = new RegExp(`${escapeRegExp(summer.id)}: 0/${summer.points} failed`);

  const started = performance.now();
  const child = spawn(process.execPath, [path.join(kit.rootDir, 'grader', 'bin', 'grader.js'), 'grade', '--watch', '--target', target, '--exercise', '05', '06'], {
    cwd: kit.rootDir,
    env: options.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  liveChildren.add(child);
  let exited = false;
  child.on('exit', () => {
    exited = true;
    liveChildren.delete(child);
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));

  // Output since the last mark, and a waiter for a pattern in it, resolved on the chunk
  // that completes the match (so the time taken is the time that chunk arrived).
  let seen = '';
  let waiter: { pattern: RegExp; resolve: (at: number) => void } | undefined;
  // Colour codes are stripped from the whole, as a chunk may end inside one.
  const plain = (): string => seen.replace(ANSI, '');
  child.stdout.on('data', (chunk: Buffer) => {
    const at = performance.now();
    seen += chunk.toString('utf8');
    if (waiter && waiter.pattern.test(plain())) {
      const { resolve } = waiter;
      waiter = undefined;
      resolve(at);
    }
  });
  const waitFor = (pattern: RegExp, timeoutMs: number, what: string): Promise<number> =>
    new Promise((resolve, reject) => {
      if (pattern.test(plain())) return resolve(performance.now());
      const timer = setTimeout(() => {
        waiter = undefined;
        reject(new BenchFailure(`watch mode did not show ${what} within ${timeoutMs / 1000} s.\n    its last output: ${JSON.stringify(plain().slice(-600))}\n    stderr: ${JSON.stringify(stderr.slice(-600))}`));
      }, timeoutMs);
      waiter = {
        pattern,
        resolve: (at) => {
          clearTimeout(timer);
          resolve(at);
        },
      };
      child.once('exit', () => {
        clearTimeout(timer);
        reject(new BenchFailure(`watch mode exited before showing ${what}.\n    stderr: ${JSON.stringify(stderr.slice(-600))}`));
      });
    });

  const samplesMs: number[] = [];
  // The watcher's Jest child and workers, seen while it runs: after "q" they must be gone.
  const descendants = new Set<number>();
  const noteDescendants = (): void => processTree(child.pid!).slice(1).forEach((pid) => descendants.add(pid));
  let outcome: Omit<WatchResult, 'quitProblem'> | undefined;
  let failure: unknown;
  try {
    const ready = await waitFor(/graded 2 exercises/, 180_000, '"graded 2 exercises"');
    noteDescendants();
    // Let the first type check finish and redraw before timing anything.
    await sleep(2000);
    for (let i = 0; i < options.saves; i++) {
      const solve = i % 2 === 0;
      seen = '';
      const saved = performance.now();
      fs.writeFileSync(file, solve ? solution : stub);
      const expected = solve ? `"${summer.id}: ${summer.points}/${summer.points} passed"` : `"${summer.id}: 0/${summer.points} failed"`;
      const shown = await waitFor(solve ? solvedLine : stubLine, 60_000, expected);
      samplesMs.push(shown - saved);
      options.log(`watch save ${i + 1}/${options.saves} (${solve ? 'solution' : 'stub'}): ${Math.round(shown - saved)} ms`);
      noteDescendants();
      // Saves a user makes are seconds apart; the pause also keeps one save's type check
      // (in the background) out of the next save's timing.
      await sleep(1500);
    }
    outcome = { samplesMs, startupMs: ready - started };
  } catch (error) {
    failure = error;
  }
  // Quit as a user would. A failure to quit does not void the latencies measured: it is
  // returned beside them, for the caller to report.
  const quitProblem = await stopWatcher();
  if (failure !== undefined || !outcome) throw failure;
  return { ...outcome, ...(quitProblem ? { quitProblem } : {}) };

  async function waitExit(ms: number): Promise<boolean> {
    const deadline = performance.now() + ms;
    while (!exited && performance.now() < deadline) await sleep(50);
    return exited;
  }

  async function stopWatcher(): Promise<string | undefined> {
    let problem: string | undefined;
    if (!exited) {
      child.stdin.write('q');
      if (!(await waitExit(10_000))) {
        // A user's terminal stays open after q. Closing the pipe tells apart "q is ignored"
        // from "quits, but something (typically a paused stdin pipe) keeps Node alive".
        child.stdin.end();
        const atEof = await waitExit(5_000);
        problem = atEof
          ? 'watch mode did not exit within 10 s of "q" on its (piped) stdin; it exited only once the bench closed that stdin. ' +
            'Pausing a piped process.stdin does not release it in Node.js: the watcher keeps running after "q" when its stdin is not a terminal'
          : 'watch mode did not exit within 10 s of "q" on its stdin, nor when its stdin was closed; it was killed';
        if (!atEof) killTree(child.pid!);
      }
    }
    // Its Jest child and workers must be gone too: give them a moment, then kill leftovers.
    await sleep(1000);
    const leftovers = [...descendants].filter(isAlive);
    for (const pid of leftovers) killTree(pid);
    if (leftovers.length > 0) {
      problem = `${problem ? `${problem}; and it` : 'watch mode exited on "q" but'} left ${leftovers.length} process(es) running (pids ${leftovers.join(', ')}), killed by the bench`;
    }
    return problem;
  }
}
