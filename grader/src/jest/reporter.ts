/**
 * A Jest reporter that turns each spec file's structured result into a `file-result` event.
 * Nothing Jest or the student's code prints is read: only `TestResult` objects.
 */
import type { Reporter, Test, TestResult } from '@jest/reporters';
import { classifyFailure } from './environment';
import { emit, type RawTestResult } from './events';

function projectOf(test: Test): string {
  return String(test.context.config.testEnvironmentOptions['graderProject'] ?? '');
}

export default class GradingReporter implements Pick<Reporter, 'onTestResult' | 'onRunComplete'> {
  onTestResult(test: Test, result: TestResult): void {
    const tests: RawTestResult[] = result.testResults.map((assertion) => {
      const name = [...assertion.ancestorTitles, assertion.title].join(' > ');
      if (assertion.status === 'passed') return { name, status: 'passed' };
      if (assertion.status !== 'failed') return { name, status: 'not-run' };
      return { name, ...classifyFailure(undefined, assertion.failureMessages.join('\n')) };
    });
    emit({
      type: 'file-result',
      project: projectOf(test),
      file: test.path,
      tests,
      ...(result.testExecError ? { execError: result.testExecError.message } : {}),
    });
  }

  onRunComplete(): void {
    emit({ type: 'run-complete' });
  }
}
