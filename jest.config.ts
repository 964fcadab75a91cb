/** @jest-config-loader esbuild-register */
/**
 * The kit's own test run (`npm test` runs it, then `verify`):
 * - `grader`: the grader's own tests under grader/test;
 * - `specs`: the hidden specs against one folder, `solutions/` unless TARGET names another.
 *   `TARGET=exercises npx jest --selectProjects specs` shows a spec's full Jest output, which
 *   is handy while writing a spec. Grading itself goes through the grader, not this file.
 */
import path from 'node:path';
import type { Config } from 'jest';

const transpileOnly: Config['transform'] = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: { isolatedModules: true, module: 'commonjs' } }],
};
const target = path.resolve(__dirname, process.env.TARGET ?? 'solutions');

/** Also run alone, by mutation testing (grader/mutation/jest.config.ts). */
export const specsProject: Config = {
  displayName: 'specs',
  testEnvironment: 'node',
  roots: ['<rootDir>/grader/specs'],
  testMatch: ['**/*.spec.ts'],
  transform: transpileOnly,
  moduleNameMapper: { '^@target/(.*)$': `${target}/$1` },
};

const config: Config = {
  projects: [
    {
      displayName: 'grader',
      testEnvironment: 'node',
      roots: ['<rootDir>/grader/test'],
      testMatch: ['**/*.test.ts'],
      transform: transpileOnly,
    },
    specsProject,
  ],
};

export default config;
