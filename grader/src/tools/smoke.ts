/**
 * `npm run smoke`: the kit's promise that a broken exercise costs only itself, checked end to end
 * on this machine, whatever its system: copies of the solutions with an endless loop, a
 * microtask loop, a `process.exit` and a runaway allocation planted are graded with a JSON
 * report, and each report must give that exercise its `timeout` or `error` and every other one
 * full marks, in time; then a grader stopped from outside mid-loop (Ctrl-C, or a kill where
 * there are no signals), and watch mode's `q` mid-loop, must end promptly. After each scenario
 * no process that ran the planted code may be left: every exercise file of the copies records
 * the pid of the process that loads it, and each of those must be gone within a few seconds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCourse, sourceFileOf, type Exercise } from '../course';
import { UsageError } from '../errors';
import { isRunning } from '../engine/lifetime';
import { locateKit, type Kit } from '../kit';
import type { SmokeOptions } from '../cli';
import type { GradeReport } from '../report/report';


/** What a planted exercise may end as, and the statement planted first in its first export. */
interface Plant {
  exercise: string;
  statement: string;
  status: Array<'timeout' | 'error'>;
}

const LOOP: Plant = { exercise: '05', statement: 'while (true) {}', status: ['timeout'] };
const MICROTASK_LOOP: Plant = { exercise: '11', statement: 'for (;;) await null;', status: ['timeout'] };
const EXIT: Plant = { exercise: '05', statement: 'process.exit(3);', status: ['error'] };
// Whether the runner runs out of memory first (error) or its budget first (timeout) depends on
// the machine's speed, as on Linux: either way it costs that exercise only.
const OUT_OF_MEMORY: Plant = { exercise: '05', statement: 'for (const kept = [];;) kept.push(new Array(1e6).fill(0));', status: ['error', 'timeout'] };

/** A grade must end within the planted exercise's budget and this much more (loading, the rest of the course). */
const GRACE_MS = 60_000;
/** What was stopped must be gone within this. */
const GONE_WITHIN_MS = 10_000;
/** A runner has loaded Jest and entered the loop this long after it loaded its first exercise. */
const IN_THE_LOOP_MS = 2000;

interface Outcome {
  ok: boolean;
  why: string;
}

/** The first line of an exported generator or async function: `export function* summer(…) {`, `export async function* asyncAverager(…) {`. */
const FIRST_EXPORT = /^export (?:function\*|async function)[^\n]*\{[ \t]*$/m;

function exerciseOf(kit: Kit, number: string): Exercise {
  const exercise = loadCourse(kit.manifestPath).exercises.find((e) => e.id.startsWith(`${number}-`));
  if (!exercise) throw new UsageError(`smoke plants into exercise ${number}, which this course does not have.`);
  return exercise;
}

/**
 * A copy of the solutions in `dir` whose every exercise file records the pid of the process
 * that loads it in `pids`, with `plant` (if any) first in its exercise's first exported function.
 */
function plantedCopy(kit: Kit, dir: string, pids: string, plant?: Plant): void {
  fs.cpSync(kit.solutionsDir, dir, { recursive: true });
  const course = loadCourse(kit.manifestPath);
  const record = `require('node:fs').appendFileSync(${JSON.stringify(pids)}, process.pid + '\\n'); // planted by smoke\n`;
  for (const exercise of course.exercises) {
    const file = path.join(dir, sourceFileOf(exercise));
    let text = record + fs.readFileSync(file, 'utf8');
    if (plant && exercise.id === exerciseOf(kit, plant.exercise).id) {
      if (!FIRST_EXPORT.test(text)) throw new UsageError(`smoke found no exported function in ${sourceFileOf(exercise)} to plant into.`);
      text = text.replace(FIRST_EXPORT, (line) => `${line}\n  ${plant.statement} // planted by smoke`);
    }
    fs.writeFileSync(file, text);
  }
}

function recorded(pids: string): number[] {
  try {
    return [...new Set(fs.readFileSync(pids, 'utf8').split('\n').filter(Boolean).map(Number))];
  } catch {
    return [];
  }
}


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The recorded processes still running after waiting up to GONE_WITHIN_MS; those are then killed. */
async function leftOver(pids: string): Promise<number[]> {
  const deadline = Date.now() + GONE_WITHIN_MS;
  let running = recorded(pids).filter(isRunning);
  while (running.length > 0 && Date.now() < deadline) {
    await sleep(200);
    running = running.filter(isRunning);
  }
  for (const pid of running) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone now.
    }
  }
  return running;
}

