/**
 * Where the kit's parts live. The grader runs from `grader/dist`, so the kit's root is found
 * from this file, never from the working directory: a student may run it from anywhere.
 */
import path from 'node:path';
import { CACHE_DIR_ENV } from './protocol/env';

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
    cacheDirectory: process.env[CACHE_DIR_ENV] || path.join(rootDir, 'node_modules', '.cache', 'coroutine-grader'),
  };
}

/** The grader itself (`grader/`): its sources, its compiled code, its specs' support. */
export const GRADER_ROOT = path.resolve(__dirname, '..');

/**
 * The compiled grader. What runs in another process or thread (the runner and Jest's
 * environment and transform; the TypeScript thread) is always taken from here, also when this
 * file runs from `grader/src` in tests.
 */
export const DIST_DIR = path.join(GRADER_ROOT, 'dist');
export const JEST_SIDE_DIR = path.join(DIST_DIR, 'jest-side');

export function specFileOf(kit: Kit, exerciseId: string): string {
  return path.join(kit.specsDir, `${exerciseId}.spec.ts`);
}
