/**
 * `verify`: the kit's conscience. The manifest and the folders agree in both directions,
 * every stub has a TODO, every solution earns full marks, every stub earns zero on every
 * test, every known-wrong implementation loses points, and every alternative correct one
 * keeps full marks; every reference solution runs within half its budget; the Korean texts
 * keep one voice (../korean-voice.ts); every known mistake has its explanations, can be told
 * from the others, and its signature on file is current (./verify-mistakes.ts); and, with
 * `--repeat`, no test changes its status from one run to the next.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pc from 'picocolors';
import { selectExercises, slugOf, sourceFileOf, type Exercise } from '../course';
import { CheckFailed, UsageError } from '../errors';
import { gradeTargets, type GradeTarget } from '../engine/grade';
import type { GradeReport } from '../report/report';
import { specFileOf, type Kit } from '../kit';
import { koreanVoiceChecks } from '../korean-voice';
import { applyEdits, loadMutantsFile, mutantsFileOf, type LoadedMutant } from '../mutants';
import { survivorsChecks } from '../survivors';
import { useColor } from '../output';
import { loadContext, type CommandContext } from './context';
import { readStubs, startedStubs } from '../stubs';
import { tableChecks } from './readme';
import { knownMistakeChecks } from './verify-mistakes';
import { EXAMPLES_FILE } from './trace';
import { scratchFolder } from '../engine/lifetime';

/** Files every exercise folder must have for students. */
/** Beside each stub: the READMEs, the tiered hints, and the public examples `npm run trace` runs. */
const EXERCISE_FILES = ['README.md', 'README.ko.md', 'hints.md', 'hints.ko.md', EXAMPLES_FILE];

interface Check {
  ok: boolean;
  what: string;
}

function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/** The folders in `dir`: exercise folders sit beside course-wide files (the glossary, say). */
function listFolders(dir: string): string[] {
  return listDir(dir).filter((name) => fs.statSync(path.join(dir, name)).isDirectory());
}

