/**
 * Grades a unit of pairs in runner processes: one process at a time, watched from outside.
 * An attempt runs every pair not yet settled; when it ends early (a pair overran its budget,
 * or student code killed the process), the pairs that had not started run again in a fresh
 * process. Each attempt settles at least one pair, so the loop ends (./watchdog.ts judges).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { GraderFault } from '../errors';
import type { Kit } from '../kit';
import { readEvents } from '../protocol/events';
import type { CompiledSources, PairPlan, RunnerPlan } from '../protocol/plan';
import type { ExerciseOutcome } from '../report/outcome';
import { refOf, type PairJob } from './jobs';
import { runnerConfigs } from './jest-config';
import { scratchFolder } from './lifetime';
import { startRunner, type PendingRunner, type ProcessExit, type WarmRunner } from './runner-process';
import { removeLayout, sandboxCommand, sandboxLayout, type SandboxLayout, type SandboxOptions } from './sandbox';
import { compileSources, exerciseSources, type SourceFile } from './sources';
import type { TypeScriptThread } from './typescript';
import { applyEvent, newAttempt, settleAttempt, stallOf, type AttemptEnd, type Limits, type Settled } from './watchdog';

/** How often the watchdog reads the events file while it waits. */
const POLL_MS = 25;

const LIMITS: Limits = {
  // Loading runs no student code (specs load the exercise lazily, inside their tests).
  loadingMs: 60_000,
  finishingMs: 10_000,
  // Past this, the runner's own limit (which stops a promise that never settles) has failed.
  graceMs: 1_000,
};

export interface UnitOptions {
  kit: Kit;
  thread: TypeScriptThread;
  /** The grader's own files (hidden specs and what they import), compiled once for the whole grade. */
  trusted: Promise<CompiledSources>;
  /** Grade in the sandbox (./sandbox.ts): for code that is not the instructor's. */
  sandbox?: SandboxOptions;
  /** A runner process kept between runs (watch mode); without it each attempt starts its own. */
  warm?: WarmRunner;
  onOutcome?: (outcome: ExerciseOutcome) => void;
  /** Set when the grade as a whole has failed: the unit stops its runner and gives up. */
  signal?: AbortSignal;
}

interface UnitRun {
  scratch: string;
  layout?: SandboxLayout;
  sourcesFile: string;
  /** Settles once the compiled sources are written (the first attempt's runner loads Jest meanwhile). */
  sourcesSha256: Promise<string>;
}

/** Where a file of the grader's side is, as the runner sees it. */
function seenBy(run: UnitRun, hostPath: string): string {
  if (!run.layout) return hostPath;
  if (hostPath.startsWith(`${run.scratch}${path.sep}`) || hostPath === run.scratch) return path.join(run.layout.run, path.relative(run.scratch, hostPath));
  for (const [host, inside] of run.layout.targets) {
    if (hostPath.startsWith(`${host}${path.sep}`)) return path.join(inside, path.relative(host, hostPath));
  }
  return hostPath;
}

function prepare(jobs: PairJob[], options: UnitOptions, scratch: string): UnitRun {
  const targetDirs = [...new Set(jobs.map((j) => j.targetDir))];
  const layout = options.sandbox ? sandboxLayout(targetDirs) : undefined;
  const run: UnitRun = { scratch, ...(layout ? { layout } : {}), sourcesFile: path.join(scratch, 'sources.json'), sourcesSha256: Promise.resolve('') };
  const files: SourceFile[] = jobs
    .flatMap((job) => exerciseSources(job.targetDir, job.exerciseId))
    .map((file) => ({ file, seenAs: seenBy(run, file), trusted: false }));
  const compiled = Promise.all([options.trusted, compileSources(files, options.thread, options.kit.cacheDirectory)]);
  run.sourcesSha256 = compiled.then(([trusted, students]) => {
    const text = JSON.stringify({ ...trusted, ...students });
    fs.writeFileSync(run.sourcesFile, text);
    return crypto.createHash('sha256').update(text).digest('hex');
  });
  // Awaited by the attempt; a failure must not go unhandled meanwhile.
  run.sourcesSha256.catch(() => undefined);
  return run;
}

function died(exit: ProcessExit, stderr: string): AttemptEnd {
  const how = exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
  const outOfMemory = exit.signal === 'SIGABRT' || exit.code === 134 || /heap out of memory|ERR_WORKER_OUT_OF_MEMORY/i.test(stderr);
  const lastWords = stderr.trim().split('\n').pop()?.slice(0, 300) ?? '';
  return { kind: 'died', how, outOfMemory, lastWords };
}

