/**
 * The Jest process that the grader starts for a grading run. It reads a plan (which spec
 * files to run against which target folders), builds one Jest project per target, and runs
 * them all in one `runCLI` call. Results travel back through the events file only.
 */
import fs from 'node:fs';
import { runCLI } from 'jest';
import { jestConfigFor, type JestPlan } from './config';

async function main(): Promise<void> {
  const planFile = process.argv[2];
  if (!planFile) throw new Error('usage: child <plan.json>');
  const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as JestPlan;
  const config = jestConfigFor(plan);
  await runCLI({ $0: 'coroutine-grader', _: [], config: JSON.stringify(config), silent: true }, [plan.rootDir]);
}

main().then(
  // Student code may leave timers or handles behind; the run is over, so leave now.
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(70);
  },
);
