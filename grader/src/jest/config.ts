/**
 * The Jest configuration of a grading run, built from a plan rather than read from a file,
 * so that nothing in a graded folder (a submission's own jest.config, say) can change it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { JEST_SIDE_DIR } from '../kit';
import { EVENTS_KEY_OPTION } from './events';

export interface JestProjectPlan {
  /** A key naming the graded target in events; unique within the run. */
  key: string;
  /** The folder `@target/` maps to. */
  targetDir: string;
  /** Absolute paths of the spec files to run against it. */
  specFiles: string[];
}

export interface JestPlan {
  rootDir: string;
  /** Where the environment and the reporter append their events. */
  eventsFile: string;
  /** The manifest the specs' loader reads the expected exports from. */
  manifestPath: string;
  specsDir: string;
  cacheDirectory: string;
  maxWorkers: number;
  testTimeoutMs: number;
  /** Run in Jest's own process: the sandbox allows no child processes. */
  inBand?: boolean;
  projects: JestProjectPlan[];
  /**
   * A file holding the text of every file under `specsDir` as the grader read it before the
   * run, by absolute path, and the SHA-256 of its content: what the specs run as, whatever is
   * on disk by then (see `createTransformer`). Not in the projects' configuration: Jest copies
   * it for every project and sends it with every test file, and ts-jest makes it part of the
   * cache key, which a path that changes with each run would defeat.
   */
  specSources: SpecSourcesRef;
  /**
   * Signs the events (see ./events.ts). It reaches the reporter and the environment inside
   * Jest's configuration, in memory; the child deletes the plan file once read.
   */
  eventsKey: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Transpile only: type errors are the type checker's business, not the grade's. */
export const TRANSPILE_ONLY = {
  tsconfig: { isolatedModules: true, module: 'commonjs', target: 'ES2022', esModuleInterop: true, resolveJsonModule: true },
};

export interface SpecSourcesRef {
  file: string;
  sha256: string;
}

/** Names the `SpecSourcesRef` (as JSON) for the transform in the Jest child and its workers. */
export const SPEC_SOURCES_ENV = 'COROUTINE_GRADER_SPECS';

/**
 * Read the first time a Jest process transforms a file in a run; the hash catches a copy that
 * student code (in another worker, say) changed before then.
 */
let specSources: { ref: SpecSourcesRef; sources: Record<string, string> } | undefined;

function loadSpecSources(): Record<string, string> {
  const json = process.env[SPEC_SOURCES_ENV];
  if (!json) return {};
  const ref = JSON.parse(json) as SpecSourcesRef;
  if (specSources?.ref.file !== ref.file || specSources.ref.sha256 !== ref.sha256) {
    const text = fs.readFileSync(ref.file, 'utf8');
    // Then no spec of this process can be trusted: its test files fail to run.
    if (crypto.createHash('sha256').update(text).digest('hex') !== ref.sha256) {
      throw new Error('The grader\'s copy of the hidden specs was changed during the run (by student code?); grade again.');
    }
    specSources = { ref, sources: JSON.parse(text) as Record<string, string> };
  }
  return specSources.sources;
}

interface SourceTransformer {
  process(text: string, file: string, options: unknown): unknown;
  getCacheKey(text: string, file: string, options: unknown): string;
}

/**
 * The transform of every `.ts` file of a grading run, which Jest loads from this module:
 * ts-jest, given the text a hidden spec (or a file it imports from the specs folder) had when
 * the run started instead of what is on disk now. Outside the sandbox student code runs with
 * the grader's rights; without this, an exercise that rewrites a spec at import (to one that
 * always passes, say) would fool every spec file Jest reads after it, in every target of the
 * run. The cache key comes from the same text, so the cached transform of the real spec is
 * the one used.
 */
export function createTransformer(tsJestOptions: typeof TRANSPILE_ONLY): SourceTransformer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tsJest = (require('ts-jest') as { default: { createTransformer(o: unknown): SourceTransformer } }).default.createTransformer(tsJestOptions);
  const sources = loadSpecSources();
  const trusted = (text: string, file: string): string => sources[file] ?? text;
  return {
    process: (text, file, transformOptions) => tsJest.process(trusted(text, file), file, transformOptions),
    getCacheKey: (text, file, transformOptions) => tsJest.getCacheKey(trusted(text, file), file, transformOptions),
  };
}

/** Jest takes a transformer module's default export. */
export default { createTransformer };

export function jestConfigFor(plan: JestPlan): Record<string, unknown> {
  return {
    rootDir: plan.rootDir,
    cacheDirectory: plan.cacheDirectory,
    maxWorkers: plan.inBand ? 1 : plan.maxWorkers,
    // Setting a memory limit makes Jest use its workers even when it would run the files in
    // its own process (one file per ~200 ms of module set-up, on one core). One spec file
    // alone (a watch-mode re-grade) is faster in-process, on a Jest kept warm.
    ...(!plan.inBand && plan.projects.reduce((n, p) => n + p.specFiles.length, 0) > 1 ? { workerIdleMemoryLimit: '800MB' } : {}),
    testTimeout: plan.testTimeoutMs,
    // The reporter signs its events with the key, and the environment finds it here too.
    reporters: [[path.join(JEST_SIDE_DIR, 'reporter.js'), { [EVENTS_KEY_OPTION]: plan.eventsKey }]],
    silent: true,
    // No stack traces or code frames in Jest's formatted messages: the grader reads the
    // errors themselves, and a code frame of an assertion would show the hidden spec.
    noStackTrace: true,
    watchman: false,
    ci: true,
    projects: plan.projects.map((project) => ({
      displayName: project.key,
      rootDir: plan.rootDir,
      roots: [plan.specsDir],
      testRegex: project.specFiles.map((file) => `^${escapeRegExp(file)}$`),
      testEnvironment: path.join(JEST_SIDE_DIR, 'environment.js'),
      testEnvironmentOptions: { graderProject: project.key },
      moduleFileExtensions: ['ts', 'js', 'json'],
      moduleNameMapper: { '^@target/(.*)$': `${project.targetDir}/$1` },
      transform: { '^.+\\.ts$': [__filename, TRANSPILE_ONLY] },
    })),
  };
}
