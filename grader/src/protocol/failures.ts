/**
 * How a failed test is told apart, on every side of a grading run: the names of the errors the
 * grader itself raises inside the test realm, and the one classification of a failure.
 */

/** Raised by the specs' loader when the graded file cannot be loaded or lacks an export. */
export const TARGET_LOAD_ERROR = 'TargetLoadError';

/** Raised by the runner's environment for a test that outlived its exercise's budget. */
export const BUDGET_ERROR = 'GraderBudgetExceeded';

export type LiveTestStatus = 'passed' | 'failed' | 'timeout' | 'error';

export interface RawTestResult {
  /** As `testName` in ./names.ts makes it. */
  name: string;
  status: LiveTestStatus | 'not-run';
  message?: string;
}

/** The status of a failed test, from the error's name and its message (`Name: message…`). */
function classifyFailure(errorName: string | undefined, message: string): Pick<RawTestResult, 'status' | 'message'> {
  const named = (name: string): boolean => errorName === name || message.startsWith(`${name}: `);
  if (named(TARGET_LOAD_ERROR)) return { status: 'error', message };
  if (named(BUDGET_ERROR)) return { status: 'timeout', message: message.replace(`${BUDGET_ERROR}: `, '') };
  return { status: 'failed', message };
}

/**
 * A failed test's status and message from its error, which the runner's environment has made a
 * plain one (its name and stack are strings): its stack, else `Name: message`, else `fallback`.
 */
export function failureOf(error: unknown, fallback = 'The test failed.'): Pick<RawTestResult, 'status' | 'message'> {
  const plain = error as { name?: unknown; stack?: unknown; message?: unknown } | undefined;
  const name = typeof plain?.name === 'string' ? plain.name : undefined;
  const text = typeof plain?.stack === 'string' ? plain.stack : typeof plain?.message === 'string' ? `${name ?? 'Error'}: ${plain.message}` : fallback;
  return classifyFailure(name, text);
}

/** Why a test of an exercise that ran out of time did not run. */
export const NOT_RUN_AFTER_TIMEOUT = 'Not run: an earlier test of this exercise did not finish.';

/** Why a test the spec itself skips (`test.skip`) did not run. */
export const SKIPPED_BY_SPEC = 'Skipped by the spec.';

/** A time limit as messages on every side state it: "5 s", "0.5 s". */
export function secondsText(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
