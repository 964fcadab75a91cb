/**
 * The class's numbers, apart from how the class report shows them: how each exercise went,
 * the tests most submissions fail, how the totals spread. Pure; ../render/class-report.ts
 * turns them into HTML.
 */
import type { Exercise } from '../course';
import { round2, type ExerciseResult, type ExerciseStatus, type GradeReport } from './report';

/** What the numbers need of an exercise. */
type CourseExercise = Pick<Exercise, 'id' | 'title' | 'points'>;

/** A submission that was graded: its name, its report, and a problem noted beside it. */
export interface Graded {
  name: string;
  problem?: string;
  report: GradeReport;
}

/** How many of the most failed tests the report lists, and how many steps the histogram has. */
export const TOP_FAILING = 15;
export const BUCKETS = 10;

export function percent(part: number, whole: number): number {
  return whole > 0 ? (part / whole) * 100 : 0;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A submission's total as a share of its own maximum (a batch of a few exercises is out of those). */
export function totalPercent(report: GradeReport): number {
  return percent(report.score, report.maxScore);
}

/** 0–10, 10–20, …, 90–100: a bucket holds its lower bound; 100% joins the last one. */
export function bucketOf(percentValue: number): number {
  return Math.min(BUCKETS - 1, Math.max(0, Math.floor(round2(percentValue) / (100 / BUCKETS))));
}

export interface ExerciseSummary {
  exercise: CourseExercise;
  /** Graded submissions whose report includes the exercise: every percentage's denominator. */
  graded: number;
  mean: number;
  fullMarks: number;
  errors: number;
  timeouts: number;
}

export function summarizeExercise(exercise: CourseExercise, graded: Graded[]): ExerciseSummary {
  const results = graded.map((g) => g.report.exercises.find((r) => r.id === exercise.id)).filter((r): r is ExerciseResult => r !== undefined);
  const count = (status: ExerciseStatus): number => results.filter((r) => r.status === status).length;
  return {
    exercise,
    graded: results.length,
    mean: results.length > 0 ? results.reduce((sum, r) => sum + r.score, 0) / results.length : 0,
    fullMarks: count('passed'),
    errors: count('error'),
    timeouts: count('timeout'),
  };
}

/** Per exercise, how many graded submissions' reports include it. */
function gradedPerExercise(graded: Graded[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { report } of graded) for (const result of report.exercises) counts.set(result.id, (counts.get(result.id) ?? 0) + 1);
  return counts;
}

/** An exercise's place in the course, for sorting; one the course does not know comes last. */
function positionIn(exercises: CourseExercise[]): (id: string) => number {
  const order = new Map(exercises.map((e, i) => [e.id, i]));
  return (id) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
}

export interface FailingTest {
  exerciseId: string;
  name: string;
  failures: number;
  /** Graded submissions whose report includes the test's exercise. */
  graded: number;
  rate: number;
  order: number;
}

/**
 * The tests that failed in the most submissions. A failure is a test that ran and did not pass
 * (`failed`, `timeout`); tests that never ran because their exercise could not be loaded are
 * counted once, as that exercise's error, rather than crowding the list with placeholders.
 */
export function failingTests(exercises: CourseExercise[], graded: Graded[]): FailingTest[] {
  const gradedFor = gradedPerExercise(graded);
  const position = positionIn(exercises);
  const tests = new Map<string, FailingTest>();
  for (const { report } of graded) {
    for (const result of report.exercises) {
      for (const test of result.tests) {
        if (test.status !== 'failed' && test.status !== 'timeout') continue;
        const key = JSON.stringify([result.id, test.name]);
        const entry = tests.get(key) ?? { exerciseId: result.id, name: test.name, failures: 0, graded: 0, rate: 0, order: tests.size };
        entry.failures++;
        tests.set(key, entry);
      }
    }
  }
  const ranked = [...tests.values()].map((t) => {
    const denominator = gradedFor.get(t.exerciseId) ?? 0;
    return { ...t, graded: denominator, rate: percent(t.failures, denominator) };
  });
  ranked.sort((a, b) => b.rate - a.rate || b.failures - a.failures || position(a.exerciseId) - position(b.exerciseId) || a.order - b.order);
  return ranked.slice(0, TOP_FAILING);
}

/** A known mistake as the class makes it (../report/diagnose.ts): how many submissions, and how. */
export interface Misconception {
  exerciseId: string;
  /** The contract line it breaks. */
  mistake: string;
  /** What the code does wrong, in English (the class report's language). */
  explanation: string;
  /** Submissions whose exercise fails exactly this mistake's tests. */
  exact: number;
  /** Submissions whose exercise fails this mistake's tests and more. */
  contains: number;
  /** Graded submissions whose report includes the exercise. */
  graded: number;
}

/**
 * The known mistakes the class makes, most often made first: by submissions diagnosed with it,
 * exact or contained, then exact ones, then in the course's order. A mistake is told apart by
 * its exercise, its contract line and its explanation (two mistakes may break one line).
 */
export function misconceptions(exercises: CourseExercise[], graded: Graded[]): Misconception[] {
  const gradedFor = gradedPerExercise(graded);
  const position = positionIn(exercises);
  const found = new Map<string, Misconception & { order: number }>();
  for (const { report } of graded) {
    for (const result of report.exercises) {
      for (const diagnosis of result.diagnoses ?? []) {
        const key = JSON.stringify([result.id, diagnosis.mistake, diagnosis.explanation.en]);
        const entry = found.get(key) ?? {
          exerciseId: result.id,
          mistake: diagnosis.mistake,
          explanation: diagnosis.explanation.en,
          exact: 0,
          contains: 0,
          graded: 0,
          order: found.size,
        };
        entry[diagnosis.match === 'exact' ? 'exact' : 'contains']++;
        found.set(key, entry);
      }
    }
  }
  return [...found.values()]
    .sort((a, b) => b.exact + b.contains - (a.exact + a.contains) || b.exact - a.exact || position(a.exerciseId) - position(b.exerciseId) || a.order - b.order)
    .map(({ order: _order, ...m }) => ({ ...m, graded: gradedFor.get(m.exerciseId) ?? 0 }));
}

/** An exercise's partial work that looks like no known mistake: where a new one, a hint or a paragraph may be needed. */
export interface UnexplainedWork {
  exerciseId: string;
  /** Submissions whose exercise passes some tests and fails others: the ones a diagnosis is looked for. */
  partial: number;
  /** Of those, the ones that match no known mistake. */
  unmatched: number;
}

/**
 * Per exercise with partial work, how much of it matches no known mistake, in the course's
 * order. Only partial work is diagnosed (../report/diagnose.ts): work that passes no test (a
 * stub, most often), could not load or ran out of time is counted elsewhere.
 */
export function unexplainedWork(exercises: CourseExercise[], graded: Graded[]): UnexplainedWork[] {
  return exercises
    .map((exercise) => {
      const partial = graded.map((g) => g.report.exercises.find((r) => r.id === exercise.id)).filter((r) => r?.status === 'partial');
      return { exerciseId: exercise.id, partial: partial.length, unmatched: partial.filter((r) => (r!.diagnoses ?? []).length === 0).length };
    })
    .filter((u) => u.partial > 0);
}
