// @ts-check
/**
 * Mutation testing of the hidden specs (`npm run mutation`): StrykerJS makes small changes to
 * the reference solutions, one at a time, and runs the specs against each; a change that no
 * spec notices (a survivor) is a wrong answer a student could hand in for full marks, unless it
 * is equivalent. ./survivors.md triages every one; grader/src/tools/mutation/report.ts prints
 * the per-exercise table and rewrites that file from ./report/mutation.json after each run.
 *
 * It runs on an author's machine, never in `npm test`: a run from scratch takes about five
 * minutes on two shared cores. Incremental mode keeps the results beside the reports (not
 * committed), so a run after a change tests only the mutants and tests that the change touched.
 *
 * Paths are relative to the kit's root, where `npm run mutation` runs.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  mutate: ['solutions/**/*.ts'],
  testRunner: 'jest',
  plugins: ['@stryker-mutator/jest-runner'],
  jest: {
    projectType: 'custom',
    // The `specs` project of jest.config.ts, on its own.
    configFile: 'grader/mutation/jest.config.ts',
    // Each mutant runs only the spec of its own exercise (see ./spec-dependencies.cjs).
    enableFindRelatedTests: true,
  },
  // Then, of that spec, only the tests that reach the mutated code; this is also what lets
  // incremental mode see that a new test reaches a mutant that survived before. One blind
  // spot: a spec loads its exercise inside the first test that needs it, so code that runs
  // as the solution loads (a module-level constant) is credited to that one test alone.
  // Keep such code out of the solutions, or check with `--coverageAnalysis all --force`.
  coverageAnalysis: 'perTest',
  // Instrumented solutions do not type-check; the specs are compiled transpile-only anyway.
  disableTypeChecks: 'solutions/**/*.ts',
  // The machine has two cores, shared: one test runner at a time.
  concurrency: 1,
  incremental: true,
  incrementalFile: 'grader/mutation/report/stryker-incremental.json',
  // What the sandbox copy of the kit does not need.
  ignorePatterns: ['grader/dist', 'grader/test', 'grader/mutation/report', '.grader-cache', 'coverage'],
  reporters: ['progress', 'html', 'json'],
  htmlReporter: { fileName: 'grader/mutation/report/index.html' },
  jsonReporter: { fileName: 'grader/mutation/report/mutation.json' },
  thresholds: { high: 95, low: 90, break: null },
};
