/**
 * Starting and stopping runner processes (../jest-side/runner.ts). A run either gets a
 * process of its own, or borrows the one a `WarmRunner` keeps between runs (watch mode).
 * Either way the process leads its own process group, so stopping it stops all it started;
 * what student code started outside that group is found by the mark in its environment.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { JEST_SIDE_DIR } from '../kit';
import { PROCESS_MARK_ENV } from '../protocol/env';

/** Node's default heap would let a runaway allocation take the whole machine. */
const CHILD_HEAP_MB = 1536;
/** A warm process is replaced after this many runs, so that leaks cannot pile up. */
const WARM_RUNS = 50;

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One run's hold on a runner process. */
export interface RunnerRun {
  exited: Promise<ProcessExit>;
  /** Set once the process has exited. */
  exit(): ProcessExit | undefined;
  stderrTail(): string;
  /** The run went wrong: kill the process (and whatever it started). */
  stop(): Promise<void>;
  /** The run completed: a one-shot process ends, a warm one stays for the next run. */
  release(): Promise<void>;
}

interface Started {
  child: ChildProcess;
  exited: Promise<ProcessExit>;
  exit?: ProcessExit;
  stderr: string;
  mark: string;
}

/** How to start Node on a script: directly, or inside the sandbox (./sandbox.ts). */
export type Launcher = (script: string, args: string[]) => { command: string; args: string[] };

const direct: Launcher = (script, args) => ({ command: process.execPath, args: [script, ...args] });

let deathSignal: boolean | undefined;

/**
 * A runner must not outlive the grader (killed, or stopped with Ctrl-C): one busy in an endless
 * loop would spin on forever. Where util-linux's `setpriv` can, the kernel kills the process we
 * start (the runner, or `unshare`, which then kills the sandboxed runner) when the grader dies.
 */
function orphanGuarded(launched: { command: string; args: string[] }): { command: string; args: string[] } {
  deathSignal ??= process.platform === 'linux' && spawnSync('setpriv', ['--pdeathsig', 'KILL', 'true'], { stdio: 'ignore' }).status === 0;
  return deathSignal ? { command: 'setpriv', args: ['--pdeathsig', 'KILL', launched.command, ...launched.args] } : launched;
}

/** How the runner gets its plan: on stdin (one-shot), or over IPC (warm). */
type PlanChannel = 'stdin' | 'ipc';

function start(args: string[], cwd: string, channel: PlanChannel, launch: Launcher = direct, env: NodeJS.ProcessEnv = {}): Started {
  const launched = orphanGuarded(launch(path.join(JEST_SIDE_DIR, 'runner.js'), args));
  const mark = crypto.randomUUID();
  const child = spawn(launched.command, launched.args, {
    cwd,
    detached: true,
    // What Jest and student code print is never read: results come through the events file.
    stdio: channel === 'ipc' ? ['ignore', 'ignore', 'pipe', 'ipc'] : ['pipe', 'ignore', 'pipe'],
    env: {
      ...process.env,
      ...env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${CHILD_HEAP_MB}`.trim(),
      FORCE_COLOR: '0',
      [PROCESS_MARK_ENV]: mark,
    },
  });
  const started: Started = { child, stderr: '', mark, exited: undefined as unknown as Promise<ProcessExit> };
  started.exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      started.exit = { code, signal };
      resolve(started.exit);
    }),
  );
  // A runner that died before its plan came closes the pipe: that is its exit's to explain.
  child.stdin?.on('error', () => undefined);
  // Only the end of stderr is kept, to explain a crash of the runner itself.
  child.stderr!.on('data', (chunk: Buffer) => {
    started.stderr = (started.stderr + chunk.toString('utf8')).slice(-4000);
  });
  return started;
}

/**
 * Kills what student code started and left running outside the runner's process group: a child
 * spawned with `detached: true` starts a session of its own, which killing the group misses,
 * and would outlive the grader (a `sleep 300`, a server). Every process whose environment
 * still carries the mark of this runner is killed, but for those of the group `spare`
 * (a warm runner, kept for the next run).
 *
 * Linux only (it reads /proc); elsewhere nothing is done. A process started with an
 * environment of its own escapes it: forbidding child processes is the sandbox's job.
 */
function killStrays(mark: string, spare?: number): void {
  let pids: number[];
  try {
    pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return;
  }
  const needle = `\0${PROCESS_MARK_ENV}=${mark}\0`;
  for (const pid of pids) {
    if (pid === process.pid) continue;
    try {
      if (!`\0${fs.readFileSync(`/proc/${pid}/environ`, 'latin1')}`.includes(needle)) continue;
      // Field 5 of /proc/<pid>/stat, after the command name in parentheses, is the group.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
      if (spare !== undefined && Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) === spare) continue;
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone already, or not ours to read.
    }
  }
}

async function killGroup(started: Started): Promise<ProcessExit> {
  try {
    process.kill(-started.child.pid!, 'SIGKILL');
  } catch {
    // Already gone.
  }
  const exit = await started.exited;
  killStrays(started.mark);
  return exit;
}

function runOf(started: Started, onStop: () => void, release: () => Promise<void>): RunnerRun {
  return {
    exited: started.exited,
    exit: () => started.exit,
    stderrTail: () => started.stderr,
    stop: async () => {
      onStop();
      await killGroup(started);
    },
    release,
  };
}

/** A runner waiting for its plan (it loads Jest meanwhile). */
export interface PendingRunner {
  /** Hands it the plan; the run is then followed through what this returns. */
  sendPlan(planFile: string): RunnerRun;
  /** No plan after all. */
  abandon(): Promise<void>;
}

/** A runner of its own for one attempt, started before its plan is ready. */
export function startRunner(cwd: string, launch?: Launcher, env?: NodeJS.ProcessEnv): PendingRunner {
  const started = start(['--stdin'], cwd, 'stdin', launch, env);
  const end = async (): Promise<void> => {
    await killGroup(started);
  };
  return {
    sendPlan: (planFile) => {
      started.child.stdin!.end(`${planFile}\n`);
      return runOf(started, () => undefined, end);
    },
    abandon: end,
  };
}

export class WarmRunner {
  private current?: Started;
  private runs = 0;

  constructor(private readonly cwd: string) {}

  /** The warm runner, as a runner waiting for its plan (it has Jest loaded already). */
  pending(): PendingRunner {
    return { sendPlan: (planFile) => this.run(planFile), abandon: async () => undefined };
  }

  private run(planFile: string): RunnerRun {
    if (!this.current || this.current.exit || this.runs >= WARM_RUNS) {
      if (this.current) void killGroup(this.current);
      this.current = start(['--serve'], this.cwd, 'ipc');
      this.runs = 0;
    }
    const started = this.current;
    this.runs++;
    started.child.send({ planFile });
    return runOf(
      started,
      () => {
        if (this.current === started) this.current = undefined;
      },
      // The process stays for the next run; what student code left running does not.
      async () => killStrays(started.mark, started.child.pid),
    );
  }

  async close(): Promise<void> {
    if (this.current) await killGroup(this.current);
    this.current = undefined;
  }
}
