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
import { gradeTargets } from '../../engine/grade';
import { WarmRunner } from '../../engine/runner-process';
import { TypeScriptThread } from '../../engine/typescript';
import { locateKit } from '../../kit';

async function main(classDir: string, reportsDir: string, lanes: number): Promise<void> {
  const kit = locateKit();
  const course = loadCourse(kit.manifestPath);
  const names = fs
    .readdirSync(classDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  fs.mkdirSync(reportsDir, { recursive: true });
  const thread = new TypeScriptThread();
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        const warm = new WarmRunner(kit.rootDir);
        try {
          for (let i = next++; i < names.length; i = next++) {
            const name = names[i]!;
            const dir = path.join(classDir, name, 'exercises');
            const [report] = await gradeTargets(kit, [{ label: name, dir, exercises: course.exercises }], { warm, thread });
            fs.writeFileSync(path.join(reportsDir, `${name}.json`), JSON.stringify(report));
          }
        } finally {
          await warm.close();
        }
      }),
    );
  } finally {
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