/** The grader of this kit, started on `args`; its output kept in `log`. */
function grader(kit: Kit, args: string[], log: string, stdin: 'ignore' | 'pipe' = 'ignore'): { child: ChildProcess; exited: Promise<number | null> } {
  const out = fs.openSync(log, 'w');
  const child = spawn(process.execPath, [path.join(kit.rootDir, 'grader', 'bin', 'grader.js'), ...args], {
    cwd: kit.rootDir,
    stdio: [stdin, out, out],
    env: { ...process.env, NO_COLOR: '1' },
  });
  fs.closeSync(out);
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.on('error', () => resolve(null));
  });
  return { child, exited };
}

/** Waits for `exited` up to `ms`; kills the child past it. */
async function within(run: { child: ChildProcess; exited: Promise<number | null> }, ms: number): Promise<{ code: number | null; late: boolean }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  const ended = await Promise.race([run.exited, late]);
  clearTimeout(timer);
  if (ended !== 'late') return { code: ended, late: false };
  run.child.kill('SIGKILL');
  await run.exited;
  return { code: null, late: true };
}

function lastLine(log: string): string {
  return fs.readFileSync(log, 'utf8').trim().split('\n').pop() ?? '';
}

async function gradesPlanted(kit: Kit, work: string, name: string, plant: Plant): Promise<Outcome> {
  const dir = path.join(work, name);
  const pids = path.join(work, `${name}.pids`);
  const report = path.join(work, `${name}.json`);
  plantedCopy(kit, dir, pids, plant);
  const planted = exerciseOf(kit, plant.exercise);
  const budgetMs = planted.timeoutSeconds * 1000;
  const run = await within(grader(kit, ['grade', '--target', dir, '--format', 'json', '--output', report, '--no-typecheck'], path.join(work, `${name}.log`)), budgetMs + GRACE_MS);
  const left = await leftOver(pids);
  const problems: string[] = [];
  let seen = '';
  if (run.late) problems.push(`no report: still running ${(budgetMs + GRACE_MS) / 1000} s after it began (a hang; killed)`);
  else if (run.code !== 0) problems.push(`exit ${run.code}: ${lastLine(path.join(work, `${name}.log`))}`);
  else {
    const result = JSON.parse(fs.readFileSync(report, 'utf8')) as GradeReport;
    for (const exercise of result.exercises) {
      const wanted = exercise.id === planted.id ? plant.status : ['passed'];
      if (!wanted.includes(exercise.status)) problems.push(`${exercise.id} ${exercise.status}, not ${wanted.join(' or ')}`);
    }
    if (problems.length === 0) seen = result.exercises.find((e) => e.id === planted.id)!.status;
  }
  const ok = !run.late && run.code === 0 && problems.length === 0;
  if (ok) problems.push(`${planted.id} ${seen}, the others passed`);
  if (left.length > 0) problems.push(`${left.length} process(es) left running: ${left.join(', ')}`);
  return { ok: ok && left.length === 0, why: problems.join('; ') };
}

/** Resolves once a process has loaded a planted file and had time to enter the loop. */
async function inTheLoop(pids: string, exited: Promise<unknown>): Promise<boolean> {
  const deadline = Date.now() + GRACE_MS;
  let gone = false;
  void exited.then(() => (gone = true));
  while (recorded(pids).length === 0 && !gone && Date.now() < deadline) await sleep(100);
  if (gone || recorded(pids).length === 0) return false;
  await sleep(IN_THE_LOOP_MS);
  return !gone;
}

