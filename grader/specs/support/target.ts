/**
 * Loads the graded exercise lazily, from inside a test rather than at the top of the spec.
 *
 * Why lazily: Jest registers every `test()` of a spec before it runs any of them. If the spec
 * imported the student's file at the top and that file had a syntax error, a missing export
 * or a throw at import, the whole spec would fail to load and its tests would never be named.
 * Loading on first use keeps every test registered; each one then fails with the same
 * `TargetLoadError`, which the grader reports as the exercise's `error` status.
 *
 * Which folder: in a grading run, the runner names it while the spec loads (the current target
 * of ../../src/protocol/env.ts), so one run can grade several folders with the same spec. In the
 * kit's own `jest` run there is no current target, and `@target/` (jest.config.ts) names it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CURRENT_TARGET_KEY, MANIFEST_ENV, type CurrentTarget } from '../../src/protocol/env';
import { TARGET_LOAD_ERROR } from '../../src/protocol/failures';
import { describeThrown } from '../../src/protocol/thrown';

export class TargetLoadError extends Error {
  override name = TARGET_LOAD_ERROR;
}

interface ManifestEntry {
  id: string;
  exports: string[];
}

/** What went wrong loading the file, told without running any code of the thrown value. */
function describeError(error: unknown): string {
  const safe = describeThrown(error);
  return `${safe.name}: ${safe.message}`;
}

/** Outside a grading run: the exports the manifest lists (the kit's own, or the one named in the environment). */
function manifestExports(id: string): string[] {
  const manifestPath = process.env[MANIFEST_ENV] ?? path.join(__dirname, '..', '..', 'course.json');
  const course = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { exercises: ManifestEntry[] };
  const entry = course.exercises.find((e) => e.id === id);
  if (!entry) throw new Error(`The spec asks for exercise "${id}", which ${manifestPath} does not list.`);
  return entry.exports;
}

/**
 * Returns a stand-in for the module `@target/<id>/<slug>`: reading any export loads the module
 * (once) and checks that it has every export the course lists for the exercise.
 */
export function loadTarget<T extends object>(id: string): T {
  const current = (globalThis as unknown as Record<symbol, CurrentTarget | undefined>)[CURRENT_TARGET_KEY];
  const exports = current?.exports ?? manifestExports(id);
  const file = `${id}/${id.replace(/^\d+-/, '')}`;
  const request = current ? path.join(current.dir, file) : `@target/${file}`;
  let loaded: { module: Record<string, unknown> } | { error: TargetLoadError } | undefined;

  const load = (): Record<string, unknown> => {
    if (!loaded) {
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const module = require(request) as Record<string, unknown>;
        const missing = exports.filter((name) => module[name] === undefined);
        loaded = missing.length
          ? { error: new TargetLoadError(`${file}.ts does not export ${missing.join(', ')}.`) }
          : { module };
      } catch (error) {
        loaded = { error: new TargetLoadError(`${file}.ts could not be loaded: ${describeError(error)}`) };
      }
    }
    if ('error' in loaded) throw loaded.error;
    return loaded.module;
  };

  return new Proxy({} as T, {
    get: (_target, name) => (typeof name === 'string' ? load()[name] : undefined),
    has: (_target, name) => name in load(),
  });
}
