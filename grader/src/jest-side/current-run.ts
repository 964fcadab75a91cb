/**
 * The plan of the run in progress, handed from the runner to the environment Jest creates (the
 * same module instance: both live in the runner process's own realm, never in the test realm),
 * so no part of it is exposed as a global to student code.
 *
 * A run is announced before its plan exists: in watch mode the runner starts the next run as
 * soon as one ends, and Jest builds the test realm and loads its runner and `expect` into it
 * meanwhile; the environment waits for the plan at Jest's `setup` event, just before the
 * course file loads. A save then costs only the grading itself.
 */
import type { PairPlan } from '../protocol/plan';

let next: Promise<readonly PairPlan[] | undefined> = Promise.resolve([]);

/** Starts a run's wait for its plan; the function returned hands the pairs over (undefined: abandon the run). */
export function announceRun(): (pairs: readonly PairPlan[] | undefined) => void {
  let give!: (pairs: readonly PairPlan[] | undefined) => void;
  next = new Promise((resolve) => (give = resolve));
  return give;
}

/** The pairs of the run being set up, once they are known; undefined when the run was abandoned. */
export function pairsOfRun(): Promise<readonly PairPlan[] | undefined> {
  return next;
}
