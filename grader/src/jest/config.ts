/**
 * The Jest configuration of a grading run, built from a plan rather than read from a file,
 * so that nothing in a graded folder (a submission's own jest.config, say) can change it.
 */
import path from 'node:path';
import { JEST_SIDE_DIR } from '../kit';

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
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Transpile only: type errors are the type checker's business, not the grade's. */
export const TRANSPILE_ONLY = {
  tsconfig: { isolatedModules: true, module: 'commonjs', target: 'ES2022', esModuleInterop: true, resolveJsonModule: true },
};

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
    reporters: [path.join(JEST_SIDE_DIR, 'reporter.js')],
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
      transform: { '^.+\\.ts$': [require.resolve('ts-jest'), TRANSPILE_ONLY] },
    })),
  };
}