/** Each selected exercise's files; then, for the whole kit, the README tables and what the manifest does not know. */
function structureChecks(context: CommandContext, selected: Exercise[], stubText: (exercise: Exercise) => string | undefined): Check[] {
  const { kit, course } = context;
  const checks: Check[] = [];
  const ids = new Set(course.exercises.map((e) => e.id));
  for (const exercise of selected) {
    const stub = path.join(kit.exercisesDir, sourceFileOf(exercise));
    const required = [
      stub,
      path.join(kit.solutionsDir, sourceFileOf(exercise)),
      specFileOf(kit, exercise.id),
      ...EXERCISE_FILES.map((f) => path.join(kit.exercisesDir, exercise.id, f)),
    ];
    const missing = required.filter((f) => !fs.existsSync(f)).map((f) => path.relative(kit.rootDir, f));
    checks.push({ ok: missing.length === 0, what: `${exercise.id} has its files${missing.length ? `; missing: ${missing.join(', ')}` : ''}` });
    const text = stubText(exercise);
    if (text !== undefined) checks.push({ ok: text.includes('TODO'), what: `${exercise.id} stub has a TODO` });
    for (const file of ['hints.md', 'hints.ko.md']) {
      const hints = path.join(kit.exercisesDir, exercise.id, file);
      if (fs.existsSync(hints)) {
        const count = (fs.readFileSync(hints, 'utf8').match(/^## /gm) ?? []).length;
        checks.push({ ok: count >= 2, what: `${exercise.id} ${file} has at least two hints (found ${count})` });
      }
    }
  }
  checks.push(...tableChecks(kit.rootDir, course));
  checks.push(...koreanVoiceChecks(kit.rootDir));
  checks.push(...survivorsChecks(kit, course));
  // The other direction: nothing in the folders that the manifest does not know.
  const strays = [
    ...listFolders(kit.exercisesDir).map((n) => ['exercises', n] as const),
    ...listFolders(kit.solutionsDir).map((n) => ['solutions', n] as const),
    ...listDir(kit.mutantsDir)
      .filter((n) => n.endsWith('.ts'))
      .map((n) => ['grader/mutants', n.replace(/\.ts$/, '')] as const),
    ...listFolders(kit.alternativesDir).map((n) => ['grader/alternatives', n] as const),
    ...listDir(kit.specsDir)
      .filter((n) => n.endsWith('.spec.ts'))
      .map((n) => ['grader/specs', n.replace(/\.spec\.ts$/, '')] as const),
  ].filter(([, name]) => !ids.has(name));
  for (const [dir, name] of strays) checks.push({ ok: false, what: `${dir}/${name} is not in grader/course.json` });
  return checks;
}

/**
 * One scratch target per mutant: a folder holding just that exercise's file, the reference
 * solution with the mutant's edits applied. A mutants file that does not load, or an edit that
 * no longer fits the solution, is a fault instead of a target.
 */
function mutantTargets(context: CommandContext, scratch: string): { targets: Array<GradeTarget & { mutant: LoadedMutant }>; faults: Check[] } {
  const { kit } = context;
  const targets: Array<GradeTarget & { mutant: LoadedMutant }> = [];
  const faults: Check[] = [];
  for (const exercise of context.course.exercises) {
    const file = `grader/mutants/${exercise.id}.ts`;
    const loaded = loadMutantsFile(mutantsFileOf(kit.mutantsDir, exercise.id));
    if (!loaded.ok) {
      faults.push({ ok: false, what: `${file}: ${loaded.problem}` });
      continue;
    }
    const solutionFile = path.join(kit.solutionsDir, sourceFileOf(exercise));
    const solution = fs.readFileSync(solutionFile, 'utf8');
    for (const mutant of loaded.mutants) {
      const label = `${file}#${mutant.name}`;
      const { text, problems } = applyEdits(solution, mutant.edits);
      for (const { edit, from, occurrences } of problems) {
        const shown = JSON.stringify(from.length > 60 ? `${from.slice(0, 60)}…` : from);
        const times = occurrences === 0 ? '0 times' : 'more than once';
        faults.push({ ok: false, what: `${label}: edit ${edit} ${shown} occurs ${times} in ${path.relative(kit.rootDir, solutionFile)}` });
      }
      if (problems.length > 0) continue;
      const dir = path.join(scratch, 'mutants', exercise.id, mutant.name);
      fs.mkdirSync(path.join(dir, exercise.id), { recursive: true });
      fs.writeFileSync(path.join(dir, sourceFileOf(exercise)), text);
      targets.push({ label, dir, exercises: [exercise], mutant });
    }
  }
  return { targets, faults };
}

/** One scratch target per alternative: a folder holding just that exercise's file. */
function alternativeTargets(context: CommandContext, scratch: string): GradeTarget[] {
  const base = context.kit.alternativesDir;
  return context.course.exercises.flatMap((exercise) =>
    listDir(path.join(base, exercise.id))
      .filter((f) => f.endsWith('.ts'))
      .map((file) => {
        const dir = path.join(scratch, 'alternatives', exercise.id, file.replace(/\.ts$/, ''));
        fs.mkdirSync(path.join(dir, exercise.id), { recursive: true });
        fs.copyFileSync(path.join(base, exercise.id, file), path.join(dir, exercise.id, `${slugOf(exercise)}.ts`));
        return { label: `grader/alternatives/${exercise.id}/${file}`, dir, exercises: [exercise] };
      }),
  );
}

function exerciseOf(report: GradeReport): GradeReport['exercises'][number] {
  return report.exercises[0]!;
}

/** What a set of reports says about each test, to compare one run with the next. */
function outcomesOf(reports: GradeReport[], targets: GradeTarget[]): Map<string, string> {
  const outcomes = new Map<string, string>();
  reports.forEach((report, i) => {
    for (const result of report.exercises) {
      for (const test of result.tests) outcomes.set(`${targets[i]!.label} › ${result.id} › ${test.name}`, test.status);
    }
  });
  return outcomes;
}

/**
 * A spec that passes or fails at random would make grades unfair: grading the solutions and the
 * known-wrong implementations again must give every test the same status.
 */
async function flakyChecks(kit: Kit, targets: GradeTarget[], first: GradeReport[], repeat: number): Promise<Check[]> {
  const expected = outcomesOf(first, targets);
  const changed = new Map<string, string[]>();
  for (let run = 2; run <= repeat; run++) {
    const again = outcomesOf(await gradeTargets(kit, targets), targets);
    for (const [test, status] of again) {
      if (status !== expected.get(test)) changed.set(test, [...(changed.get(test) ?? [expected.get(test) ?? 'missing']), `${status} in run ${run}`]);
    }
  }
  const checks: Check[] = [...changed].map(([test, statuses]) => ({ ok: false, what: `flaky: ${test} was ${statuses.join(', then ')}` }));
  checks.push({ ok: changed.size === 0, what: `every test of the solutions and known-wrong implementations kept its status over ${repeat} runs` });
  return checks;
}

/** A target folder of the stubs as `stubOf` gives them (the committed ones, for exercises someone has started). */
function writeStubs(scratch: string, exercises: Exercise[], stubOf: (exercise: Exercise) => string | undefined): string {
  const dir = path.join(scratch, 'stubs');
  for (const exercise of exercises) {
    const text = stubOf(exercise);
    if (text === undefined) continue;
    fs.mkdirSync(path.join(dir, exercise.id), { recursive: true });
    fs.writeFileSync(path.join(dir, sourceFileOf(exercise)), text);
  }
  return dir;
}

/** A reference solution that needs half its exercise's budget leaves a student's honest solution too little. */
function timingChecks(exercises: Exercise[], durations: Map<string, number>): Check[] {
  return exercises.map((exercise) => {
    const ms = durations.get(exercise.id);
    const budgetMs = exercise.timeoutSeconds * 1000;
    return {
      ok: ms !== undefined && ms <= budgetMs / 2,
      what: `${exercise.id} solution runs within half its budget (${ms === undefined ? 'not timed' : `${(ms / 1000).toFixed(2)} s`} of ${exercise.timeoutSeconds} s)`,
    };
  });
}

export interface VerifyOptions {
  /** Grade the solutions and known-wrong implementations this many times; a score that changes is a flaky spec. */
  repeat: number;
  /** Only these exercises (ids, numbers or slugs); the kit-wide checks run all the same. */
  exercise?: string[];
  /** Write the known mistakes' signatures file from this grade, instead of checking it (`npm run signatures`). */
  updateSignatures?: boolean;
}

export async function verifyCommand(options: VerifyOptions, context: CommandContext = loadContext()): Promise<number> {
  const colors = pc.createColors(useColor());
  const { kit, course } = context;
  if (course.handout) throw new UsageError('verify checks the instructor kit; this student handout has no solutions or hidden specs.');
  const selected = selectExercises(course, options.exercise);
  // Exercises someone has started in the kit itself are checked as their stubs were committed.
  const stubs = readStubs(kit, selected);
  const started = await startedStubs(kit, stubs);
  const stubOf = (exercise: Exercise): string | undefined => {
    const state = stubs.states.find((s) => s.exercise === exercise)!;
    return started.includes(state) && state.committed !== undefined ? state.committed : state.working;
  };
  const checks = structureChecks(context, selected, stubOf);
  const runnable = selected.filter((e) => fs.existsSync(specFileOf(kit, e.id)) && fs.existsSync(path.join(kit.solutionsDir, sourceFileOf(e))));

  const folder = scratchFolder('verify');
  const scratch = folder.dir;
  let slowest: { id: string; share: number; ms: number; budget: number } | undefined;
  try {
    const { targets: mutants, faults } = mutantTargets({ kit, course: { ...course, exercises: runnable } }, scratch);
    checks.push(...faults);
    const alternatives = alternativeTargets({ kit, course: { ...course, exercises: runnable } }, scratch);
    const targets: GradeTarget[] = [
      { label: 'solutions', dir: kit.solutionsDir, exercises: runnable },
      { label: 'exercises', dir: started.length > 0 ? writeStubs(scratch, runnable, stubOf) : kit.exercisesDir, exercises: runnable },
      ...mutants,
      ...alternatives,
    ];
    const durations = new Map<string, number>();
    const reports = await gradeTargets(kit, targets, {
      onOutcome: (index, outcome) => {
        if (index === 0 && outcome.durationMs !== undefined) durations.set(outcome.exerciseId, outcome.durationMs);
      },
    });
    const [solutions, stubs, ...variants] = reports;
    checks.push(...timingChecks(runnable, durations));
    for (const exercise of runnable) {
      const ms = durations.get(exercise.id);
      const share = ms === undefined ? 0 : ms / (exercise.timeoutSeconds * 1000);
      if (ms !== undefined && (!slowest || share > slowest.share)) slowest = { id: exercise.id, share, ms, budget: exercise.timeoutSeconds };
    }
    if (options.repeat > 1) {
      const repeated = [targets[0]!, ...mutants];
      checks.push(...(await flakyChecks(kit, repeated, [reports[0]!, ...reports.slice(2, 2 + mutants.length)], options.repeat)));
    }

    for (const [exercise, result] of runnable.map((e, i) => [e, solutions!.exercises[i]!] as const)) {
      checks.push({
        ok: result.tests.length === exercise.tests,
        what: `${exercise.id} spec has the ${exercise.tests} tests the manifest expects (found ${result.tests.length})`,
      });
      checks.push({ ok: result.status === 'passed', what: `${exercise.id} solution earns full marks (${result.score}/${result.maxScore})` });
    }
    for (const result of stubs!.exercises) {
      const passing = result.tests.filter((t) => t.status === 'passed').length;
      checks.push({ ok: passing === 0, what: `${result.id} stub earns zero (${passing} tests pass)` });
    }
    const perExercise = new Map<string, { mutants: number; alternatives: number }>();
    variants.forEach((report, i) => {
      const target = [...mutants, ...alternatives][i]!;
      const result = exerciseOf(report);
      const counts = perExercise.get(result.id) ?? { mutants: 0, alternatives: 0 };
      if (i < mutants.length) {
        counts.mutants++;
        checks.push({ ok: result.score < result.maxScore, what: `${target.label} loses points (${result.score}/${result.maxScore})` });
      } else {
        counts.alternatives++;
        checks.push({ ok: result.status === 'passed', what: `${target.label} keeps full marks (${result.score}/${result.maxScore})` });
      }
      perExercise.set(result.id, counts);
    });
    const graded = mutants.map((target, i) => ({ exercise: target.exercises[0]!, mutant: target.mutant, report: variants[i]! }));
    checks.push(...knownMistakeChecks(context, graded, runnable, options.updateSignatures ?? false));
    for (const exercise of runnable) {
      const counts = perExercise.get(exercise.id) ?? { mutants: 0, alternatives: 0 };
      checks.push({ ok: counts.mutants >= 3, what: `${exercise.id} has at least three known-wrong implementations (${counts.mutants})` });
      checks.push({ ok: counts.alternatives >= 1, what: `${exercise.id} has an alternative correct implementation (${counts.alternatives})` });
    }
  } finally {
    folder.remove();
  }

  const failed = checks.filter((c) => !c.ok);
  for (const check of failed) process.stdout.write(`${colors.red('✗')} ${check.what}\n`);
  if (started.length > 0) {
    process.stdout.write(`exercises/ holds work in progress (${started.map((s) => s.exercise.id).join(', ')}: changed since the last commit, and no longer stubs): verify checked their stubs as committed.\n`);
  } else if (!stubs.inGit && failed.some((c) => / stub (has a TODO|earns zero)/.test(c.what))) {
    process.stdout.write('If you have started the exercises in this copy, that is why: without a git commit to take the stubs from, verify checks exercises/ itself; check the kit in a fresh copy of it.\n');
  }
  // The margin every student's honest solution has: how close the slowest reference comes to its budget.
  if (slowest) process.stdout.write(`slowest solution: ${slowest.id}, ${(slowest.ms / 1000).toFixed(2)} s of its ${slowest.budget} s budget\n`);
  const only = selected.length < course.exercises.length ? ` (${selected.map((e) => e.id).join(', ')} and the kit-wide checks)` : '';
  process.stdout.write(`verify: ${checks.length - failed.length} passed, ${failed.length} failed${only}\n`);
  if (failed.length > 0) throw new CheckFailed(`verify found ${failed.length} fault${failed.length === 1 ? '' : 's'} in the kit (listed above).`);
  return 0;
}

