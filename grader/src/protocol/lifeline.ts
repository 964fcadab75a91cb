/**
 * A child of the grader (a runner, a trace) ends itself when the grader is gone, however the
 * grader ended: killed, its window closed, Ctrl-C. Student code may be stuck in an endless loop
 * on the child's main thread, so the watch runs on a thread of its own, which checks the grader
 * every second and kills its own process once the grader has gone.
 *
 * This is the guard that works on every system: Linux also has the kernel's (`setpriv
 * --pdeathsig`), Windows its kill-on-close job for children that are not detached, macOS
 * neither. A sandboxed runner has no thread (the permission model forbids them) and needs none:
 * it is process 1 of a PID namespace that `unshare --kill-child` ends with the grader.
 */
import { Worker } from 'node:worker_threads';

/** How often the grader is looked for; a child outlives it by at most about this. */
export const LIFELINE_CHECK_MS = 1000;

/**
 * Run as the thread's source. Gone means: no process has the grader's pid any more, or (on
 * Linux and macOS, where an orphan is handed to another parent) this process has a new parent.
 */
const WATCH = `
const { workerData } = require('node:worker_threads');
const { parent, every } = workerData;
const gone = () => {
  if (process.platform !== 'win32' && process.ppid !== parent) return true;
  try { process.kill(parent, 0); return false; } catch (error) { return error.code === 'ESRCH'; }
};
setInterval(() => { if (gone()) process.kill(process.pid, 'SIGKILL'); }, every);
`;

/** Starts the watch on the process that started this one; nothing when there is none to watch. */
export function endWithParent(): void {
  const parent = process.ppid;
  // 0 or 1: already an orphan, or the first process of a PID namespace (the sandbox).
  if (parent <= 1) return;
  try {
    new Worker(WATCH, { eval: true, workerData: { parent, every: LIFELINE_CHECK_MS } }).unref();
  } catch {
    // Threads forbidden (the permission model): the sandbox's namespace does this job.
  }
}
