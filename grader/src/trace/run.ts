/**
 * Runs a trace in a process of its own (./child.ts) and prints its timeline as it arrives.
 * Student code may loop forever, exit, or crash: the process is killed at the time limit, and
 * each of these ends the trace with one line saying what happened, after what was traced so far.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import pc from 'picocolors';
import { GraderFault } from '../errors';
import { own, titleConsole } from '../engine/lifetime';
import { DIST_DIR } from '../kit';
import { secondsText } from '../protocol/failures';
import { EVENTS_FD, type TraceEvent, type TraceRequest } from './protocol';

/** Compiled, also when this file runs from grader/src in the grader's own tests. */
const CHILD = path.join(DIST_DIR, 'trace', 'child.js');
/** Loading TypeScript and the recorder is the grader's part: generous, and not the student's time. */
const START_LIMIT_MS = 60_000;
/** A runaway allocation fails quickly instead of taking the machine. */
const CHILD_HEAP_MB = 1024;
/** Once the child has exited, what it wrote has arrived by then. */
const CLOSE_WITHIN_MS = 2000;
/** What the code wrote straight to stdout or stderr is shown after the timeline, up to this much. */
const OUTPUT_SHOWN = 2000;

export interface TraceSettings {
  /** The student's time, from when their file starts loading. */
  timeoutMs: number;
  color: boolean;
  write(text: string): void;
}

export interface TraceOutcome {
  examples: number;
  /** Examples an uncaught error ended early. */
  stopped: number;
  /** Why the trace stopped short, in one line; absent when every example ran. */
  problem?: string;
}

let deathSignal: boolean | undefined;

/** Where util-linux's `setpriv` can, the kernel kills the child when the grader dies (Ctrl-C, kill). */
function command(args: string[]): { file: string; args: string[] } {
  deathSignal ??= process.platform === 'linux' && spawnSync('setpriv', ['--pdeathsig', 'KILL', 'true'], { stdio: 'ignore', timeout: 5000 }).status === 0;
  const node = [process.execPath, `--max-old-space-size=${CHILD_HEAP_MB}`, CHILD, ...args];
  return deathSignal ? { file: 'setpriv', args: ['--pdeathsig', 'KILL', ...node] } : { file: node[0]!, args: node.slice(1) };
}

export function runTrace(request: TraceRequest, settings: TraceSettings): Promise<TraceOutcome> {
  const colors = pc.createColors(settings.color);
  const { file, args } = command([JSON.stringify(request)]);
  titleConsole();
  const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
  const disown = own({ killNow: () => child.kill('SIGKILL') });
  child.on('exit', () => {
    disown();
    // Its output ends with it, unless something it started still holds the pipes: not waited for.
    setTimeout(() => child.stdio.forEach((stream) => stream?.destroy()), CLOSE_WITHIN_MS).unref();
  });

  let ready = false;
  let done = false;
  let timedOut = false;
  let problem: string | undefined;
  let example: { number: number; title: string } | undefined;
  let examples = 0;
  let stopped = 0;
  let running: string | undefined;
  let output = '';
  let pending = '';

  const keepOutput = (chunk: Buffer) => {
    if (output.length < OUTPUT_SHOWN + 1) output += chunk.toString('utf8');
  };
  child.stdout!.on('data', keepOutput);
  child.stderr!.on('data', keepOutput);

  let timer = setTimeout(() => stop(), START_LIMIT_MS);
  const stop = () => {
    timedOut = true;
    child.kill('SIGKILL');
  };

  const handle = (event: TraceEvent) => {
    switch (event.type) {
      case 'ready':
        ready = true;
        clearTimeout(timer);
        timer = setTimeout(stop, settings.timeoutMs);
        break;
      case 'example':
        example = event;
        examples = event.number;
        running = undefined;
        settings.write(`\n${colors.bold(`Example ${event.number}`)} · ${event.title}\n`);
        break;
      case 'lines':
        settings.write(event.lines.map((line) => `  ${line}\n`).join(''));
        break;
      case 'running':
        running = event.what;
        break;
      case 'example-done':
        example = undefined;
        if (event.stopped) stopped += 1;
        break;
      case 'problem':
        problem = event.message;
        break;
      case 'done':
        done = true;
        break;
    }
  };
  (child.stdio[EVENTS_FD] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      let event: TraceEvent;
      try {
        event = JSON.parse(line) as TraceEvent;
      } catch {
        // Not the child's: student code can write to any open descriptor.
        continue;
      }
      handle(event);
    }
  });

  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new GraderFault(`the trace could not start a process (${error.message}).`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (!ready) {
        const why = timedOut ? `it did not start within ${secondsText(START_LIMIT_MS)}` : (output.trim().split('\n').at(-1) ?? `exit code ${code}`);
        reject(new GraderFault(`the trace could not start (${why}). Run "npm install" in the kit's folder and try again.`));
        return;
      }
      const shown = output.trim();
      if (shown) settings.write(`\n${colors.dim('Your code also wrote, outside console.log:')}\n${shown.slice(0, OUTPUT_SHOWN)}${shown.length > OUTPUT_SHOWN ? '…' : ''}\n`);
      const during = example ? `example ${example.number} ("${example.title}")` : 'loading';
      if (timedOut) {
        const step = running && example ? `; the last step it began was ${running}` : '';
        problem = example
          ? `${request.studentLabel} never finished: ${during} was still running after ${secondsText(settings.timeoutMs)}${step}. Is there an endless loop?`
          : `${request.studentLabel} never finished loading: it was still running after ${secondsText(settings.timeoutMs)}. Is there an endless loop outside its functions?`;
      } else if (!problem && !done) {
        problem =
          code === 0 && signal === null && example
            ? `${during} never finished: it waits for a promise that never settles.`
            : `${request.studentLabel} ended the process during ${during} (${signal ? `signal ${signal}` : `exit code ${code}`}): process.exit, or out of memory?`;
      }
      resolve({ examples, stopped, ...(problem ? { problem } : {}) });
    });
  });
}
