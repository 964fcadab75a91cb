/**
 * The floor under `batch`, for the bench (./main.ts): every submission of a class graded in
 * runner processes kept warm and shared between submissions (watch mode's runner, one per
 * lane), without the sandbox. This is the mode the grader refuses for student code, since one
 * submission could then reach the next one's grade (README.md, "Security"); it is measured to
 * show what sharing processes could save at most: what is left is the tests themselves.
 *
 *   node shared-floor.js <class folder> <reports folder> <lanes>
 *
 * Writes `<reports folder>/<submission>.json` for every subfolder of the class, as `batch` does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadCourse } from '../../course';
import { listSubmissions } from '../../commands/batch';
import { gradeTargets, inLanes } from '../../engine/grade';
import { WarmRunner } from '../../engine/runner-process';
import { TypeScriptThread } from '../../engine/typescript';
import { locateKit } from '../../kit';

async function main(classDir: string, reportsDir: string, lanes: number): Promise<void> {
  const kit = locateKit();
  const course = loadCourse(kit.manifestPath);
  fs.mkdirSync(reportsDir, { recursive: true });
  const thread = new TypeScriptThread();
  // One warm runner per lane: a submission borrows a free one, and `inLanes` never runs more than `lanes` at once.
  const free = Array.from({ length: lanes }, () => new WarmRunner(kit.rootDir));
  const runners = [...free];
  try {
    const tasks = listSubmissions(classDir).map((name) => async () => {
      const warm = free.pop()!;
      try {
        const dir = path.join(classDir, name, 'exercises');
        const [report] = await gradeTargets(kit, [{ label: name, dir, exercises: course.exercises }], { warm, thread });
        fs.writeFileSync(path.join(reportsDir, `${name}.json`), JSON.stringify(report));
      } finally {
        free.push(warm);
      }
    });
    await inLanes(tasks, lanes, new AbortController());
  } finally {
    await Promise.all(runners.map((runner) => runner.close()));
    await thread.close();
  }
}

const [classDir, reportsDir, lanes] = process.argv.slice(2);
if (!classDir || !reportsDir || !Number.isInteger(Number(lanes)) || Number(lanes) < 1) {
  process.stderr.write('usage: node shared-floor.js <class folder> <reports folder> <lanes>\n');
  process.exit(2);
}
main(classDir, reportsDir, Number(lanes)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
