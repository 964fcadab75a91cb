/**
 * A made-up class of submissions, for the batch tests and the benchmark: each submission is
 * a student's copy of the kit built from the kit's own solutions, stubs and known-wrong
 * implementations (../mutants.ts), so its expected score is known. Deterministic: submission
 * i is always the same.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sourceFileOf, type Course, type Exercise } from '../course';
import type { Kit } from '../kit';
import { applyEdits, loadMutantsFile, mutantsFileOf } from '../mutants';

export type SubmissionKind = 'correct' | 'partial' | 'stubs' | 'broken' | 'crashing' | 'looping';

/** Which kind submission i is: mostly partial work, as in a real class, one crashing and one looping. */
export function kindOf(index: number, count: number): SubmissionKind {
  if (index === count - 1) return 'looping';
  if (index === count - 2 && count > 2) return 'crashing';
  const cycle: SubmissionKind[] = ['correct', 'partial', 'partial', 'stubs', 'partial', 'broken'];
  return cycle[index % cycle.length]!;
}

/** A submission's folder name: zero-padded, so that names sort as numbers do. */
export function submissionName(index: number): string {
  return `student-${String(index + 1).padStart(3, '0')}`;
}

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/**
 * Writes `count` submissions under `dir` (each `<name>/exercises/NN-slug/slug.ts`), and
 * returns their kinds by name.
 */
/** Each exercise's known-wrong implementations, as whole files (the solution with its edits). */
function mutantTexts(kit: Kit, exercise: Exercise, solution: string): string[] {
  const loaded = loadMutantsFile(mutantsFileOf(kit.mutantsDir, exercise.id));
  if (!loaded.ok) return [];
  return loaded.mutants.map((m) => applyEdits(solution, m.edits)).filter((e) => e.problems.length === 0).map((e) => e.text);
}

export function makeClass(kit: Kit, course: Course, dir: string, count: number): Map<string, SubmissionKind> {
  const kinds = new Map<string, SubmissionKind>();
  const mutantsOf = new Map<string, string[]>();
  for (let i = 0; i < count; i++) {
    const name = submissionName(i);
    const kind = kindOf(i, count);
    kinds.set(name, kind);
    course.exercises.forEach((exercise, e) => {
      const file = sourceFileOf(exercise);
      const solution = fs.readFileSync(path.join(kit.solutionsDir, file), 'utf8');
      const stub = fs.readFileSync(path.join(kit.exercisesDir, file), 'utf8');
      if (!mutantsOf.has(exercise.id)) mutantsOf.set(exercise.id, mutantTexts(kit, exercise, solution));
      const mutants = mutantsOf.get(exercise.id)!;
      let text: string;
      switch (kind) {
        case 'correct':
          text = solution;
          break;
        case 'stubs':
          text = stub;
          break;
        case 'partial': {
          // Solved the first exercises, then a known mistake, then not started.
          const reached = 3 + ((i * 5) % (course.exercises.length - 3));
          const mutant = mutants[(i + e) % Math.max(1, mutants.length)];
          text = e < reached ? solution : e === reached && mutant !== undefined ? mutant : stub;
          break;
        }
        case 'broken':
          text = e % 4 === 1 ? `${solution}\nexport const broken = ;\n` : solution;
          break;
        case 'crashing':
          // Ends the test process in the middle of the third exercise's first test.
          text = e === 2 ? `process.exit(7);\n${solution}` : solution;
          break;
        case 'looping':
          text = solution;
          if (exercise.id === '01-generator-basics') {
            text = [
              `export { countdown, naturals, lazyMap } from './reference';`,
              'export function take<T>(source: Iterable<T>, n: number): T[] {',
              '  return [...source].slice(0, n);',
              '}',
              '',
            ].join('\n');
            write(path.join(dir, name, 'exercises', exercise.id, 'reference.ts'), solution);
          }
          break;
      }
      write(path.join(dir, name, 'exercises', file), text);
    });
  }
  return kinds;
}

/** A known mistake a made-up submission makes, by its exercise and mutant. */
export interface MadeMistake {
  exerciseId: string;
  mutant: string;
}

export type MistakesPlan = 'solutions' | 'stubs' | MadeMistake[];

/**
 * A made-up class whose known mistakes are known, for the misconceptions of the class report:
 * every tenth submission (the first, the eleventh …) is the solutions, every tenth from the
 * sixth the stubs; each other one is the solutions but for one exercise (or two, for the second
 * half of the class) that has one known mistake, taken in turn from the first three mutants of
 * the exercise so that several submissions share each. Writes `count` submissions under `dir`
 * and returns what each one is.
 */
export function makeClassOfMistakes(kit: Kit, course: Course, dir: string, count: number): Map<string, MistakesPlan> {
  const plans = new Map<string, MistakesPlan>();
  const usable = course.exercises.map((exercise) => {
    const loaded = loadMutantsFile(mutantsFileOf(kit.mutantsDir, exercise.id));
    return { exercise, mutants: loaded.ok ? loaded.mutants.slice(0, 3) : [] };
  });
  for (let i = 0; i < count; i++) {
    const name = submissionName(i);
    let plan: MistakesPlan;
    if (i % 10 === 0) plan = 'solutions';
    else if (i % 10 === 5) plan = 'stubs';
    else {
      const mistakes = i < count / 2 ? 1 : 2;
      plan = Array.from({ length: mistakes }, (_, m) => usable[(i + m) % usable.length]!)
        .filter((u) => u.mutants.length > 0)
        .map((u) => ({ exerciseId: u.exercise.id, mutant: u.mutants[Math.floor(i / usable.length) % u.mutants.length]!.name }));
    }
    plans.set(name, plan);
    for (const { exercise, mutants } of usable) {
      const file = sourceFileOf(exercise);
      const solution = fs.readFileSync(path.join(kit.solutionsDir, file), 'utf8');
      let text = plan === 'stubs' ? fs.readFileSync(path.join(kit.exercisesDir, file), 'utf8') : solution;
      const made = plan === 'solutions' || plan === 'stubs' ? undefined : plan.find((p) => p.exerciseId === exercise.id);
      if (made) text = applyEdits(solution, mutants.find((m) => m.name === made.mutant)!.edits).text;
      write(path.join(dir, name, 'exercises', file), text);
    }
  }
  return plans;
}
