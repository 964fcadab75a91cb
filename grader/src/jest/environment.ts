/**
 * Jest's Node environment plus a live report of the run: which tests a spec has, which one
 * is running, how each ended. The grader reads it to name the test that hung or crashed.
 */
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import type { Circus } from '@jest/types';
import NodeEnvironment from 'jest-environment-node';
import { emit, type RawTestResult } from './events';

const ROOT_BLOCK = 'ROOT_DESCRIBE_BLOCK';
export const LOAD_ERROR_NAME = 'TargetLoadError';
const JEST_TIMEOUT_PREFIX = 'Exceeded timeout of';

function fullName(test: Circus.TestEntry): string {
  const parts = [test.name];
  for (let block: Circus.DescribeBlock | undefined = test.parent; block; block = block.parent) {
    if (block.name !== ROOT_BLOCK) parts.unshift(block.name);
  }
  return parts.join(' > ');
}

function collect(block: Circus.DescribeBlock, into: string[]): string[] {
  for (const child of block.children) {
    if (child.type === 'test') into.push(fullName(child));
    else collect(child, into);
  }
  return into;
}

function firstError(test: Circus.TestEntry): unknown {
  const error = test.errors[0];
  return Array.isArray(error) ? (error[0] ?? error[1]) : error;
}

/**
 * Classifies a failed test, here and in the reporter alike. Jest's own timeout message gives
 * advice for test authors ("add a timeout value"); a student gets one about their code.
 */
export function classifyFailure(errorName: string | undefined, message: string): Pick<RawTestResult, 'status' | 'message'> {
  if (errorName === LOAD_ERROR_NAME || message.startsWith(`${LOAD_ERROR_NAME}:`)) return { status: 'error', message };
  const timeout = new RegExp(`${JEST_TIMEOUT_PREFIX} (\\d+) ms`).exec(message);
  if (timeout) {
    return {
      status: 'timeout',
      message: `Gave up after ${timeout[1]} ms: the test never finished (a promise that never settles?).`,
    };
  }
  return { status: 'failed', message };
}

export default class GradingEnvironment extends NodeEnvironment {
  private readonly project: string;
  private readonly file: string;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.project = String(config.projectConfig.testEnvironmentOptions['graderProject'] ?? '');
    this.file = context.testPath;
    emit({ type: 'file-start', project: this.project, file: this.file, time: Date.now() });

    // Record a student's process.exit before it happens, so the crash can be explained.
    const proc = this.global.process;
    const realExit = proc.exit.bind(proc);
    proc.exit = ((code?: number) => {
      emit({ type: 'exit-called', project: this.project, file: this.file, code: code ?? null });
      return realExit(code);
    }) as typeof proc.exit;
  }

  handleTestEvent(event: Circus.Event, state: Circus.State): void {
    const where = { project: this.project, file: this.file };
    if (event.name === 'run_start') {
      emit({ type: 'collected', ...where, tests: collect(state.rootDescribeBlock, []) });
    } else if (event.name === 'test_start') {
      emit({ type: 'test-start', ...where, name: fullName(event.test), time: Date.now() });
    } else if (event.name === 'test_done') {
      const error = firstError(event.test);
      const test: RawTestResult = { name: fullName(event.test), status: 'passed' };
      if (event.test.errors.length > 0) {
        const name = error instanceof Error ? error.name : undefined;
        Object.assign(test, classifyFailure(name, error instanceof Error ? `${error.name}: ${error.message}` : String(error)));
      }
      emit({ type: 'test-done', ...where, test });
    }
  }
}
