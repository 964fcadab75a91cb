/**
 * Jest's configuration of a grading run, normalized by Jest itself once per grader process and
 * handed to every runner in its plan: built here rather than read from a file, so nothing in a
 * graded folder (a submission's own jest.config, say) can change it, and no runner pays for
 * normalizing it again. The normalized result is kept in the kit's cache, keyed by everything
 * it comes from, so that a grade does not even load Jest's configuration code.
 */
import type { Config } from '@jest/types';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { JEST_SIDE_DIR, type Kit } from '../kit';

export interface RunnerConfigs {
  projectConfig: Config.ProjectConfig;
  globalConfig: Config.GlobalConfig;
}

const normalized = new Map<string, Promise<RunnerConfigs>>();

function optionsFor(rootDir: string): Config.InitialOptions {
  return {
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
}

async function normalize(kit: Kit): Promise<RunnerConfigs> {
  const options = optionsFor(kit.rootDir);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const versions = ['jest-config', 'jest-runner', 'jest-runtime'].map((name) => (require(`${name}/package.json`) as { version: string }).version);
  const key = crypto.createHash('sha1').update(JSON.stringify([options, versions, process.version])).digest('hex');
  const cacheFile = path.join(kit.cacheDirectory, `jest-config-${key}.json`);
  try {
    return JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as RunnerConfigs;
  } catch {
    // Not normalized yet: Jest does it, once.
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readConfig } = require('jest-config') as typeof import('jest-config');
  const { projectConfig, globalConfig } = await readConfig({ $0: 'coroutine-grader', _: [] }, options, true, kit.rootDir);
  try {
    fs.mkdirSync(kit.cacheDirectory, { recursive: true });
    writeFileAtomic.sync(cacheFile, JSON.stringify({ projectConfig, globalConfig }));
  } catch {
    // A cache that cannot be written costs the next grade this again.
  }
  return { projectConfig, globalConfig };
}

/** The configuration for one runner: where its transform cache goes, and the longest budget of its plan. */
export async function runnerConfigs(kit: Kit, run: { cacheDirectory: string; longestBudgetMs: number }): Promise<RunnerConfigs> {
  let base = normalized.get(kit.rootDir);
  if (!base) normalized.set(kit.rootDir, (base = normalize(kit)));
  const { projectConfig, globalConfig } = await base;
  return {
    projectConfig: { ...projectConfig, cacheDirectory: run.cacheDirectory },
    // Each test's own limit is narrowed to its exercise's budget left (see ../jest-side/environment.ts).
    globalConfig: { ...globalConfig, testTimeout: run.longestBudgetMs },
  };
}
