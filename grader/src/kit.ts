/**
 * Where the kit's parts live. The grader runs from `grader/dist`, so the kit's root is found
 * from this file, never from the working directory: a student may run it from anywhere.
 */
import os from 'node:os';
import path from 'node:path';

export interface Kit {
  rootDir: string;
  manifestPath: string;
  specsDir: string;
  exercisesDir: string;
  solutionsDir: string;
  mutantsDir: string;
  alternativesDir: string;
  cacheDirectory: string;
}

export function locateKit(rootDir = path.resolve(__dirname, '..', '..')): Kit {
  return {
    rootDir,
    manifestPath: path.join(rootDir, 'grader', 'course.json'),
    specsDir: path.join(rootDir, 'grader', 'specs'),
    exercisesDir: path.join(rootDir, 'exercises'),
    solutionsDir: path.join(rootDir, 'solutions'),
    mutantsDir: path.join(rootDir, 'grader', 'mutants'),
    alternativesDir: path.join(rootDir, 'grader', 'alternatives'),
    // COROUTINE_GRADER_CACHE_DIR lets a benchmark start from an empty cache.
    cacheDirectory: process.env.COROUTINE_GRADER_CACHE_DIR || path.join(rootDir, 'node_modules', '.cache', 'coroutine-grader'),
  };
}

/**
 * The compiled grader. What runs in another process or thread (Jest's environment, reporter
 * and child entry; the type-check worker) is always taken from here, also when this file
 * runs from `grader/src` in tests.
 */
export const DIST_DIR = path.resolve(__dirname, '..', 'dist');
export const JEST_SIDE_DIR = path.join(DIST_DIR, 'jest');

/** Tells the specs' loader which manifest lists the exports to expect. */
export const MANIFEST_ENV = 'COROUTINE_GRADER_MANIFEST';

export function specFileOf(kit: Kit, exerciseId: string): string {
  return path.join(kit.specsDir, `${exerciseId}.spec.ts`);
}

/** Two cores here; Jest's workers are worth it only with more than one file to run. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}
