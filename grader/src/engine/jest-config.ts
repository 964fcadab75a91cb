/**
 * Jest's configuration of a grading run, normalized by Jest itself once per grader process and
 * handed to every runner in its plan: built here rather than read from a file, so nothing in a
 * graded folder (a submission's own jest.config, say) can change it, and no runner pays for
 * normalizing it again.
 */
import type { Config } from '@jest/types';
import { readConfig } from 'jest-config';
import path from 'node:path';
import { JEST_SIDE_DIR, type Kit } from '../kit';

export interface RunnerConfigs {
  projectConfig: Config.ProjectConfig;
  globalConfig: Config.GlobalConfig;
}

const normalized = new Map<string, Promise<RunnerConfigs>>();

function normalize(rootDir: string): Promise<RunnerConfigs> {
  const options: Config.InitialOptions = {
    rootDir,
    testEnvironment: path.join(JEST_SIDE_DIR, 'environment.js'),
    moduleFileExtensions: ['ts', 'js', 'json'],
    transform: { '^.+\\.ts$': path.join(JEST_SIDE_DIR, 'transform.js') },
    silent: true,
    // No stack traces or code frames in Jest's formatted messages: the grader reads the
    // errors themselves, and a code frame of an assertion would show the hidden spec.
    noStackTrace: true,
    watchman: false,
    ci: true,
    maxWorkers: 1,
  };
  return readConfig({ $0: 'coroutine-grader', _: [] }, options, true, rootDir).then(({ projectConfig, globalConfig }) => ({ projectConfig, globalConfig }));
}

/** The configuration for one runner: where its transform cache goes, and the longest budget of its plan. */
export async function runnerConfigs(kit: Kit, run: { cacheDirectory: string; longestBudgetMs: number }): Promise<RunnerConfigs> {
  let base = normalized.get(kit.rootDir);
  if (!base) normalized.set(kit.rootDir, (base = normalize(kit.rootDir)));
  const { projectConfig, globalConfig } = await base;
  return {
    projectConfig: { ...projectConfig, cacheDirectory: run.cacheDirectory },
    // Each test's own limit is narrowed to its exercise's budget left (see ../jest-side/environment.ts).
    globalConfig: { ...globalConfig, testTimeout: run.longestBudgetMs },
  };
}
