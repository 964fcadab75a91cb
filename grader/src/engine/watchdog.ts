/**
 * The watchdog's judgement, apart from its I/O: a reducer that folds a run's events into what
 * the grader knows of each pair, when a pair is overdue, and how each pair is settled when a
 * run attempt ends. Pure, so that every verdict has a unit test (grader/test/engine.watchdog.test.ts);
 * ./run-unit.ts does the reading, the waiting and the killing.
 *
 * The runner grades pairs one after another in one process. An exercise that hangs
 * synchronously (an endless loop) cannot be stopped from inside, so the watchdog kills the
 * process once it is past its budget (plus a grace: a hang that the runner can stop itself, a
 * promise that never settles, is left to it). A process that dies names its culprit by the pair
 * that was running. Either way, pairs that finished keep what they earned, the culprit keeps the
 * tests it finished, and pairs that had not started run again in a fresh process.
 */
import type { GradingEvent } from '../protocol/events';
import { NOT_RUN_AFTER_TIMEOUT, secondsText, type RawTestResult } from '../protocol/failures';
import { pairKey } from '../protocol/names';
import type { ExerciseOutcome } from '../report/outcome';
import { keyOf, type PairJob } from './jobs';

/** What the grader has learnt of one pair during an attempt. */
export interface PairProgress {
  job: PairJob;
  /** Its tests, in order, once the course file registered them. */
  tests?: string[];
  startedAt?: number;
  finishedAt?: number;
  done: Map<string, RawTestResult>;
  running?: string;
  /** Jest's own results, when the run completed. */
  results?: RawTestResult[];
}

export interface AttemptState {
  pairs: Map<string, PairProgress>;
  collected: boolean;
  /** The code student code passed to `process.exit`, if it called it. */
  exitCalled?: string;
  complete: boolean;
  runFailed?: string;
}

export function newAttempt(jobs: PairJob[]): AttemptState {
  return { pairs: new Map(jobs.map((job) => [keyOf(job), { job, done: new Map() }])), collected: false, complete: false };
}

export function applyEvent(state: AttemptState, event: GradingEvent): void {
  const progress = 'pair' in event ? state.pairs.get(pairKey(event.pair)) : undefined;
  switch (event.type) {
    case 'collected':
      state.collected = true;
      for (const { pair, tests } of event.pairs) {
        const found = state.pairs.get(pairKey(pair));
        if (found) found.tests = tests;
      }
      break;
    case 'exercise-start':
      if (progress) progress.startedAt = event.time;
      break;
    case 'test-start':
      if (progress) progress.running = event.name;
      break;
    case 'test-done':
      if (progress) {
        progress.done.set(event.test.name, event.test);
        if (progress.running === event.test.name) progress.running = undefined;
      }
      break;
    case 'exercise-done':
      if (progress) {
        progress.finishedAt = event.time;
        progress.running = undefined;
      }
      break;
    case 'exit-called':
      state.exitCalled = event.code;
      break;
    case 'results':
      for (const { pair, tests } of event.pairs) {
        const found = state.pairs.get(pairKey(pair));
        if (found) found.results = tests;
      }
      break;
    case 'run-failed':
      state.runFailed = event.message;
      break;
    case 'run-complete':
      state.complete = true;
      break;
  }
}

export interface Limits {
  /** How long the runner may take to load Jest and register every spec. */
  loadingMs: number;
  /** How long the runner may take to finish once every pair has. */
  finishingMs: number;
  /** How far past its budget a pair may go before the watchdog steps in (see the module comment). */
  graceMs: number;
}

export type Stall = { kind: 'overdue'; pair: PairProgress } | { kind: 'loading' } | { kind: 'finishing' };

/** Whether the attempt must be stopped now. `startedAt` is when the runner process started. */
export function stallOf(state: AttemptState, now: number, startedAt: number, limits: Limits): Stall | undefined {
  if (!state.collected) return now - startedAt > limits.loadingMs ? { kind: 'loading' } : undefined;
  const pairs = [...state.pairs.values()];
  for (const pair of pairs) {
    if (pair.startedAt !== undefined && pair.finishedAt === undefined && now - pair.startedAt > pair.job.budgetMs + limits.graceMs) {
      return { kind: 'overdue', pair };
    }
  }
  // Every pair is done, and the results are not coming: nothing is left to blame or to lose.
  const lastDone = Math.max(...pairs.map((p) => p.finishedAt ?? Infinity));
  if (pairs.length > 0 && Number.isFinite(lastDone) && now - lastDone > limits.finishingMs) return { kind: 'finishing' };
  return undefined;
}

