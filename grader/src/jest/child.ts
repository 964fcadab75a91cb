/**
 * The Jest process that the grader starts. It reads a plan (which spec files to run against
 * which target folders, and where to write events), builds one Jest project per target, and
 * runs them all in one `runCLI` call. Results travel back through the events file only.
 *
 * `child.js <plan.json>` runs one plan and exits. `child.js --serve` stays up and runs each
 * plan path it receives over IPC, so that watch mode does not pay for starting Node, Jest and
 * TypeScript on every save.
 */
import fs from 'node:fs';
import { runCLI } from 'jest';
import { jestConfigFor, SPEC_SOURCES_ENV, type JestPlan } from './config';
import { MANIFEST_ENV } from '../kit';
import { EVENTS_FILE_ENV } from './events';

async function runPlan(planFile: string): Promise<void> {
  const plan = JSON.parse(fs.readFileSync(planFile, 'utf8')) as JestPlan;
  // It holds the key that signs the events (see ./events.ts); student code must not read it.
  fs.rmSync(planFile, { force: true });
  // Read by the environment, the reporter and the transform here, and inherited by Jest's workers.
  process.env[EVENTS_FILE_ENV] = plan.eventsFile;
  process.env[MANIFEST_ENV] = plan.manifestPath;
  process.env[SPEC_SOURCES_ENV] = JSON.stringify(plan.specSources);
  await runCLI({ $0: 'coroutine-grader', _: [], config: JSON.stringify(jestConfigFor(plan)), silent: true }, [plan.rootDir]);
}

function fail(error: unknown): never {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(70);
}

if (process.argv[2] === '--serve') {
  // One plan at a time: the grader sends the next only after this one's run-complete.
  process.on('message', (message: { planFile: string }) => {
    runPlan(message.planFile).catch(fail);
  });
  process.on('disconnect', () => process.exit(0));
} else if (process.argv[2]) {
  runPlan(process.argv[2]).then(
    // Student code may leave timers or handles behind; the run is over, so leave now.
    () => process.exit(0),
    fail,
  );
} else {
  fail(new Error('usage: child.js <plan.json> | --serve'));
}
