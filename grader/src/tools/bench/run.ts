/**
 * Running one measured command and the small statistics the bench needs. Wall-clock time
 * from spawn to the close of the child's output: that is what a user waits for.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { killTree } from './proc';

/** The bench itself could not measure correctly (a grade skipped a spec, a run crashed…). */
export class BenchFailure extends Error {}

/** The figure was measured, but the grader misbehaved along the way (watch ignoring "q"). */
export class FaultFound extends BenchFailure {}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** A run that takes longer is killed and is a bench failure. */
  timeoutMs: number;
  /** Called once the child exists (the RSS sampler needs its pid). */
  onSpawn?: (child: ChildProcess) => void;
}

/** Children still running, so that Ctrl-C on the bench does not leave graders behind. */
export const liveChildren = new Set<ChildProcess>();

/** Only the end of a child's output is kept: enough to explain a failure, never megabytes. */
const KEEP_CHARS = 20_000;

export function run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    liveChildren.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout = (stdout + chunk.toString('utf8')).slice(-KEEP_CHARS)));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-KEEP_CHARS)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) killTree(child.pid);
    }, options.timeoutMs);
    options.onSpawn?.(child);
    child.on('error', (error) => {
      clearTimeout(timer);
      liveChildren.delete(child);
      reject(new BenchFailure(`could not start ${command}: ${error.message}`));
    });
    // 'close' rather than 'exit': it waits for the output pipes, which any process still
    // holding them (a Jest worker left behind, say) keeps open.
    child.on('close', (code, signal) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      liveChildren.delete(child);
      if (timedOut) {
        reject(new BenchFailure(`${describe(command, args)} did not finish within ${Math.round(options.timeoutMs / 1000)} s and was killed.`));
      } else {
        resolve({ code, signal, ms, stdout, stderr });
      }
    });
  });
}

export function describe(command: string, args: string[]): string {
  const shown = [command === process.execPath ? 'node' : command, ...args];
  return shown.map((a) => (/[\s'"]/.test(a) ? JSON.stringify(a) : a)).join(' ');
}

/** The last lines of a child's output, for a failure message. */
export function tail(text: string, lines = 15): string {
  return text.trimEnd().split('\n').slice(-lines).map((l) => `      ${l}`).join('\n');
}

/** Fails unless the run exited 0. */
export function requireSuccess(result: RunResult, what: string): void {
  if (result.code === 0) return;
  throw new BenchFailure(
    `${what} exited with ${result.signal ?? `code ${result.code}`}.\n    stderr:\n${tail(result.stderr)}\n    stdout:\n${tail(result.stdout)}`,
  );
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
