/**
 * The two plain Jest runs the grader is compared with, over the same 14 specs with @target
 * mapped to solutions/:
 * - naive: what someone would write first, ts-jest with its defaults, which type-check
 *   every file through a TypeScript language service;
 * - bare: the same with isolatedModules, i.e. transpile-only like the grader, so that the
 *   difference is the grader's own overhead (its environment, reporter, watchdog, report).
 *
 * Their configs are written to a temp folder at bench time, as a user would write them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Course } from '../../course';
import type { Kit } from '../../kit';
import { BenchFailure, requireSuccess, run, tail, type RunResult } from './run';

export type Baseline = 'naive' | 'bare';

/**
 * ts-jest's options. `isolatedModules: false` is ts-jest's default, yet it must be spelled
 * out: ts-jest merges this object over the tsconfig.json it finds from rootDir, and the
 * kit's own tsconfig.json says `isolatedModules: true`. Left out, the "naive" run would
 * silently be transpile-only too, and the comparison meaningless (the probe below checks).
 */
function tsJestOptions(baseline: Baseline): Record<string, unknown> {
  return {
    tsconfig: {
      isolatedModules: baseline === 'bare',
      strict: true,
      module: 'commonjs',
      target: 'ES2022',
      esModuleInterop: true,
      resolveJsonModule: true,
      types: ['node', 'jest'],
    },
  };
}

function transformOf(baseline: Baseline): Record<string, unknown> {
  return { '^.+\\.ts$': [require.resolve('ts-jest'), tsJestOptions(baseline)] };
}

/** Writes the baseline's Jest config as JSON into `dir` and returns its path. */
export function writeBaselineConfig(kit: Kit, course: Course, baseline: Baseline, dir: string): string {
  const config = {
    rootDir: kit.rootDir,
    roots: ['<rootDir>/grader/specs'],
    testMatch: course.exercises.map((e) => `<rootDir>/grader/specs/${e.id}.spec.ts`),
    moduleNameMapper: { '^@target/(.*)$': `${kit.solutionsDir}/$1` },
    transform: transformOf(baseline),
  };
  const file = path.join(dir, `jest.${baseline}.config.json`);
  fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}

export function jestArgs(kit: Kit, configFile: string, cacheDirectory: string): string[] {
  return [path.join(kit.rootDir, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', configFile, '--ci', '--silent', '--cacheDirectory', cacheDirectory];
}

/**
 * A baseline run counts only if it ran every test of every spec and all passed: a config
 * that matched no spec, or failed to map @target, would otherwise look very fast.
 */
export function checkBaselineRun(result: RunResult, course: Course, what: string): void {
  requireSuccess(result, what);
  const tests = course.exercises.reduce((sum, e) => sum + e.tests, 0);
  const suites = course.exercises.length;
  const testsLine = /^Tests:\s+(.+)$/m.exec(result.stderr)?.[1]?.trim();
  const suitesLine = /^Test Suites:\s+(.+)$/m.exec(result.stderr)?.[1]?.trim();
  if (testsLine !== `${tests} passed, ${tests} total` || suitesLine !== `${suites} passed, ${suites} total`) {
    throw new BenchFailure(
      `${what} did not run and pass every spec: expected "${suites} passed, ${suites} total" suites and ` +
        `"${tests} passed, ${tests} total" tests, Jest said suites "${suitesLine ?? '?'}", tests "${testsLine ?? '?'}".\n${tail(result.stderr)}`,
    );
  }
}

/**
 * Proves the naive config really type-checks and the bare one does not: each runs one spec
 * with a type error and no runtime error. Naive must fail on TS2322, bare must pass.
 */
export async function probeTypeChecking(kit: Kit, baseline: Baseline, dir: string): Promise<void> {
  const probeDir = path.join(dir, `probe-${baseline}`);
  fs.mkdirSync(probeDir, { recursive: true });
  fs.writeFileSync(
    path.join(probeDir, 'probe.spec.ts'),
    "const n: number = 'not a number';\ntest('runs', () => expect(typeof n).toBe('string'));\n",
  );
  const config = path.join(probeDir, 'jest.config.json');
  fs.writeFileSync(config, JSON.stringify({ rootDir: kit.rootDir, roots: [probeDir], testMatch: ['**/probe.spec.ts'], transform: transformOf(baseline) }));
  const result = await run(process.execPath, jestArgs(kit, config, path.join(probeDir, 'cache')), { cwd: kit.rootDir, timeoutMs: 180_000 });
  const flagged = result.code !== 0 && /TS2322/.test(result.stderr);
  if (baseline === 'naive' && !flagged) {
    throw new BenchFailure(`the naive ts-jest config does not type-check (a type error passed), so it is not the baseline it claims to be.\n${tail(result.stderr)}`);
  }
  if (baseline === 'bare' && result.code !== 0) {
    throw new BenchFailure(`the bare transpile-only config failed on a file with only a type error: it is not transpile-only.\n${tail(result.stderr)}`);
  }
}
