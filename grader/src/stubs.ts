/**
 * The exercise stubs as committed, and whether someone has started the exercises in the kit
 * itself (a self-learner works there, an instructor tries one). A stub is what `verify` takes for
 * one: a TODO, and no test passing with the hidden specs. A file changed since the last commit
 * that is no longer a stub is work in progress: `verify` checks the stub as committed instead,
 * `npm test` stops first and says how to check the kit anyway, and `release` refuses to ship it
 * (release also refuses a changed stub: the handout ships what was committed).
 * Git is asked with `git show HEAD:./<path>`; a kit that is not in a repository (a zip) has no
 * commit to compare with, and says so.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sourceFileOf, type Exercise } from './course';
import { gradeTargets } from './engine/grade';
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


/**
 * Why each of these stubs is not what `verify` takes for a stub (no TODO; tests passing with the
 * hidden specs), grading their working files. Stubs that are fine are left out.
 */
export async function stubProblems(kit: Kit, states: StubState[]): Promise<Map<StubState, string[]>> {
  const problems = new Map<StubState, string[]>();
  const add = (state: StubState, why: string): void => void problems.set(state, [...(problems.get(state) ?? []), why]);
  const present = states.filter((s) => s.working !== undefined);
  for (const state of present) if (!state.working!.includes('TODO')) add(state, 'no TODO');
  if (present.length === 0) return problems;
  const [report] = await gradeTargets(kit, [{ label: 'exercises', dir: kit.exercisesDir, exercises: present.map((s) => s.exercise) }]);
  for (const result of report!.exercises) {
    const passing = result.tests.filter((t) => t.status === 'passed').length;
    if (passing > 0) add(present.find((s) => s.exercise.id === result.id)!, `${passing} of ${result.tests.length} tests pass`);
  }
  return problems;
}

/** The exercises someone has started: changed since the last commit, and no longer stubs. */
export async function startedStubs(kit: Kit, stubs: Stubs): Promise<StubState[]> {
  const changed = changedStubs(stubs);
  const problems = await stubProblems(kit, changed);
  return changed.filter((s) => problems.has(s) || s.working === undefined);
}

/**
 * One line for `npm test` when exercises/ holds work in progress, which the kit's own tests
 * would take for broken stubs: which exercises, and how to check the kit anyway. Undefined when
 * every stub is a stub. Without git, every stub is graded; with it, only those changed.
 */
export async function workInProgressLine(kit: Kit, exercises: Exercise[]): Promise<string | undefined> {
  const stubs = readStubs(kit, exercises);
  if (stubs.inGit) {
    const started = await startedStubs(kit, stubs);
    if (started.length === 0) return undefined;
    return (
      `exercises/ holds work in progress (${started.map((s) => s.exercise.id).join(', ')}: changed since the last commit, and no longer stubs), and the kit's tests need the stubs. ` +
      'Check the kit in a clean copy, your work staying here: git worktree add --detach ../kit-check && cd ../kit-check && npm ci && npm test'
    );
  }
  const started = [...(await stubProblems(kit, stubs.states)).keys()];
  if (started.length === 0) return undefined;
  return (
    `exercises/ holds work in progress (${started.map((s) => s.exercise.id).join(', ')}: no longer stubs), and the kit's tests need the stubs. ` +
    'Check the kit in a fresh copy of it (unpack it again elsewhere, then npm install && npm test there).'
  );
}
