/**
 * The process tree under a pid, read from /proc (Linux only). The grader's Jest child leads
 * its own process group and Jest forks workers of its own, so neither a process group nor
 * GNU time's %M (the largest single process) gives the memory of a whole grade: the sum of
 * every descendant's resident set, sampled often, does.
 */
import fs from 'node:fs';

/** Every live pid with its parent, from /proc/<pid>/stat. */
function parentsByPid(): Map<number, number> {
  const parents = new Map<number, number>();
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return parents;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited between readdir and read
    }
    // The command name (field 2) is in parentheses and may itself contain spaces or
    // parentheses, so the fields are counted from the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(rest[1]);
    if (Number.isInteger(ppid)) parents.set(Number(entry), ppid);
  }
  return parents;
}

/** `root` and all its live descendants, root first. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parentsByPid()) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Resident set of one process in KiB, or 0 once it has gone (or is a zombie). */
export function rssKiB(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Proportional set size in KiB: shared pages (Node's own code, above all, mapped by every
 * process in the tree) divided among their users, so that a sum counts them once.
 */
export function pssKiB(pid: number): number {
  try {
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const match = /^Pss:\s+(\d+)\s+kB/m.exec(rollup);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Running (a zombie waiting to be reaped has finished: it holds no memory, does nothing). */
export function isAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Kills a process we started and everything under it, each by its own pid: the grader's
 * Jest child is in another process group, so killing our child's group would miss it.
 */
export function killTree(root: number): void {
  for (const pid of processTree(root).reverse()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export interface RssSampler {
  /**
   * Stops sampling; returns the largest sums seen, in KiB (RSS, and PSS, 0 where
   * smaps_rollup cannot be read), and the most processes seen at once.
   */
  stop(): { peakKiB: number; peakPssKiB: number; peakProcesses: number; samples: number };
}

/**
 * Samples the summed RSS of `root`'s tree every `intervalMs`. `skipRoot` leaves out the root
 * itself (when it is /usr/bin/time, whose own few hundred KiB are not the grader's).
 */
export function sampleTreeRss(root: number, intervalMs: number, skipRoot: boolean): RssSampler {
  let peakKiB = 0;
  let peakPssKiB = 0;
  let peakProcesses = 0;
  let samples = 0;
  const sample = (): void => {
    const pids = processTree(root).filter((pid) => !(skipRoot && pid === root));
    const sum = pids.reduce((total, pid) => total + rssKiB(pid), 0);
    const pss = pids.reduce((total, pid) => total + pssKiB(pid), 0);
    samples++;
    peakKiB = Math.max(peakKiB, sum);
    peakPssKiB = Math.max(peakPssKiB, pss);
    peakProcesses = Math.max(peakProcesses, pids.length);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return { peakKiB, peakPssKiB, peakProcesses, samples };
    },
  };
}
