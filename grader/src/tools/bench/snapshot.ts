/**
 * A frozen copy of the built kit for the bench to grade with. The bench takes many minutes,
 * and anything that rebuilds grader/dist meanwhile (`npm test` starts with a build) would
 * leave a running grader's already-loaded modules talking to newly written Jest-side files:
 * runs fail or, worse, measure a mix of two versions. The copy is small (the grader's
 * compiled code, specs, manifest, exercises and solutions); node_modules is linked, not
 * copied, and the copy sits on the same disk as the kit, in the temp folder.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * What grading, the baselines and the generated class read; the grader's own tests are not
 * needed (its sources are: the specs' support imports grader/src/protocol).
 */
const ROOT_ENTRIES = ['package.json', 'tsconfig.json', 'exercises', 'solutions'];
const GRADER_SKIPPED = new Set(['test']);

export function snapshotKit(rootDir: string, into: string): string {
  fs.mkdirSync(path.join(into, 'grader'), { recursive: true });
  for (const entry of ROOT_ENTRIES) {
    fs.cpSync(path.join(rootDir, entry), path.join(into, entry), { recursive: true });
  }
  for (const entry of fs.readdirSync(path.join(rootDir, 'grader'))) {
    if (GRADER_SKIPPED.has(entry)) continue;
    fs.cpSync(path.join(rootDir, 'grader', entry), path.join(into, 'grader', entry), { recursive: true });
  }
  fs.symlinkSync(path.join(rootDir, 'node_modules'), path.join(into, 'node_modules'), 'dir');
  return into;
}
