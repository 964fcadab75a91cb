/**
 * Grades one or more target folders in a single Jest run and returns a report for each.
 * The commands (`grade`, `verify`, later `batch`) all come through here.
 */
import fs from 'node:fs';
import type { Exercise } from '../course';
import { GraderFault } from '../errors';
import { defaultWorkers, specFileOf, type Kit } from '../kit';
import path from 'node:path';
import { sourceFileOf } from '../course';
import { buildReport, withTypeErrors, type GradeReport } from './report';
import type { WarmJest } from './jest-process';
import { runSpecs, type SpecOutcome } from './run-specs';
import { typecheckInBackground } from './typecheck';

export interface GradeTarget {
  /** How reports and messages name the folder (`exercises`, `solutions`, a path). */
  label: string;
  dir: string;
  exercises: Exercise[];
}

export interface GradeSettings {
  /** Overrides every exercise's own budget. */
  timeoutSeconds?: number;
  maxWorkers?: number;
  /**
   * Grade in the sandbox: student code cannot write outside its run folder, start
   * processes or threads, reach the network, or read the kit's solutions and known-wrong
   * implementations, nor the folders listed in `hide` (other students' work).
   */
  sandbox?: { hide: string[] };
  /** A Jest process kept between calls (watch mode). */
  warm?: WarmJest;
  /** Type-check the graded files too (first target only: this is for `grade`). */
  typecheck?: boolean;
  /** Type errors cost the exercise its points. */
  strictTypes?: boolean;
  onOutcome?: (targetIndex: number, outcome: SpecOutcome) => void;
}

export async function gradeTargets(kit: Kit, targets: GradeTarget[], settings: GradeSettings = {}): Promise<GradeReport[]> {
  const jobs = targets.flatMap((target, index) =>
    target.exercises.map((exercise) => {
      const specFile = specFileOf(kit, exercise.id);
      if (!fs.existsSync(specFile)) {
        throw new GraderFault(`The hidden spec for ${exercise.id} is missing (${specFile}); this kit cannot grade it.`);
      }
      return {
        targetKey: String(index),
        targetDir: target.dir,
        exerciseId: exercise.id,
        specFile,
        timeoutMs: (settings.timeoutSeconds ?? exercise.timeoutSeconds) * 1000,
      };
    }),
  );
  const first = targets[0];
  const typeErrors =
    settings.typecheck && first
      ? typecheckInBackground({
          targetDir: first.dir,
          files: first.exercises.map((e) => path.join(first.dir, sourceFileOf(e))).filter((f) => fs.existsSync(f)),
          cacheDirectory: kit.cacheDirectory,
        })
      : Promise.resolve(undefined);
  const outcomes =
    jobs.length === 0
      ? []
      : await runSpecs(jobs, {
          rootDir: kit.rootDir,
          specsDir: kit.specsDir,
          manifestPath: kit.manifestPath,
          cacheDirectory: kit.cacheDirectory,
          maxWorkers: settings.maxWorkers ?? defaultWorkers(),
          ...(settings.warm ? { warm: settings.warm } : {}),
          ...(settings.sandbox ? { sandbox: { hide: [kit.solutionsDir, kit.mutantsDir, kit.alternativesDir, ...settings.sandbox.hide] } } : {}),
          onOutcome: (outcome) => settings.onOutcome?.(Number(outcome.job.targetKey), outcome),
        });
  const reports = targets.map((target, index) =>
    buildReport(
      target.exercises,
      outcomes.filter((o) => o.job.targetKey === String(index)),
      { label: target.label, dir: target.dir },
      kit.rootDir,
    ),
  );
  const errors = await typeErrors;
  if (errors && reports[0]) reports[0] = withTypeErrors(reports[0], errors, settings.strictTypes ?? false);
  return reports;
}
