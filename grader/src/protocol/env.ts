/**
 * Names that cross from the grader into its runner processes and the test realm: environment
 * variables and the global keys the runner sets for the hidden specs. Defined once, here, and
 * imported by the CLI side, the Jest side and `grader/specs/support` alike.
 */

/** The manifest the specs' loader reads the expected exports from, outside a grading run. */
export const MANIFEST_ENV = 'COROUTINE_GRADER_MANIFEST';

/**
 * Set, to a value of its own, in the environment of every runner process; the processes
 * student code starts inherit it, which is how strays are found and killed.
 */
export const PROCESS_MARK_ENV = 'COROUTINE_GRADER_PROCESS';

/** Lets a benchmark start from an empty cache. */
export const CACHE_DIR_ENV = 'COROUTINE_GRADER_CACHE_DIR';

/** Set to 1 to see the stack of an unexpected grader failure. */
export const DEBUG_ENV = 'COROUTINE_GRADER_DEBUG';

/**
 * A global of the test realm, set by the runner's course file while a hidden spec loads: the
 * folder and expected exports of the exercise the spec grades (see `grader/specs/support/target.ts`).
 * Outside a grading run (the kit's own `jest` run) it is absent and specs use `@target/`.
 */
export const CURRENT_TARGET_KEY = Symbol.for('coroutine-grader.current-target');

export interface CurrentTarget {
  /** The graded folder (laid out like `exercises/`). */
  dir: string;
  /** What the exercise's file must export. */
  exports: string[];
}

/** A global of the test realm: the (target, exercise) pairs the course file registers. */
export const COURSE_PLAN_KEY = Symbol.for('coroutine-grader.course-plan');
