/** Shared by the grader's tests: paths, and running the real grader command. */
import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';

export const KIT_ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(__dirname, 'fixtures');
export const FIXTURE_KIT = path.join(FIXTURES, 'kit');
export const FIXTURE_TARGETS = path.join(FIXTURES, 'targets');
const BIN = path.join(KIT_ROOT, 'grader', 'bin', 'grader.js');

export interface GraderRun {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

export function runGrader(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<GraderRun> {
  return runBin(BIN, args, options);
}

/** Runs the grader of another copy of the kit (a handout, say), from its own folder. */
export function runGraderIn(kit: string, args: string[]): Promise<GraderRun> {
  return runBin(path.join(kit, 'grader', 'bin', 'grader.js'), args, { cwd: kit });
}

function runBin(bin: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string }): Promise<GraderRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: options.cwd ?? KIT_ROOT, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr, seconds: (Date.now() - started) / 1000 });
      },
    );
  });
}

/** The ids of the processes whose whole command line is `commandLine` (what a hostile fixture leaves running). */
export function pidsRunning(commandLine: string): number[] {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && match[2]!.trim() === commandLine)
    .map((match) => Number(match[1]));
}
