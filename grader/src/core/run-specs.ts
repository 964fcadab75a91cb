/**
 * Runs hidden specs against graded folders in as few Jest runs as possible, and survives
 * student code that never returns or kills its process.
 *
 * All selected (target, exercise) pairs go into one Jest run. The run reports live through
 * the events file (see ../jest/events.ts). A watchdog here, outside Jest, gives each spec
 * file its exercise's budget from the moment it starts. When a file overruns, or Jest's
 * process dies, the run is stopped; files that had finished keep their results, the culprit
 * keeps the tests it finished and gets `timeout` or `error` for the one it was running, and
 * a new run takes every file that had not finished. Each restart settles at least one file,
 * so the loop ends.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GraderFault } from '../errors';
import type { JestPlan, SpecSourcesRef } from '../jest/config';
import { readEvents, type GradingEvent, type RawTestResult } from '../jest/events';
import { startOneShot, type JestRun, type WarmJest } from './jest-process';
import { removeLayout, sandboxCommand, sandboxLayout, type SandboxOptions } from './sandbox';

export interface SpecJob {
  /** Names the graded target; jobs of one target share it. */
  targetKey: string;
  targetDir: string;
  exerciseId: string;
  specFile: string;
  timeoutMs: number;
}

export interface SpecOutcome {
  job: SpecJob;
  /** Every test the spec reported, in order. Empty when the spec could not be collected. */
  tests: RawTestResult[];
  /** Why the exercise as a whole could not be graded normally. */
  problem?: { status: 'error' | 'timeout'; message: string };
}

export interface RunOptions {
  rootDir: string;
  specsDir: string;
  manifestPath: string;
  cacheDirectory: string;
  maxWorkers: number;
  /** Grade in the sandbox (./sandbox.ts): for code that is not the instructor's. */
  sandbox?: SandboxOptions;
  /** A Jest process kept between runs (watch mode); without it each run starts its own. */
  warm?: WarmJest;
  /** Called as each exercise settles, for progress displays. */
  onOutcome?: (outcome: SpecOutcome) => void;
}

/** How often the watchdog reads the events file. */
const POLL_MS = 50;
/**
 * Loading a spec runs no student code (specs load the exercise lazily, inside tests), but the
 * first file of a run pays for warming up the TypeScript transform, so it gets its own limit.
 */
const LOAD_LIMIT_MS = 60_000;

interface FileState {
  job: SpecJob;
  /** When Jest started on the file: loading the spec (and warming up the transform) begins. */
  loadingSince?: number;
  /** When the spec's tests were collected: the exercise's budget runs from here. */
  startedAt?: number;
  collected?: string[];
  done: Map<string, RawTestResult>;
  running?: string;
  exitCode?: unknown;
  /** Set when Jest reported the file's result: the file is settled. */
  outcome?: SpecOutcome;
}

const keyOf = (project: string, file: string): string => `${project}\u0000${file}`;

function outcomeFromResult(state: FileState, result: Extract<GradingEvent, { type: 'file-result' }>): SpecOutcome {
  if (result.execError !== undefined && result.tests.length === 0) {
    // The spec file could not finish: with Jest's workers, a worker that died (the student's
    // process.exit, say) ends up here. The live events still tell which test it was in.
    if (state.collected) return outcomeFromInterruption(state, 'error', crashMessage(state, result.execError));
    return { job: state.job, tests: [], problem: { status: 'error', message: result.execError } };
  }
  const loadError = result.tests.find((t) => t.status === 'error');
  return {
    job: state.job,
    tests: result.tests,
    ...(loadError ? { problem: { status: 'error' as const, message: loadError.message ?? 'the exercise could not be loaded' } } : {}),
  };
}

function crashMessage(state: FileState, detail: string): string {
  if (state.exitCode !== undefined) return `process.exit(${state.exitCode ?? ''}) was called ${describeRunning(state)}.`;
  // V8's "heap out of memory", Jest's "Jest worker ran out of memory and crashed".
  if (/out of memory|ERR_WORKER_OUT_OF_MEMORY/i.test(detail)) {
    return `Ran out of memory ${describeRunning(state)} (an endless loop that keeps allocating?).`;
  }
  return `The test process crashed ${describeRunning(state)}: ${detail}`;
}

/** The culprit of a stopped run keeps what it finished; the test it was in takes the blame. */
function outcomeFromInterruption(state: FileState, status: 'error' | 'timeout', message: string): SpecOutcome {
  const names = state.collected ?? [...state.done.keys()];
  const tests: RawTestResult[] = names.map((name) => {
    const done = state.done.get(name);
    if (done) return done;
    if (name === state.running) return { name, status, message };
    return { name, status: 'not-run', message: 'Not run: an earlier test of this exercise did not finish.' };
  });
  return { job: state.job, tests, problem: { status, message } };
}

