/** @jest-config-loader esbuild-register */
/**
 * The `specs` project of ../../jest.config.ts on its own, for mutation testing
 * (./stryker.config.mjs): StrykerJS runs one Jest configuration, and wraps its test
 * environment to learn which tests reach which mutant, which it can only do for a
 * configuration without `projects`.
 */
import path from 'node:path';
import type { Config } from 'jest';
import { specsProject } from '../../jest.config';

const config: Config = {
  ...specsProject,
  rootDir: path.resolve(__dirname, '..', '..'),
  // So that Stryker's findRelatedTests runs only the spec of the solution a mutant is in.
  dependencyExtractor: path.join(__dirname, 'spec-dependencies.cjs'),
};

export default config;
