/**
 * The sandbox for grading code that is not the instructor's (`--submission`, `batch`).
 *
 * Four mechanisms, each real, each doing one job:
 * - a private PID namespace (`unshare --pid`): the runner is process 1 of a namespace of its
 *   own, so student code can neither see nor signal the grader, a batch, or another
 *   submission's runner (nor stop or kill itself: process 1 ignores its own namespace's
 *   signals); and when the runner ends, the kernel ends everything left in it;
 * - a private network namespace (`unshare -n`): no network at all;
 * - a private mount namespace (`unshare -m`): what student code must not read (the
 *   solutions, the known-wrong and alternative implementations, other students' work) is
 *   covered by empty read-only tmpfs mounts; the run's own folder and the graded target are
 *   bound at fixed paths, the run folder without exec rights, so no native code can be
 *   written and loaded;
 * - Node's permission model: writes only in the run's own folder (not the specs, not the
 *   kit, not the shared Jest cache), no child processes, no worker threads. Native addons
 *   stay allowed because Jest's resolver is one; only the kit's installed ones exist.
 * The namespaces are unprivileged (`unshare -r` maps the user to root inside), so where
 * the system forbids user namespaces the sandbox is unavailable, and the caller says so.
 * Each sandboxed run has a fresh Jest cache of its own: one submission cannot poison a
 * cache another submission's grading reads.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { scratchFolder } from './lifetime';

export interface SandboxOptions {
  /** Folders student code must not see. */
  hide: string[];
}

/** The paths a sandboxed run uses, as seen inside and outside the namespaces. */
export interface SandboxLayout {
  /** An empty folder on the host; inside, the mount points below live in it. */
  view: string;
  /** Inside: the run's own folder (plan, events, cache, temp), writable, noexec. */
  run: string;
  /** Inside: where each target folder is bound, read-only, by its host path. */
  targets: Map<string, string>;
  /** Removes `view` and all in it. */
  remove(): void;
}

const NAMESPACES = ['-rmn'];
/** The permission model's flag: `--permission` since Node.js 22.13 and 23.5, which dropped the experimental name in 24. */
const PERMISSION_FLAG = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';
const PID_NAMESPACE = ['--pid', '--fork', '--kill-child', '--mount-proc'];

const SYSTEM_NAMES: Partial<Record<NodeJS.Platform, string>> = { darwin: 'macOS', win32: 'Windows' };

/** What this system lets an unprivileged process do: all four mechanisms, all but the PID namespace, or none. */
export type SandboxSupport = 'full' | 'no-pid' | 'none';

let support: SandboxSupport | undefined;

/** Checked once per grader process. */
export function sandboxSupport(): SandboxSupport {
  const works = (args: string[]): boolean => spawnSync('unshare', [...args, 'true'], { stdio: 'ignore', timeout: 5000 }).status === 0;
  support ??= works([...NAMESPACES, ...PID_NAMESPACE]) ? 'full' : works(NAMESPACES) ? 'no-pid' : 'none';
  return support;
}

export function sandboxLayout(targetDirs: string[]): SandboxLayout {
  const { dir: view, remove } = scratchFolder('sandbox');
  const run = path.join(view, 'run');
  fs.mkdirSync(run);
  const targets = new Map<string, string>();
  targetDirs.forEach((dir, i) => {
    const inside = path.join(view, `target-${i}`);
    fs.mkdirSync(inside);
    targets.set(dir, inside);
  });
  return { view, run, targets, remove };
}

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command that starts `node <script> <args>` inside the sandbox: a shell in fresh
 * namespaces sets up the mounts, then becomes Node under the permission model.
 */
export function sandboxCommand(
  layout: SandboxLayout,
  runDir: string,
  options: SandboxOptions,
  script: string,
  args: string[],
): { command: string; args: string[] } {
  const lines = ['set -e', `mount --bind ${quote(runDir)} ${quote(layout.run)}`, `mount -o remount,bind,noexec,nosuid,nodev ${quote(layout.run)}`];
  for (const [host, inside] of layout.targets) {
    lines.push(`mount --bind ${quote(host)} ${quote(inside)}`, `mount -o remount,bind,ro,noexec,nosuid,nodev ${quote(inside)}`);
  }
  for (const hidden of options.hide) {
    if (fs.existsSync(hidden)) lines.push(`mount -t tmpfs -o ro,size=4k,mode=0755 none ${quote(hidden)}`);
  }
  lines.push(
    `exec ${[process.execPath, PERMISSION_FLAG, '--allow-fs-read=*', `--allow-fs-write=${layout.run}`, '--allow-addons', script, ...args]
      .map(quote)
      .join(' ')}`,
  );
  // In a PID namespace of its own, the runner also leads a session of its own (`setsid`): its
  // process group then holds nothing else, so not even `kill(0)` reaches `unshare` outside.
  const pid = sandboxSupport() === 'full' ? [...PID_NAMESPACE, 'setsid'] : [];
  return { command: 'unshare', args: [...NAMESPACES, ...pid, 'sh', '-c', lines.join('\n')] };
}

export function removeLayout(layout: SandboxLayout): void {
  layout.remove();
}

/**
 * Whether to grade in the sandbox: asked for and available. When it is asked for but the
 * system forbids user namespaces, grading goes on without it, and the caller is told why, once;
 * likewise when only the PID namespace is missing.
 */
export function chooseSandbox(wanted: boolean, warn: (message: string) => void): boolean {
  if (!wanted) return false;
  const found = sandboxSupport();
  if (found === 'full') return true;
  if (found === 'no-pid') {
    warn(
      'warning: this system does not allow a PID namespace (`unshare -rmn --pid --fork true` fails): student code is sandboxed but can signal processes of your user. Pass --no-sandbox to silence this.',
    );
    return true;
  }
  warn(
    process.platform === 'linux'
      ? 'warning: the sandbox is not available here (this system does not allow unprivileged user namespaces: `unshare -rmn true` fails); grading without it. Pass --no-sandbox to silence this.'
      : `warning: the sandbox needs Linux (its namespaces), and this is ${SYSTEM_NAMES[process.platform] ?? process.platform}: grading without it, so student code runs with your rights; grade work you do not trust on Linux. Pass --no-sandbox to silence this.`,
  );
  return false;
}
