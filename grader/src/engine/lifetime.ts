/**
 * What the grader starts and makes ends with it, however it ends: finished, failed, Ctrl-C,
 * its window closed, or `kill`. Child processes it still has are killed and its scratch folders
 * removed on its way out (an `exit` handler, and handlers for the signals that would otherwise
 * end it without one). Only a SIGKILL skips these: then each child ends itself
 * (../protocol/lifeline.ts), and the next grade removes the scratch folders of graders that are
 * gone (`sweepScratch`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A child process as the grader holds it: something that can be killed at once, synchronously. */
export interface Owned {
  killNow(): void;
}

const children = new Set<Owned>();
const folders = new Set<string>();
const lastWords = new Set<() => void>();
let installed = false;

/** The signals that end a Node.js process when it has no handler; SIGHUP is a closed window. */
const ENDING_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function endAll(): void {
  for (const child of children) {
    try {
      child.killNow();
    } catch {
      // Gone already.
    }
  }
  children.clear();
  for (const undo of lastWords) undo();
  lastWords.clear();
  for (const dir of folders) {
    try {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
    } catch {
      // A file a killed child still held (Windows): the next grade's sweep removes it.
    }
  }
  folders.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', endAll);
  for (const signal of ENDING_SIGNALS) {
    process.on(signal, () => {
      endAll();
      process.exit(128 + (os.constants.signals[signal] ?? 0));
    });
  }
}

/**
 * Node.js 22 and 24 on Windows abort as they start in a console whose title is empty (libuv's
 * process-title assertion, fixed in Node.js 26), and a child shares the grader's console, whose
 * title a terminal may leave empty or clear (Wine does, for the alternate screen of watch mode).
 * So the grader gives the console a title before it starts a child; elsewhere nothing is done.
 */
export function titleConsole(): void {
  if (process.platform === 'win32') process.title = 'coroutine-grader';
}

/** Kills `child` if the grader ends while it runs; call what this returns once it has ended. */
export function own(child: Owned): () => void {
  install();
  children.add(child);
  return () => children.delete(child);
}

/** Something to undo on the way out however the grader ends (a terminal put back as it was). */
export function atExit(undo: () => void): () => void {
  install();
  lastWords.add(undo);
  return () => lastWords.delete(undo);
}

const SCRATCH = /^coroutine-[a-z]+-(\d+)-/;

/**
 * A folder in the system's temporary folder, named for `kind` and this process, removed however
 * the grader ends (`remove` removes it sooner).
 */
export function scratchFolder(kind: string): { dir: string; remove(): void } {
  install();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `coroutine-${kind}-${process.pid}-`));
  folders.add(dir);
  return {
    dir,
    remove: () => {
      folders.delete(dir);
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
    },
  };
}

/** Whether a process has this pid (one of another user's counts, though it cannot be signalled). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Removes the scratch folders in `tmp` that graders killed outright (SIGKILL, a power cut) left behind. */
export function sweepScratch(tmp: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(tmp);
  } catch {
    return;
  }
  for (const name of names) {
    const owner = SCRATCH.exec(name)?.[1];
    if (owner === undefined || Number(owner) === process.pid || isRunning(Number(owner))) continue;
    try {
      fs.rmSync(path.join(tmp, name), { recursive: true, force: true });
    } catch {
      // Another user's, or in use: not ours to remove.
    }
  }
}

let swept = false;

/** `sweepScratch` of the system's temporary folder, once per process (watch mode grades on every save). */
export function sweepScratchOnce(): void {
  if (swept) return;
  swept = true;
  sweepScratch(os.tmpdir());
}
