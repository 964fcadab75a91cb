/** One exercise of one target folder, as the engine schedules it. */
import { pairKey, type PairRef } from '../protocol/names';

export interface PairJob {
  /** The target's place in the grading call; as a string, the pair's target in events. */
  targetIndex: number;
  /** The graded folder, on the grader's side. */
  targetDir: string;
  exerciseId: string;
  exports: string[];
  specFile: string;
  budgetMs: number;
}

export function refOf(job: PairJob): PairRef {
  return { target: String(job.targetIndex), exercise: job.exerciseId };
}

export function keyOf(job: PairJob): string {
  return pairKey(refOf(job));
}