async function runAttempt(jobs: PairJob[], options: UnitOptions, run: UnitRun, attempt: number): Promise<Settled> {
  const { kit } = options;
  const eventsFile = path.join(run.scratch, `events-${attempt}.jsonl`);
  const planFile = path.join(run.scratch, `plan-${attempt}.json`);
  const eventsKey = crypto.randomBytes(32).toString('hex');
  const pairs: PairPlan[] = jobs.map((job) => ({
    ...refOf(job),
    targetDir: run.layout?.targets.get(job.targetDir) ?? job.targetDir,
    specFile: job.specFile,
    exports: job.exports,
    budgetMs: job.budgetMs,
  }));
  // Started first: it loads Jest while the plan is made.
  const pending =
    options.warm?.pending() ?? (run.layout && options.sandbox ? startSandboxed(run, options.sandbox, kit.rootDir) : startRunner(kit.rootDir));
  try {
    const configs = await runnerConfigs(kit, {
      // A sandboxed run gets a cache of its own, which no other submission's code can write.
      cacheDirectory: run.layout ? seenBy(run, path.join(run.scratch, 'cache')) : path.join(kit.cacheDirectory, 'jest'),
      longestBudgetMs: Math.max(...jobs.map((j) => j.budgetMs)),
    });
    const plan: RunnerPlan = {
      eventsFile: seenBy(run, eventsFile),
      eventsKey,
      pairs,
      sources: { file: seenBy(run, run.sourcesFile), sha256: await run.sourcesSha256 },
      ...configs,
    };
    fs.writeFileSync(planFile, JSON.stringify(plan));
    fs.writeFileSync(eventsFile, '');
  } catch (error) {
    await pending.abandon();
    throw error;
  }
  const runner = pending.sendPlan(seenBy(run, planFile));

  const state = newAttempt(jobs);
  const startedAt = Date.now();
  let offset = 0;
  const readNew = (): void => {
    const read = readEvents(eventsFile, offset, eventsKey);
    offset = read.offset;
    for (const event of read.events) applyEvent(state, event);
  };
  let end: AttemptEnd | undefined;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<void>((resolve) => {
    onAbort = () => resolve();
    options.signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    for (;;) {
      if (options.signal?.aborted) throw new GraderFault('The grade was stopped.');
      readNew();
      if (state.complete || state.runFailed !== undefined) end = { kind: 'completed' };
      else if (runner.exit()) {
        // Lines written just before the end.
        readNew();
        end = state.complete ? { kind: 'completed' } : died(runner.exit()!, runner.stderrTail());
      } else {
        const stall = stallOf(state, Date.now(), startedAt, LIMITS);
        if (stall) end = { kind: 'stopped', stall };
      }
      if (end) break;
      await Promise.race([new Promise((resolve) => setTimeout(resolve, POLL_MS)), runner.exited, aborted]);
    }
  } finally {
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    if (end?.kind === 'completed') await runner.release();
    else await runner.stop();
  }
  return settleAttempt(state, end);
}

/** Messages name the sandbox's paths; the student knows their files by the real ones. */
function withHostPaths(outcome: ExerciseOutcome, layout: SandboxLayout | undefined): ExerciseOutcome {
  if (!layout) return outcome;
  const rename = (text: string): string => {
    for (const [host, inside] of layout.targets) text = text.split(inside).join(host);
    return text;
  };
  return {
    ...outcome,
    tests: outcome.tests.map((t) => (t.message === undefined ? t : { ...t, message: rename(t.message) })),
    ...(outcome.problem ? { problem: { ...outcome.problem, message: rename(outcome.problem.message) } } : {}),
  };
}

function startSandboxed(run: UnitRun, sandbox: SandboxOptions, cwd: string): PendingRunner {
  const layout = run.layout!;
  fs.mkdirSync(path.join(run.scratch, 'tmp'), { recursive: true });
  return startRunner(cwd, (script, args) => sandboxCommand(layout, run.scratch, sandbox, script, args), { TMPDIR: seenBy(run, path.join(run.scratch, 'tmp')) });
}

export async function runUnit(jobs: PairJob[], options: UnitOptions): Promise<ExerciseOutcome[]> {
  const folder = scratchFolder('grader');
  const scratch = folder.dir;
  let run: UnitRun | undefined;
  try {
    // Compiled once: a later attempt must not take up what student code wrote during an earlier one.
    run = prepare(jobs, options, scratch);
    const outcomes: ExerciseOutcome[] = [];
    let pending = jobs;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const settled = await runAttempt(pending, options, run, attempt);
      if (settled.fault !== undefined) throw new GraderFault(settled.fault);
      for (const found of settled.outcomes) {
        const outcome = withHostPaths(found, run.layout);
        options.onOutcome?.(outcome);
        outcomes.push(outcome);
      }
      pending = settled.rerun;
    }
    return outcomes;
  } finally {
    if (run?.layout) removeLayout(run.layout);
    folder.remove();
  }
}
