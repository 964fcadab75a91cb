/**
 * "This looks like a known mistake": an exercise's failing tests compared with those of each
 * known-wrong implementation of it (../../mutants/, their signatures in
 * `grader/mutants/signatures.json`, ../signatures.ts). Pure: the table comes in, the report
 * goes out with `diagnoses` on the exercises that match.
 *
 * The rule, and why:
 * - Only an exercise that passes some of its tests and fails others (`partial`) is diagnosed.
 *   One that passes has nothing to diagnose; one that could not load (`error`) failed for a
 *   reason its message names; one that ran out of time has tests that never ran, so what it
 *   fails is not known; and one that passes nothing (a fresh stub, above all) fails every test,
 *   which contains every known mistake: naming any of them would be noise.
 * - `exact`: the exercise fails exactly the tests the mistake fails. Then only the exact ones
 *   are shown.
 * - `contains`: it fails all of the mistake's tests and more. Of those, only the largest are
 *   shown (a mistake whose tests are all among another shown one's adds nothing), the two that
 *   explain most of the failures, so that a student with many failures reads two leads, not ten.
 */
import type { Explanation } from '../mutants';
import type { ExerciseResult, GradeReport } from './report';

export type DiagnosisMatch = 'exact' | 'contains';

/** What a student reads about a known mistake: the rule it breaks, never the code that made it. */
export interface Diagnosis {
  /** The contract line the mistake breaks, from the exercise's README. */
  mistake: string;
  /** What the code does wrong, in each language of the course. */
  explanation: Explanation;
  match: DiagnosisMatch;
}

/** A known-wrong implementation as the signatures file keeps it. */
export interface KnownMistake {
  /** The mutant's name: for the instructor's files only, never shown to a student. */
  mutant: string;
  violates: string;
  explanation: Explanation;
  /** The names of the tests it does not pass, in the spec's order. */
  failing: string[];
}

/** At most this many `contains` diagnoses per exercise. */
export const MAX_CONTAINED = 2;

function isSubset(small: ReadonlySet<string>, large: ReadonlySet<string>): boolean {
  if (small.size > large.size) return false;
  for (const name of small) if (!large.has(name)) return false;
  return true;
}

/** The known mistakes that an exercise's result shows, best first (see the rule above). */
export function matchMistakes(result: ExerciseResult, known: readonly KnownMistake[]): Array<{ mistake: KnownMistake; match: DiagnosisMatch }> {
  if (result.status !== 'partial' || known.length === 0) return [];
  const failing = new Set(result.tests.filter((t) => t.status !== 'passed').map((t) => t.name));
  const candidates = known
    .map((mistake) => ({ mistake, failing: new Set(mistake.failing) }))
    .filter((c) => c.failing.size > 0 && isSubset(c.failing, failing));
  const exact = candidates.filter((c) => c.failing.size === failing.size);
  if (exact.length > 0) return exact.map((c) => ({ mistake: c.mistake, match: 'exact' }));
  const largest = candidates.filter((c) => !candidates.some((other) => other.failing.size > c.failing.size && isSubset(c.failing, other.failing)));
  return largest
    .map((c, order) => ({ c, order }))
    .sort((a, b) => b.c.failing.size - a.c.failing.size || a.order - b.order)
    .slice(0, MAX_CONTAINED)
    .map(({ c }) => ({ mistake: c.mistake, match: 'contains' }));
}

export function diagnose(result: ExerciseResult, known: readonly KnownMistake[]): Diagnosis[] {
  return matchMistakes(result, known).map(({ mistake, match }) => ({ mistake: mistake.violates, explanation: mistake.explanation, match }));
}

/**
 * The report with each exercise's diagnoses, where it has any. `knownOf` is asked only for an
 * exercise that can be diagnosed, so a report whose exercises all pass never loads the table.
 */
export function withDiagnoses(report: GradeReport, knownOf: (exerciseId: string) => readonly KnownMistake[]): GradeReport {
  if (!report.exercises.some((e) => e.status === 'partial')) return report;
  return {
    ...report,
    exercises: report.exercises.map((result) => {
      if (result.status !== 'partial') return result;
      const diagnoses = diagnose(result, knownOf(result.id));
      return diagnoses.length > 0 ? { ...result, diagnoses } : result;
    }),
  };
}
