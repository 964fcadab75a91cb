/**
 * A made-up class of submissions, for the batch tests and the benchmark: each submission is
 * a student's copy of the kit built from the kit's own solutions, stubs and known-wrong
 * implementations, so its expected score is known. Deterministic: submission i is always the
 * same.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sourceFileOf, type Course } from '../course';
import type { Kit } from '../kit';

export type SubmissionKind = 'correct' | 'partial' | 'stubs' | 'broken' | 'looping';

/** Which kind submission i is: mostly partial work, as in a real class, and one looping. */
export function kindOf(index: number, count: number): SubmissionKind {
  if (index === count - 1) return 'looping';
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
export function makeClass(kit: Kit, course: Course, dir: string, count: number): Map<string, SubmissionKind> {
  const kinds = new Map<string, SubmissionKind>();
  for (let i = 0; i < count; i++) {
    const name = submissionName(i);
    const kind = kindOf(i, count);
    kinds.set(name, kind);
    course.exercises.forEach((exercise, e) => {
      const file = sourceFileOf(exercise);
      const solution = fs.readFileSync(path.join(kit.solutionsDir, file), 'utf8');
      const stub = fs.readFileSync(path.join(kit.exercisesDir, file), 'utf8');
      const mutants = fs.existsSync(path.join(kit.mutantsDir, exercise.id))
        ? fs.readdirSync(path.join(kit.mutantsDir, exercise.id)).filter((f) => f.endsWith('.ts')).sort()
        : [];
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
          text = e < reached ? solution : e === reached && mutant ? fs.readFileSync(path.join(kit.mutantsDir, exercise.id, mutant), 'utf8') : stub;
          break;
        }
        case 'broken':
          text = e % 4 === 1 ? `${solution}\nexport const broken = ;\n` : solution;
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