/** How an attempt ended, as the watchdog saw it. */
export type AttemptEnd =
  | { kind: 'completed' }
  | { kind: 'stopped'; stall: Stall }
  | { kind: 'died'; how: string; outOfMemory: boolean; lastWords: string };

/** A finished attempt's verdicts; `fault` means the grader, not student code, went wrong. */
export interface Settled {
  outcomes: ExerciseOutcome[];
  rerun: PairJob[];
  fault?: string;
}

function where(pair: PairProgress): string {
  if (pair.running) return `while running "${pair.running}"`;
  const last = [...pair.done.keys()].pop();
  return last ? `after "${last}"` : 'while loading the exercise';
}

function crashMessage(state: AttemptState, pair: PairProgress, end: Extract<AttemptEnd, { kind: 'died' }>): string {
  if (state.exitCalled !== undefined) return `process.exit(${state.exitCalled}) was called ${where(pair)}.`;
  if (end.outOfMemory) return `Ran out of memory ${where(pair)} (an endless loop that keeps allocating?).`;
  return `The test process crashed ${where(pair)} (${end.how}${end.lastWords ? `; ${end.lastWords}` : ''}).`;
}

function outcomeOf(pair: PairProgress, tests: RawTestResult[], problem?: ExerciseOutcome['problem']): ExerciseOutcome {
  const loadError = problem ? undefined : tests.find((t) => t.status === 'error');
  const found = problem ?? (loadError ? { status: 'error' as const, message: loadError.message ?? 'The exercise could not be loaded.' } : undefined);
  const durationMs = pair.startedAt !== undefined && pair.finishedAt !== undefined ? pair.finishedAt - pair.startedAt : undefined;
  return {
    targetIndex: pair.job.targetIndex,
    exerciseId: pair.job.exerciseId,
    tests,
    ...(found ? { problem: found } : {}),
    ...(durationMs !== undefined ? { durationMs } : {}),
  };
}

/** The culprit of a stopped or dead attempt keeps what it finished; the test it was in takes the blame. */
function interrupted(pair: PairProgress, status: 'error' | 'timeout', message: string): ExerciseOutcome {
  const names = pair.tests ?? [...pair.done.keys()];
  const tests: RawTestResult[] = names.map((name) => {
    const done = pair.done.get(name);
    if (done) return done;
    if (name === pair.running) return { name, status, message };
    return { name, status: 'not-run', message: NOT_RUN_AFTER_TIMEOUT };
  });
  return outcomeOf(pair, tests, { status, message });
}

export function settleAttempt(state: AttemptState, end: AttemptEnd): Settled {
  if (state.runFailed !== undefined) return { outcomes: [], rerun: [], fault: `Jest could not run the specs: ${state.runFailed}` };
  if (end.kind === 'stopped' && end.stall.kind === 'loading') return { outcomes: [], rerun: [], fault: 'The test runner took too long to load the specs.' };
  const pairs = [...state.pairs.values()];
  let culprit: PairProgress | undefined;
  let culpritOutcome: ExerciseOutcome | undefined;
  if (end.kind === 'stopped' && end.stall.kind === 'overdue') {
    culprit = end.stall.pair;
    culpritOutcome = interrupted(
      culprit,
      'timeout',
      `Stopped after ${secondsText(culprit.job.budgetMs)} ${where(culprit)}: it never finished (an endless loop, or a wait for something that never happens).`,
    );
  } else if (end.kind === 'died') {
    // One pair runs at a time: the one that started and did not finish is the one.
    culprit = pairs.find((p) => p.startedAt !== undefined && p.finishedAt === undefined && p.results === undefined);
    if (culprit) culpritOutcome = interrupted(culprit, 'error', crashMessage(state, culprit, end));
  }

  const outcomes: ExerciseOutcome[] = [];
  const rerun: PairJob[] = [];
  for (const pair of pairs) {
    if (pair === culprit) outcomes.push(culpritOutcome!);
    else if (pair.results) outcomes.push(outcomeOf(pair, pair.results));
    else if (pair.finishedAt !== undefined) outcomes.push(outcomeOf(pair, (pair.tests ?? [...pair.done.keys()]).map((name) => pair.done.get(name) ?? { name, status: 'not-run', message: 'Not reported.' })));
    else rerun.push(pair.job);
  }
  if (end.kind === 'completed' && rerun.length > 0) {
    return { outcomes, rerun: [], fault: `The run finished without grading ${rerun.map((j) => j.exerciseId).join(', ')}.` };
  }
  // A death with no culprit and nothing finished would repeat forever.
  if (end.kind === 'died' && !culprit && outcomes.length === 0) {
    return { outcomes, rerun: [], fault: `The test runner stopped (${end.how}) before grading anything${end.lastWords ? `: ${end.lastWords}` : ''}.` };
  }
  return { outcomes, rerun };
}
