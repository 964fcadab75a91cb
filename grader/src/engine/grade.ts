/**
 * Grades target folders and returns a report for each: the one entry to the engine for every
 * command (`grade`, `list`, `verify`, `batch`, watch mode). It plans the pairs into units, one
 * runner process each (./run-unit.ts), runs the units side by side, and hands the outcomes to
 * scoring (../report/report.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sourceFileOf, type Exercise } from '../course';
import { GraderFault } from '../errors';
import { specFileOf, type Kit } from '../kit';
import type { ExerciseOutcome, TypeError } from '../report/outcome';
import { withDiagnoses } from '../report/diagnose';
import { buildReport, withTypeErrors, type GradeReport } from '../report/report';
import { knownMistakesOf } from '../signatures';
import type { PairJob } from './jobs';
import { sweepScratchOnce } from './lifetime';
import { runUnit, type UnitOptions } from './run-unit';
import type { WarmRunner } from './runner-process';
import { compileTrusted } from './sources';
import { TypeScriptThread } from './typescript';

export interface GradeTarget {
  /** How reports and messages name the folder (`exercises`, `solutions`, a path). */
  label: string;
  /**
   * How messages name it, when not by `label`: a student's copy is graded from a staged folder,
   * and its messages name files where any copy of the kit has them (`exercises/…`), so that the
   * same work gives the same messages whatever its folder and however it was graded.
   */
  messageLabel?: string;
  dir: string;
  exercises: Exercise[];
}

export interface GradeSettings {
  /** Overrides every exercise's own budget. */
  timeoutSeconds?: number;
  /** Runner processes side by side (default: one per core). */
  lanes?: number;
  /**
   * Grade in the sandbox, each target in a runner of its own: student code cannot write
   * outside its run folder, start processes or threads, reach the network, see or signal other
   * processes, or read the kit's solutions and known-wrong implementations, nor the folders
   * listed in `hide` (other students' work).
   */
  sandbox?: { hide: string[] };
  /** Each target in a runner process of its own, also without the sandbox (a class of students). */
  processPerTarget?: boolean;
  /** A runner process kept between calls (watch mode). */
  warm?: WarmRunner;
  /** The TypeScript thread to use (watch mode keeps one); else one is made for the call. */
  thread?: TypeScriptThread;
  /** Type-check the first target too (this is for `grade`). */
  typecheck?: boolean;
  /** Type errors cost the exercise its points. */
  strictTypes?: boolean;
  onOutcome?: (targetIndex: number, outcome: ExerciseOutcome) => void;
  /** Called with each target's report as soon as all its exercises are graded (a batch saves it then). */
  onReport?: (targetIndex: number, report: GradeReport) => void;
  /** Stops the grade (watch mode quitting): its runners are killed and the call fails. */
  signal?: AbortSignal;
}

/**
 * A runner pays a fixed price (start Node, load Jest, make the test realm) before its first
 * test, and its garbage collector and compiler already use a second core: a whole course (with
 * the type check beside it) grades faster in one runner than in two (npm run bench shows it).
 */
const PAIRS_PER_EXTRA_LANE = 20;

export function defaultLanes(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/** Pairs into units: a unit per target where targets must not share a process, else a few even ones. */
export function planUnits(jobs: PairJob[], lanes: number, processPerTarget: boolean): PairJob[][] {
  if (processPerTarget) {
    const byTarget = new Map<number, PairJob[]>();
    for (const job of jobs) byTarget.set(job.targetIndex, [...(byTarget.get(job.targetIndex) ?? []), job]);
    return [...byTarget.values()];
  }
  const count = Math.max(1, Math.min(lanes, Math.ceil(jobs.length / PAIRS_PER_EXTRA_LANE)));
  const units: PairJob[][] = Array.from({ length: count }, () => []);
  // Dealt round-robin, so each unit gets a share of every target and of every exercise.
  jobs.forEach((job, i) => units[i % count]!.push(job));
  return units.filter((u) => u.length > 0);
}

/**
 * Runs the tasks, `lanes` at a time. When one fails, the others are told (`abort`) and awaited,
 * so that no runner is left working for a grade that is over; then the first failure is thrown.
 */
export async function inLanes(tasks: Array<() => Promise<unknown>>, lanes: number, abort: AbortController): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  await Promise.all(
    Array.from({ length: Math.min(lanes, tasks.length) }, async () => {
      for (let i = next++; i < tasks.length && !failure; i = next++) {
        try {
          await tasks[i]!();
        } catch (error) {
          failure ??= { error };
          abort.abort();
        }
      }
    }),
  );
  if (failure) throw failure.error;
}

