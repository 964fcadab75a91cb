/**
 * The runner process the grader starts for a grading run (see ../engine/runner-process.ts).
 * It reads a plan (which (target, exercise) pairs, where the events go, Jest's configuration),
 * and runs the one course file (./course-file.ts) with Jest's own test runner, in this process:
 * no Jest CLI, no file crawl, no worker processes. Results travel back through the events file
 * only (../protocol/events.ts).
 *
 * `runner.js <plan.json>` runs one plan and exits. `runner.js --serve` stays up and runs each
 * plan path it receives over IPC, so that watch mode does not pay for starting Node and loading
 * Jest on every save.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SerializableError, TestResult } from '@jest/test-result';
import type { Config } from '@jest/types';
import { ModuleMap } from 'jest-haste-map';
import TestRunner, { type Test, type TestWatcher } from 'jest-runner';
import Runtime from 'jest-runtime';
import { emit, openEvents } from '../protocol/events';
import { classifyFailure, NOT_RUN_AFTER_TIMEOUT, SKIPPED_BY_SPEC, type RawTestResult } from '../protocol/failures';
import { pairKey, pairOfLabel, testName, type PairRef } from '../protocol/names';
import type { RunnerPlan } from '../protocol/plan';
import { setCurrentPairs } from './current-run';
import { useSources } from './transform';

export const COURSE_FILE = path.join(__dirname, 'course-file.js');

/** The runner never stops a run itself; the grader kills the process when it must. */
const NEVER_INTERRUPTED = { isInterrupted: () => false, isWatchMode: () => false, setState: () => undefined } as unknown as TestWatcher;

function failureOf(detail: unknown, formatted: string | undefined): Pick<RawTestResult, 'status' | 'message'> {
  // The environment made every error a plain one (see ./environment.ts): its name and stack are strings.
  const error = detail as { name?: unknown; stack?: unknown; message?: unknown } | undefined;
  const name = typeof error?.name === 'string' ? error.name : undefined;
  const text = typeof error?.stack === 'string' ? error.stack : typeof error?.message === 'string' ? `${name ?? 'Error'}: ${error.message}` : (formatted ?? 'The test failed.');
  return classifyFailure(name, text);
}

/** Jest's result of the course file, as the tests of each pair of the plan. */
export function resultsByPair(plan: Pick<RunnerPlan, 'pairs'>, result: TestResult): Array<{ pair: PairRef; tests: RawTestResult[] }> {
  const byPair = new Map(plan.pairs.map((p) => [pairKey(p), { pair: { target: p.target, exercise: p.exercise }, tests: [] as RawTestResult[] }]));
  for (const assertion of result.testResults) {
    const pair = pairOfLabel(assertion.ancestorTitles[0] ?? '');
    const entry = pair && byPair.get(pairKey(pair));
    if (!entry) continue;
    const name = testName([...assertion.ancestorTitles, assertion.title]);
    if (assertion.status === 'passed') entry.tests.push({ name, status: 'passed' });
    else if (assertion.status === 'failed') entry.tests.push({ name, ...failureOf(assertion.failureDetails[0], assertion.failureMessages[0]) });
    else entry.tests.push({ name, status: 'not-run', message: SKIPPED_BY_SPEC });
  }
  for (const entry of byPair.values()) {
    // Tests skipped after one ran out of the exercise's time were not skipped by the spec.
    if (!entry.tests.some((t) => t.status === 'timeout')) continue;
    for (const test of entry.tests) if (test.status === 'not-run') test.message = NOT_RUN_AFTER_TIMEOUT;
  }
  return [...byPair.values()];
}

async function runPlan(planFile: string): Promise<void> {
  const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as RunnerPlan;
  // It holds the key that signs the events; student code must not read it.
  fs.rmSync(planFile, { force: true });
  openEvents(plan.eventsFile, plan.eventsKey);
  useSources(plan.sources);
  setCurrentPairs(plan.pairs);

  const config: Config.ProjectConfig = plan.projectConfig;
  const moduleMap = ModuleMap.create(config.rootDir);
  // No haste map: the specs and the graded files are found by path, never by crawling.
  const test: Test = { path: COURSE_FILE, context: { config, moduleMap, resolver: Runtime.createResolver(config, moduleMap), hasteFS: undefined as never } };
  const runner = new TestRunner(plan.globalConfig, {});
  runner.on('test-file-success', ([, result]: [Test, TestResult]) => emit({ type: 'results', pairs: resultsByPair(plan, result) }));
  runner.on('test-file-failure', ([, error]: [Test, SerializableError]) => emit({ type: 'run-failed', message: error.message }));
  await runner.runTests([test], NEVER_INTERRUPTED, { serial: true });
  emit({ type: 'run-complete' });
}

function fail(error: unknown): never {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  emit({ type: 'run-failed', message });
  process.stderr.write(`${message}\n`);
  process.exit(70);
}

if (require.main === module) {
  if (process.argv[2] === '--serve') {
    // One plan at a time: the grader sends the next only after this one's run-complete.
    process.on('message', (message: { planFile: string }) => {
      runPlan(message.planFile).catch(fail);
    });
    process.on('disconnect', () => process.exit(0));
  } else if (process.argv[2]) {
    runPlan(process.argv[2]).then(
      // Student code may leave handles behind; the run is over, so leave now.
      () => process.exit(0),
      fail,
    );
  } else {
    fail(new Error('usage: runner.js <plan.json> | --serve'));
  }
}