/** A grade stopped from outside mid-loop: Ctrl-C where there are signals, a kill (as a closed window) on Windows. */
async function stoppedMidLoop(kit: Kit, work: string): Promise<Outcome> {
  const dir = path.join(work, 'stopped');
  const pids = path.join(work, 'stopped.pids');
  plantedCopy(kit, dir, pids, LOOP);
  const run = grader(kit, ['grade', '--target', dir, '--exercise', LOOP.exercise, '--timeout', '600', '--no-typecheck'], path.join(work, 'stopped.log'));
  if (!(await inTheLoop(pids, run.exited))) {
    await within(run, 0);
    return { ok: false, why: `the grade never reached the loop: ${lastLine(path.join(work, 'stopped.log'))}` };
  }
  run.child.kill('SIGINT');
  const stopped = await within(run, GONE_WITHIN_MS);
  const left = await leftOver(pids);
  const how = process.platform === 'win32' ? 'killed' : 'Ctrl-C';
  const problems = [
    ...(stopped.late ? [`the grader was still running ${GONE_WITHIN_MS / 1000} s after ${how} (killed)`] : []),
    ...(left.length > 0 ? [`its runner outlived it: ${left.join(', ')}`] : []),
  ];
  return { ok: problems.length === 0, why: problems.join('; ') || `${how} mid-loop: the grader and its runner ended` };
}

/** Watch mode mid-loop, with 06 waiting behind 05: `q` must end it and leave no runner. */
async function watchQuits(kit: Kit, work: string): Promise<Outcome> {
  const dir = path.join(work, 'watch');
  const pids = path.join(work, 'watch.pids');
  plantedCopy(kit, dir, pids, LOOP);
  const run = grader(kit, ['grade', '--watch', '--target', dir, '--exercise', LOOP.exercise, '06', '--timeout', '600', '--no-typecheck'], path.join(work, 'watch.log'), 'pipe');
  if (!(await inTheLoop(pids, run.exited))) {
    await within(run, 0);
    return { ok: false, why: `watch mode never reached the loop: ${lastLine(path.join(work, 'watch.log'))}` };
  }
  run.child.stdin!.write('q');
  const quit = await within(run, GONE_WITHIN_MS);
  const left = await leftOver(pids);
  const problems = [
    ...(quit.late ? [`still running ${GONE_WITHIN_MS / 1000} s after q (killed)`] : quit.code !== 0 ? [`exit ${quit.code} after q`] : []),
    ...(left.length > 0 ? [`a runner was left: ${left.join(', ')}`] : []),
  ];
  return { ok: problems.length === 0, why: problems.join('; ') || 'q mid-loop: exit 0, no runner left' };
}

export async function smokeCommand(options: SmokeOptions, write: (text: string) => void = (text) => process.stdout.write(text)): Promise<number> {
  const kit = locateKit();
  if (!fs.existsSync(kit.solutionsDir)) throw new UsageError('smoke grades planted copies of the solutions; this copy of the kit has none.');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'coroutine-smoke-'));
  const scenarios: Array<[string, () => Promise<Outcome>]> = [
    ['an endless loop in 05', () => gradesPlanted(kit, work, 'loop', LOOP)],
    ['a microtask loop in 11', () => gradesPlanted(kit, work, 'microtask-loop', MICROTASK_LOOP)],
    ['process.exit in 05', () => gradesPlanted(kit, work, 'exit', EXIT)],
    ['running out of memory in 05', () => gradesPlanted(kit, work, 'out-of-memory', OUT_OF_MEMORY)],
    ['the grader stopped mid-loop', () => stoppedMidLoop(kit, work)],
    ['watch mode quits on q mid-loop', () => watchQuits(kit, work)],
  ];
  write(`smoke: Node.js ${process.version} on ${process.platform} (${os.arch()})\n`);
  let failed = 0;
  try {
    for (const [title, scenario] of scenarios) {
      const started = Date.now();
      const outcome = await scenario();
      if (!outcome.ok) failed++;
      write(`${outcome.ok ? 'PASS' : 'FAIL'}  ${title.padEnd(32)} ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s  ${outcome.why}\n`);
    }
  } finally {
    if (options.keep) write(`smoke: kept the planted copies, reports and logs in ${work}\n`);
    else fs.rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  }
  write(`smoke: ${scenarios.length - failed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}
