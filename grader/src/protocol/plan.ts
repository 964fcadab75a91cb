/**
 * What the grader hands a runner process: a plan file, read once and deleted (it holds the
 * key that signs the events), and a file of precompiled sources.
 */
import type { Config } from '@jest/types';
import type { PairRef } from './names';

/** One exercise of one target folder, as the runner grades it. */
export interface PairPlan extends PairRef {
  /** The graded folder, as the runner sees it (inside the sandbox, a path of its own). */
  targetDir: string;
  specFile: string;
  /** What the exercise's file must export. */
  exports: string[];
  /** The exercise's time budget, from its first test's start. */
  budgetMs: number;
}

export interface RunnerPlan {
  eventsFile: string;
  eventsKey: string;
  pairs: PairPlan[];
  sources: SourcesRef;
  projectConfig: Config.ProjectConfig;
  globalConfig: Config.GlobalConfig;
}

/**
 * A file of TypeScript sources the grader compiled to CommonJS before the run, by absolute
 * path, and the SHA-256 of its content (checked when the runner reads it). The runner never
 * loads TypeScript itself for these.
 */
export interface SourcesRef {
  file: string;
  sha256: string;
}

export interface CompiledSource {
  /** SHA-1 of the TypeScript text it was compiled from. */
  sha1: string;
  code: string;
  map?: string;
  /**
   * The grader's own files (hidden specs and what they import): the runner runs them as they
   * were when grading began, whatever is on disk by then.
   */
  trusted?: true;
}

export type CompiledSources = Record<string, CompiledSource>;