export async function gradeTargets(kit: Kit, targets: GradeTarget[], settings: GradeSettings = {}): Promise<GradeReport[]> {
  sweepScratchOnce();
  const jobs: PairJob[] = targets.flatMap((target, targetIndex) =>
    target.exercises.map((exercise) => {
      const specFile = specFileOf(kit, exercise.id);
      if (!fs.existsSync(specFile)) {
        throw new GraderFault(`The hidden spec for ${exercise.id} is missing (${specFile}); this kit cannot grade it.`);
      }
      return {
        targetIndex,
        targetDir: target.dir,
        exerciseId: exercise.id,
        exports: exercise.exports,
        specFile,
        budgetMs: (settings.timeoutSeconds ?? exercise.timeoutSeconds) * 1000,
      };
    }),
  );
  const thread = settings.thread ?? new TypeScriptThread();
  try {
    const lanes = settings.lanes ?? defaultLanes();
    const abort = new AbortController();
    if (settings.signal?.aborted) abort.abort();
    settings.signal?.addEventListener('abort', () => abort.abort(), { once: true });
    const reports: Array<GradeReport | undefined> = targets.map(() => undefined);
    const outcomesOf = targets.map((): ExerciseOutcome[] => []);
    // A lookup in the known mistakes' table, read only if an exercise can be diagnosed.
    const knownMistakes = knownMistakesOf(kit.mutantsDir);
    const settle = (outcome: ExerciseOutcome): void => {
      const index = outcome.targetIndex;
      const target = targets[index]!;
      outcomesOf[index]!.push(outcome);
      settings.onOutcome?.(index, outcome);
      if (outcomesOf[index]!.length < target.exercises.length) return;
      reports[index] = withDiagnoses(buildReport(target.exercises, outcomesOf[index]!, target, kit.rootDir), knownMistakes);
      settings.onReport?.(index, reports[index]!);
    };
    const trusted = compileTrusted(kit, thread);
    // Awaited by every unit; a failure must not go unhandled before the first one does.
    trusted.catch(() => undefined);
    const options: UnitOptions = {
      kit,
      thread,
      trusted,
      ...(settings.warm ? { warm: settings.warm } : {}),
      ...(settings.sandbox ? { sandbox: { hide: [kit.solutionsDir, kit.mutantsDir, kit.alternativesDir, ...settings.sandbox.hide] } } : {}),
      onOutcome: settle,
      signal: abort.signal,
    };
    const units = settings.warm ? [jobs] : planUnits(jobs, lanes, Boolean(settings.sandbox || settings.processPerTarget));
    const first = targets[0];
    // Asked after the grading's compiles, so that the thread serves those first.
    const typeErrors: Promise<TypeError[] | undefined> =
      settings.typecheck && first
        ? Promise.resolve().then(() =>
            thread.typecheck({
              targetDir: first.dir,
              files: first.exercises.map((e) => path.join(first.dir, sourceFileOf(e))).filter((f) => fs.existsSync(f)),
              cacheDirectory: kit.cacheDirectory,
            }),
          )
        : Promise.resolve(undefined);
    await inLanes(units.map((unit) => () => runUnit(unit, options)), lanes, abort);
    // A target with no exercises to grade has its (empty) report too.
    const done = reports.map((report, index) => report ?? buildReport([], [], targets[index]!, kit.rootDir));
    const errors = await typeErrors;
    if (errors && done[0]) done[0] = withTypeErrors(done[0], errors, settings.strictTypes ?? false);
    return done;
  } finally {
    if (!settings.thread) await thread.close();
  }
}
