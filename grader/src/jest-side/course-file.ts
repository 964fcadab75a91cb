/**
 * The one test file of a grading run. Instead of one Jest test file per hidden spec (each
 * paying for a fresh realm and a fresh copy of Jest's runner and `expect`), every (target,
 * exercise) pair of the run is registered here: a `describe` block per pair, labelled with it
 * (../protocol/names.ts), inside which the pair's spec loads in a module registry of its own,
 * so the same spec can grade several targets in one run.
 *
 * While a spec loads, the current target (../protocol/env.ts) tells the specs' loader
 * (`grader/specs/support/target.ts`) which folder to take the exercise from. No student code
 * runs here: specs load the exercise lazily, inside their tests.
 */
import { COURSE_PLAN_KEY, CURRENT_TARGET_KEY, type CurrentTarget } from '../protocol/env';
import { TARGET_LOAD_ERROR } from '../protocol/failures';
import { pairLabel, SPEC_LOAD_FAILED_TEST } from '../protocol/names';
import type { PairPlan } from '../protocol/plan';

const realm = globalThis as unknown as Record<symbol, unknown>;
const pairs = (realm[COURSE_PLAN_KEY] ?? []) as PairPlan[];

for (const pair of pairs) {
  describe(pairLabel(pair), () => {
    jest.isolateModules(() => {
      const target: CurrentTarget = { dir: pair.targetDir, exports: pair.exports };
      realm[CURRENT_TARGET_KEY] = target;
      try {
        require(pair.specFile);
      } catch (cause) {
        // An instructor's mistake, but it must cost this exercise only, as an `error`.
        const error = new Error(`The hidden spec ${pair.exercise} could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`);
        error.name = TARGET_LOAD_ERROR;
        test(SPEC_LOAD_FAILED_TEST, () => {
          throw error;
        });
      } finally {
        delete realm[CURRENT_TARGET_KEY];
      }
    });
  });
}
