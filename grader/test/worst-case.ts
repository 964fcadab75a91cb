/**
 * The largest report this course allows, a fixture for the consumers' size limits
 * (render.consumers.test.ts): every exercise of the kit's real manifest stopped at its budget
 * after every one of its tests failed, and every message as long and as costly as the cleaner
 * lets through (MESSAGE_LIMIT characters, each a control code, which JSON writes as six bytes,
 * mixed with quotes, Korean and astral characters). Test names are longer than any spec's.
 */
import path from 'node:path';
import { loadCourse, type Course } from '../src/course';
import { cleanMessage } from '../src/report/clean';
import { buildReport, type GradeReport } from '../src/report/report';
import { KIT_ROOT } from './helpers';

/** Longer than any test name the kit's specs give (the longest is under 200 characters). */
const NAME_LENGTH = 256;

/** The longest message the cleaner lets through, made of the characters that cost most to carry. */
export function worstMessage(seed: string): string {
  const costly = `\u0001"\\한🙂${seed}`;
  const raw = costly.repeat(Math.ceil(100_000 / costly.length));
  return cleanMessage(raw, { targetDir: '/nowhere', targetLabel: 'exercises', rootDir: '/kit' });
}

export function kitCourse(): Course {
  return loadCourse(path.join(KIT_ROOT, 'grader', 'course.json'));
}

export function worstCaseReport(course: Course = kitCourse()): GradeReport {
  const outcomes = course.exercises.map((exercise) => ({
    targetIndex: 0,
    exerciseId: exercise.id,
    tests: Array.from({ length: exercise.tests }, (_, i) => ({
      name: `${i} ${'x'.repeat(NAME_LENGTH)}`.slice(0, NAME_LENGTH),
      status: 'failed' as const,
      message: worstMessage(String(i)),
    })),
    problem: { status: 'timeout' as const, message: worstMessage(exercise.id) },
  }));
  return buildReport(course.exercises, outcomes, { label: 'exercises', dir: path.join(KIT_ROOT, 'exercises') }, KIT_ROOT);
}
