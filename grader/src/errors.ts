/**
 * Every way the grader can end badly, each with its exit code (README.md, "The grader's command line"):
 * 1 a check failed (`--fail-under`, `verify`), 2 bad usage or bad input, 3 the grader broke.
 * `index.ts` is the one place that turns these into a message and an exit code.
 */
export class GraderError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 | 3,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The user asked for something that cannot be done: a one-line message saying what to do. */
export class UsageError extends GraderError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** Grading finished but a check the user asked for did not hold. */
export class CheckFailed extends GraderError {
  constructor(message: string) {
    super(message, 1);
  }
}

/** The grader itself could not do its job; not the student's fault. */
export class GraderFault extends GraderError {
  constructor(message: string) {
    super(message, 3);
  }
}
