/**
 * The runner process the grader starts for a grading run (see ../engine/runner-process.ts).
 * It reads a plan (which (target, exercise) pairs, where the events go, Jest's configuration),
 * and runs the one course file (./course-file.ts) with Jest's own test runner, in this process:
 * no Jest CLI, no file crawl, no worker processes. Results travel back through the events file
 * only (../protocol/events.ts).
 *
 * `runner.js --stdin` loads Jest, then reads a plan's path from stdin (the grader starts it
 * before the plan is ready), runs it and exits. `runner.js --serve` stays up and runs each
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
import { endWithParent } from '../protocol/lifeline';
import { failureOf, NOT_RUN_AFTER_TIMEOUT, SKIPPED_BY_SPEC, type RawTestResult } from '../protocol/failures';
import { pairKey, pairOfLabel, testName, type PairRef } from '../protocol/names';
import type { RunnerPlan } from '../protocol/plan';
import { announceRun } from './current-run';
import { useSources } from './transform';

export const COURSE_FILE = path.join(__dirname, 'course-file.js');

/** The runner never stops a run itself; the grader kills the process when it must. */
const NEVER_INTERRUPTED = { isInterrupted: () => false, isWatchMode: () => false, setState: () => undefined } as unknown as TestWatcher;

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

function readPlan(planFile: string): RunnerPlan {
  const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as RunnerPlan;
  // It holds the key that signs the events; student code must not read it.
  fs.rmSync(planFile, { force: true });
  return plan;
}

/** A run of the course file, started before its plan is known (see ./current-run.ts). */
interface PendingRun {
  /** The Jest configuration it was started with, to tell whether a plan fits it. */
  configs: string;
  begin(plan: RunnerPlan): void;
  /** Gives up a run whose configuration no plan will have: it ends without a word. */
  abandon(): void;
  finished: Promise<void>;
}

function configsOf(plan: Pick<RunnerPlan, 'projectConfig' | 'globalConfig'>): string {
  return JSON.stringify([plan.projectConfig, plan.globalConfig]);
}

function startRun(configs: Pick<RunnerPlan, 'projectConfig' | 'globalConfig'>): PendingRun {
  const givePairs = announceRun();
  let plan: RunnerPlan | undefined;
  const config: Config.ProjectConfig = configs.projectConfig;
  const moduleMap = ModuleMap.create(config.rootDir);
  // No haste map: the specs and the graded files are found by path, never by crawling.
  const test: Test = { path: COURSE_FILE, context: { config, moduleMap, resolver: Runtime.createResolver(config, moduleMap), hasteFS: undefined as never } };
  const runner = new TestRunner(configs.globalConfig, {});
  runner.on('test-file-success', ([, result]: [Test, TestResult]) => {
    if (plan) emit({ type: 'results', pairs: resultsByPair(plan, result) });
  });
  runner.on('test-file-failure', ([, error]: [Test, SerializableError]) => {
    if (plan) emit({ type: 'run-failed', message: error.message });
  });
  const finished = runner.runTests([test], NEVER_INTERRUPTED, { serial: true }).then(() => {
    if (plan) emit({ type: 'run-complete' });
  });
  return {
    configs: configsOf(configs),
    begin(next) {
      plan = next;
      openEvents(next.eventsFile, next.eventsKey);
      useSources(next.sources);
      givePairs(next.pairs);
    },
    abandon: () => givePairs(undefined),
    finished,
  };
}

/** One plan, in a process of its own. */
async function runOnce(planFile: string): Promise<void> {
  const plan = readPlan(planFile);
  const run = startRun(plan);
  run.begin(plan);
  await run.finished;
}

/**
 * Plans one after another, in a process kept warm: as soon as a run ends the next is started
 * with the same configuration, and waits for its plan with Jest's realm already set up.
 */
function serve(): void {
  let prepared: PendingRun | undefined;
  let queue = Promise.resolve();
  process.on('message', (message: { planFile: string }) => {
    queue = queue.then(async () => {
      const plan = readPlan(message.planFile);
      let run = prepared;
      if (!run || run.configs !== configsOf(plan)) {
        run?.abandon();
        await run?.finished.catch(() => undefined);
        run = startRun(plan);
      }
      prepared = undefined;
      run.begin(plan);
      await run.finished;
      prepared = startRun(plan);
    }).catch(fail);
  });
  process.on('disconnect', () => process.exit(0));
}

function fail(error: unknown): never {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  emit({ type: 'run-failed', message });
  process.stderr.write(`${message}\n`);
  process.exit(70);
}

if (require.main === module) {
  // Student code may loop forever: this process must not outlive the grader that started it.
  endWithParent();
  if (process.argv[2] === '--serve') {
    serve();
  } else if (process.argv[2] === '--stdin') {
    let line = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => (line += chunk));
    process.stdin.on('end', () => {
      // No plan: the grader gave up on this runner before it was needed.
      if (line.trim() === '') process.exit(0);
      runOnce(line.trim()).then(
        // Student code may leave handles behind; the run is over, so leave now.
        () => process.exit(0),
        fail,
      );
    });
  } else {
    fail(new Error('usage: runner.js --stdin | --serve'));
  }
}
