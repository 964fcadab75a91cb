/**
 * What the engine hands to scoring: how each graded exercise went, as plain data. The one
 * shape that crosses from ../engine to ./report.ts, so that scoring imports nothing of the engine.
 */
import type { RawTestResult } from '../protocol/failures';

export type { RawTestResult };

export interface ExerciseOutcome {
  /** The graded target, as the caller of the engine numbered it. */
  targetIndex: number;
  exerciseId: string;
  /** Every test the spec reported, in order. Empty when the spec could not be collected. */
  tests: RawTestResult[];
  /** Why the exercise as a whole could not be graded normally. */
  problem?: { status: 'error' | 'timeout'; message: string };
  /** From its first test's start to its last test's end, when it ran to the end. */
  durationMs?: number;
}

/** A type error the type check found in a graded file; it costs points only with --strict-types. */
export interface TypeError {
  /** Relative to the target folder. */
  file: string;
  line: number;
  column: number;
  message: string;
}
