/**
 * A Jest reporter that turns each spec file's structured result into a `file-result` event.
 * Nothing Jest or the student's code prints is read: only `TestResult` objects.
 */
import type { Reporter, Test, TestResult } from '@jest/reporters';
import { classifyFailure } from './environment';
import { emit, EVENTS_KEY_OPTION, type RawTestResult } from './events';

/**
 * The failure as the error itself tells it (its stack holds the message and the frames),
 * rather than Jest's formatted text, which would add a code frame of the hidden spec.
 */
function describeFailure(detail: unknown, formatted: string[]): string {
  if (detail && typeof detail === 'object') {
    const error = detail as { name?: unknown; message?: unknown; stack?: unknown };
    if (typeof error.stack === 'string' && error.stack.length > 0) return error.stack;
    if (typeof error.message === 'string') return `${typeof error.name === 'string' ? error.name : 'Error'}: ${error.message}`;
  }
  return formatted.join('\n');
}

function projectOf(test: Test): string {
  return String(test.context.config.testEnvironmentOptions['graderProject'] ?? '');
}

export default class GradingReporter implements Pick<Reporter, 'onTestResult' | 'onRunComplete'> {
  readonly #eventsKey: string;

  /** Jest passes the reporter's options second: the key the events are signed with. */
  constructor(_globalConfig: unknown, options: Record<string, unknown> = {}) {
    this.#eventsKey = String(options[EVENTS_KEY_OPTION] ?? '');
  }

  onTestResult(test: Test, result: TestResult): void {
    const tests: RawTestResult[] = result.testResults.map((assertion) => {
      const name = [...assertion.ancestorTitles, assertion.title].join(' > ');
      if (assertion.status === 'passed') return { name, status: 'passed' };
      if (assertion.status !== 'failed') return { name, status: 'not-run' };
      return { name, ...classifyFailure(undefined, describeFailure(assertion.failureDetails[0], assertion.failureMessages)) };
    });
    emit(this.#eventsKey, {
      type: 'file-result',
      project: projectOf(test),
      file: test.path,
      tests,
      ...(result.testExecError ? { execError: result.testExecError.message } : {}),
    });
  }

  onRunComplete(): void {
    emit(this.#eventsKey, { type: 'run-complete' });
  }
}
