/**
 * Loads the graded exercise lazily, from inside a test rather than at the top of the spec.
 *
 * Why lazily: Jest registers every `test()` of a spec before it runs any of them. If the spec
 * imported the student's file at the top and that file had a syntax error, a missing export
 * or a throw at import, the whole spec would fail to load and its tests would never be named.
 * Loading on first use keeps every test registered; each one then fails with the same
 * `TargetLoadError`, which the grader reports as the exercise's `error` status.
 */
import fs from 'node:fs';
import path from 'node:path';

export class TargetLoadError extends Error {
  override name = 'TargetLoadError';
}

interface ManifestEntry {
  id: string;
  exports: string[];
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * The manifest is the grader's (it names it in COROUTINE_GRADER_MANIFEST), else the kit's own.
 *
 * Returns a stand-in for the module `@target/<id>/<slug>`: reading any export loads the module
 * (once) and checks that it has every export the manifest lists for the exercise.
 */
export function loadTarget<T extends object>(id: string): T {
  const manifestPath = process.env.COROUTINE_GRADER_MANIFEST ?? path.join(__dirname, '..', '..', 'course.json');
  const course = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { exercises: ManifestEntry[] };
  const entry = course.exercises.find((e) => e.id === id);
  if (!entry) throw new Error(`The spec asks for exercise "${id}", which ${manifestPath} does not list.`);
  const file = `${id}/${id.replace(/^\d+-/, '')}`;
  let loaded: { module: Record<string, unknown> } | { error: TargetLoadError } | undefined;

  const load = (): Record<string, unknown> => {
    if (!loaded) {
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const module = require(`@target/${file}`) as Record<string, unknown>;
        const missing = entry.exports.filter((name) => module[name] === undefined);
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
