/**
 * The exercise stubs as committed. Someone may have started the exercises in the kit itself
 * (a self-learner works there, an instructor tries one): `verify` then checks the stubs as the
 * last commit has them, and `release` refuses to ship a file that is not its committed stub.
 * Git is asked with `git show HEAD:./<path>`; a kit that is not in a repository (a zip) has no
 * commit to compare with, and says so.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sourceFileOf, type Exercise } from './course';
import type { Kit } from './kit';

export interface StubState {
  exercise: Exercise;
  /** The stub file, relative to the kit, `/`-separated (`exercises/05-summer/summer.ts`). */
  file: string;
  /** What the working copy holds; undefined when the file is missing. */
  working: string | undefined;
  /** What the last commit holds; undefined when it does not have the file (or there is no commit). */
  committed: string | undefined;
}

export interface Stubs {
  /** Whether the kit is in a git repository with a commit to compare with. */
  inGit: boolean;
  states: StubState[];
}

/** The file at HEAD, `undefined` when HEAD does not have it, `null` when git cannot tell (no repository, no git). */
function committedText(rootDir: string, file: string): string | undefined | null {
  const result = spawnSync('git', ['-C', rootDir, 'show', `HEAD:./${file}`], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (result.status === 0) return result.stdout;
  if (result.error || /not a git repository|unknown revision|bad revision|ambiguous argument 'HEAD'/i.test(result.stderr)) return null;
  return undefined;
}

export function readStubs(kit: Kit, exercises: Exercise[]): Stubs {
  let inGit = true;
  const states = exercises.map((exercise) => {
    const file = path.posix.join('exercises', ...sourceFileOf(exercise).split(path.sep));
    const full = path.join(kit.rootDir, file);
    const working = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
    const committed = inGit ? committedText(kit.rootDir, file) : null;
    if (committed === null) inGit = false;
    return { exercise, file, working, committed: committed ?? undefined };
  });
  return { inGit, states };
}

/** The stubs whose working file is not what the last commit holds. */
export function changedStubs(stubs: Stubs): StubState[] {
  return stubs.inGit ? stubs.states.filter((s) => s.committed !== s.working) : [];
}
