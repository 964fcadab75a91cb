/**
 * The plan of the run in progress, shared in memory between the runner (which reads it) and
 * the environment Jest creates (the same module instance: both live in the runner process's
 * own realm, never in the test realm), so no part of it is exposed as a global to student code.
 */
import type { PairPlan } from '../protocol/plan';

let pairs: readonly PairPlan[] = [];

export function setCurrentPairs(next: readonly PairPlan[]): void {
  pairs = next;
}

export function currentPairs(): readonly PairPlan[] {
  return pairs;
}