function describeRunning(state: FileState): string {
  if (state.running) return `while running "${state.running}"`;
  const last = [...state.done.keys()].pop();
  return last ? `after "${last}"` : 'while loading the exercise';
}

interface RunAttempt {
  outcomes: SpecOutcome[];
  /** Files to run again: they were cut short through no fault of their own. */
  unfinished: SpecJob[];
}

/**
 * Copies every file under the specs folder, before any student code runs, into `into`. Student
 * code may write to the specs folder (outside the sandbox); the specs of this run still run
 * as read here (see `createTransformer` in ../jest/config.ts). Keyed by the paths Jest may
 * name the files by.
 */
function saveSpecSources(specsDir: string, into: string): SpecSourcesRef {
  const sources: Record<string, string> = {};
  for (const name of fs.readdirSync(specsDir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(specsDir, name);
    if (!name.endsWith('.ts') || !fs.statSync(file).isFile()) continue;
    const text = fs.readFileSync(file, 'utf8');
    sources[file] = text;
    sources[fs.realpathSync(file)] = text;
  }
  const text = JSON.stringify(sources);
  fs.writeFileSync(into, text);
  return { file: into, sha256: crypto.createHash('sha256').update(text).digest('hex') };
}

async function runOnce(jobs: SpecJob[], options: RunOptions, scratch: string, attempt: number, specSources: SpecSourcesRef): Promise<RunAttempt> {
  const states = new Map<string, FileState>();
  const projects = new Map<string, JestPlan['projects'][number]>();
  for (const job of jobs) {
    states.set(keyOf(job.targetKey, job.specFile), { job, done: new Map() });
    const project = projects.get(job.targetKey) ?? { key: job.targetKey, targetDir: job.targetDir, specFiles: [] };
    project.specFiles.push(job.specFile);
    projects.set(job.targetKey, project);
  }
  const eventsFile = path.join(scratch, `events-${attempt}.jsonl`);
  // Only lines signed with it are read back: student code can write to the events file.
  const eventsKey = crypto.randomBytes(32).toString('hex');
  const planFile = path.join(scratch, `plan-${attempt}.json`);
  // In the sandbox, Jest sees the run folder and the targets at other paths (see ./sandbox.ts).
  const layout = options.sandbox ? sandboxLayout([...projects.values()].map((p) => p.targetDir)) : undefined;
  const inside = (hostPath: string): string => (layout ? path.join(layout.run, path.relative(scratch, hostPath)) : hostPath);
  const plan: JestPlan = {
    rootDir: options.rootDir,
    eventsFile: inside(eventsFile),
    manifestPath: options.manifestPath,
    specsDir: options.specsDir,
    // A sandboxed run gets a cache of its own, which no other submission's code can write.
    cacheDirectory: layout ? inside(path.join(scratch, 'cache')) : options.cacheDirectory,
    maxWorkers: options.maxWorkers,
    // Jest's own per-test limit fails a test whose promise never settles without stopping
    // the run; half the budget leaves the watchdog for what Jest cannot interrupt.
    testTimeoutMs: Math.max(500, Math.min(...jobs.map((j) => j.timeoutMs)) / 2),
    ...(layout ? { inBand: true } : {}),
    projects: [...projects.values()].map((p) => (layout ? { ...p, targetDir: layout.targets.get(p.targetDir)! } : p)),
    specSources: { ...specSources, file: inside(specSources.file) },
    eventsKey,
  };
  fs.writeFileSync(planFile, JSON.stringify(plan));
  fs.writeFileSync(eventsFile, '');

  let jest: JestRun;
  if (layout && options.sandbox) {
    fs.mkdirSync(path.join(scratch, 'tmp'), { recursive: true });
    const sandbox = options.sandbox;
    jest = startOneShot(inside(planFile), options.rootDir, (script, args) => sandboxCommand(layout, scratch, sandbox, script, args), {
      TMPDIR: inside(path.join(scratch, 'tmp')),
    });
  } else {
    jest = options.warm ? options.warm.run(planFile) : startOneShot(planFile, options.rootDir);
  }
  try {
    const result = await watchRun(jobs, states, options, jest, eventsFile, eventsKey);
    // Messages name the sandbox's paths; the student knows their files by the real ones.
    if (layout) for (const [host, view] of layout.targets) renamePaths(result.outcomes, view, host);
    return result;
  } finally {
    if (layout) removeLayout(layout);
  }
}

function renamePaths(outcomes: SpecOutcome[], from: string, to: string): void {
  const rename = (text: string | undefined): string | undefined => text?.split(from).join(to);
  for (const outcome of outcomes) {
    for (const test of outcome.tests) if (test.message !== undefined) test.message = rename(test.message);
    if (outcome.problem) outcome.problem.message = rename(outcome.problem.message)!;
  }
}

async function watchRun(
  jobs: SpecJob[],
  states: Map<string, FileState>,
  options: RunOptions,
  jest: JestRun,
  eventsFile: string,
  eventsKey: string,
): Promise<RunAttempt> {
  let offset = 0;
  let complete = false;
  const apply = (event: GradingEvent): void => {
    if (event.type === 'run-complete') {
      complete = true;
      return;
    }
    const state = states.get(keyOf(event.project, event.file));
    if (!state) return;
    switch (event.type) {
      case 'file-start':
        // Jest may retry a file whose worker died; each start begins afresh.
        state.loadingSince = event.time;
        state.startedAt = undefined;
        state.collected = undefined;
        state.done.clear();
        state.running = undefined;
        break;
      case 'collected':
        state.collected = event.tests;
        state.startedAt = Date.now();
        break;
      case 'test-start':
        state.running = event.name;
        break;
      case 'test-done':
        state.done.set(event.test.name, event.test);
        if (state.running === event.test.name) state.running = undefined;
        break;
      case 'exit-called':
        // This attempt is over. Jest's workers retry a file whose worker died, so the
        // budget waits for the retry to collect its tests again.
        state.exitCode = event.code;
        state.startedAt = undefined;
        state.loadingSince = Date.now();
        break;
      case 'file-result':
        state.outcome = outcomeFromResult(state, event);
        options.onOutcome?.(state.outcome);
        break;
    }
  };

  const stalled: FileState[] = [];
  try {
    for (;;) {
      const read = readEvents(eventsFile, offset, eventsKey);
      offset = read.offset;
      read.events.forEach(apply);
      if (complete || jest.exit()) break;
      const now = Date.now();
      for (const state of states.values()) {
        if (state.outcome) continue;
        const overBudget = state.startedAt !== undefined && now - state.startedAt > state.job.timeoutMs;
        const stuckLoading = state.startedAt === undefined && state.loadingSince !== undefined && now - state.loadingSince > LOAD_LIMIT_MS;
        if (overBudget || stuckLoading) stalled.push(state);
      }
      if (stalled.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    if (complete && stalled.length === 0) await jest.release();
    else await jest.stop();
  }
  const exit = jest.exit();
  const stderrTail = jest.stderrTail();
  // Events written just before the end.
  readEvents(eventsFile, offset, eventsKey).events.forEach(apply);

  const outcomes: SpecOutcome[] = [];
  const unfinished: SpecJob[] = [];
  const culprits = new Set<FileState>(stalled);
  if (!complete && stalled.length === 0) {
    // Jest's process died. In Jest's in-band mode only one file runs at a time; with
    // workers Jest survives a worker's death itself. So the file that started last is the one.
    const running = [...states.values()].filter((s) => !s.outcome && s.loadingSince !== undefined);
    running.sort((a, b) => (b.loadingSince ?? 0) - (a.loadingSince ?? 0));
    if (running[0]) culprits.add(running[0]);
    else {
      const how = exit?.signal ? `signal ${exit.signal}` : `exit code ${exit?.code}`;
      throw new GraderFault(`Jest stopped (${how}) before running any spec: ${stderrTail.trim().split('\n').slice(-3).join(' ') || 'no message'}`);
    }
  }
  for (const state of states.values()) {
    if (state.outcome) {
      outcomes.push(state.outcome);
    } else if (culprits.has(state)) {
      const seconds = Math.round(state.job.timeoutMs / 100) / 10;
      let outcome: SpecOutcome;
      if (stalled.includes(state)) {
        outcome = outcomeFromInterruption(
          state,
          'timeout',
          `Stopped after ${seconds} s ${describeRunning(state)}: it never finished (an endless loop, or a wait for something that never happens).`,
        );
      } else {
        const how = exit?.signal ? `signal ${exit.signal}` : `exit code ${exit?.code}`;
        const memory = exit?.signal === 'SIGABRT' || exit?.code === 134;
        outcome = outcomeFromInterruption(state, 'error', crashMessage(state, memory ? 'heap out of memory' : `${how}; ${stderrTail.trim().split('\n').pop() ?? ''}`));
      }
      options.onOutcome?.(outcome);
      outcomes.push(outcome);
    } else {
      unfinished.push(state.job);
    }
  }
  if (complete && unfinished.length > 0) {
    throw new GraderFault(`Jest finished without running ${unfinished.map((j) => path.basename(j.specFile)).join(', ')}.`);
  }
  return { outcomes, unfinished };
}

export async function runSpecs(jobs: SpecJob[], options: RunOptions): Promise<SpecOutcome[]> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'coroutine-grader-'));
  try {
    // Read once: a later attempt must not take up what student code wrote during an earlier one.
    const specSources = saveSpecSources(options.specsDir, path.join(scratch, 'specs.json'));
    const outcomes: SpecOutcome[] = [];
    let pending = jobs;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const result = await runOnce(pending, options, scratch, attempt, specSources);
      outcomes.push(...result.outcomes);
      pending = result.unfinished;
    }
    return outcomes;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
