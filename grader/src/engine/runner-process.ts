/**
 * Starting and stopping runner processes (../jest-side/runner.ts). A run either gets a
 * process of its own, or borrows the one a `WarmRunner` keeps between runs (watch mode).
 * On Linux and macOS the process leads its own process group, so stopping it stops all it
 * started; what student code started outside that group is found by the mark in its
 * environment (Linux). Windows has no process groups: the runner is killed itself, and stays in
 * the job that ends it, and whatever it started, with the grader.
 *
 * Every wait on a runner has a deadline: one that does not end once killed is a grader fault
 * (exit 3) with a line that says so, never a hang.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { GraderFault } from '../errors';
import { JEST_SIDE_DIR } from '../kit';
import { PROCESS_MARK_ENV } from '../protocol/env';
import { own, titleConsole } from './lifetime';

/** Node's default heap would let a runaway allocation take the whole machine. */
const CHILD_HEAP_MB = 1536;
/** A warm process is replaced after this many runs, so that leaks cannot pile up. */
const WARM_RUNS = 50;
/** A killed process is gone within milliseconds; past this, it could not be killed. */
const KILLED_WITHIN_MS = 5000;
/** No process groups on Windows (see the module comment). */
const GROUPS = process.platform !== 'win32';

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
  /** Kills the process and its group, at once; nothing once it has exited. */
  killNow(): void;
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
  deathSignal ??= process.platform === 'linux' && spawnSync('setpriv', ['--pdeathsig', 'KILL', 'true'], { stdio: 'ignore', timeout: 5000 }).status === 0;
  return deathSignal ? { command: 'setpriv', args: ['--pdeathsig', 'KILL', launched.command, ...launched.args] } : launched;
}

/** How the runner gets its plan: on stdin (one-shot), or over IPC (warm). */
type PlanChannel = 'stdin' | 'ipc';

function start(args: string[], cwd: string, channel: PlanChannel, launch: Launcher = direct, env: NodeJS.ProcessEnv = {}): Started {
  const launched = orphanGuarded(launch(path.join(JEST_SIDE_DIR, 'runner.js'), args));
  const mark = crypto.randomUUID();
  titleConsole();
  const child = spawn(launched.command, launched.args, {
    cwd,
    // A group of its own, to be killed whole. On Windows a detached child would leave the job
    // that ends the grader's children with it (and get a console of its own).
    detached: GROUPS,
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
  const killNow = (): void => {
    if (started.exit || child.pid === undefined) return;
    try {
      if (GROUPS) process.kill(-child.pid, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      // Exited a moment ago; `exit` has not been seen yet.
    }
  };
  const started: Started = { child, stderr: '', mark, killNow, exited: undefined as unknown as Promise<ProcessExit> };
  const disown = own(started);
  started.exited = new Promise((resolve) => {
    const ended = (exit: ProcessExit): void => {
      disown();
      started.exit ??= exit;
      resolve(started.exit);
    };
    child.on('exit', (code, signal) => ended({ code, signal }));
    // Not started at all (Node's binary gone, the sandbox's `unshare` missing): no exit will come.
    child.on('error', (error) => {
      if (child.pid !== undefined) return;
      started.stderr += `could not start ${launched.command}: ${error.message}`;
      ended({ code: null, signal: null });
    });
  });
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
  started.killNow();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), KILLED_WITHIN_MS)));
  const exit = await Promise.race([started.exited, late]);
  clearTimeout(timer);
  if (!exit) {
    throw new GraderFault(
      `a runner process (pid ${started.child.pid}) did not end within ${KILLED_WITHIN_MS / 1000} s of being killed; end it with your system's task manager, then grade again.`,
    );
  }
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
  private closed = false;

  constructor(private readonly cwd: string) {}

  /** The warm runner, as a runner waiting for its plan (it has Jest loaded already). */
  pending(): PendingRunner {
    return { sendPlan: (planFile) => this.run(planFile), abandon: async () => undefined };
  }

  private run(planFile: string): RunnerRun {
    // A grade still going when watch mode quits must not start the process again.
    if (this.closed) throw new GraderFault('The grade was stopped.');
    if (!this.current || this.current.exit || this.runs >= WARM_RUNS) {
      // Worn out or dead: killed without waiting (a failure to die shows in the next wait on it).
      this.current?.killNow();
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
    this.closed = true;
    const current = this.current;
    this.current = undefined;
    if (current) await killGroup(current);
  }
}
