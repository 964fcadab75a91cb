/**
 * The live event stream of a grading run, one JSON object per line in a file.
 *
 * Why a file written synchronously: the grader must know which test was running when a
 * student's code hangs the Jest process or kills it. Lines appended with a synchronous
 * write are on disk before the next line of student code runs, so they survive an infinite
 * loop, `process.exit` or running out of memory, in Jest's main process as in its workers.
 */
import fs from 'node:fs';

/** The environment variable that names the events file for the Jest child and its workers. */
export const EVENTS_FILE_ENV = 'COROUTINE_GRADER_EVENTS';

export type LiveTestStatus = 'passed' | 'failed' | 'timeout' | 'error';

export interface RawTestResult {
  name: string;
  status: LiveTestStatus | 'not-run';
  message?: string;
}

/** `project` is the key of the graded target; `file` the spec file's absolute path. */
export type GradingEvent =
  | { type: 'file-start'; project: string; file: string; time: number }
  | { type: 'collected'; project: string; file: string; tests: string[] }
  | { type: 'test-start'; project: string; file: string; name: string; time: number }
  | { type: 'test-done'; project: string; file: string; test: RawTestResult }
  | { type: 'exit-called'; project: string; file: string; code: unknown }
  | {
      type: 'file-result';
      project: string;
      file: string;
      tests: RawTestResult[];
      /** Set when the spec file itself could not run (Jest's "Test suite failed to run"). */
      execError?: string;
    }
  | { type: 'run-complete' };

export function emit(event: GradingEvent): void {
  const file = process.env[EVENTS_FILE_ENV];
  if (!file) return;
  fs.appendFileSync(file, `${JSON.stringify(event)}\n`);
}

/** Reads the events appended since `offset`; returns them and the offset to read from next. */
export function readEvents(file: string, offset: number): { events: GradingEvent[]; offset: number } {
  let text: string;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      if (size <= offset) return { events: [], offset };
      const buffer = Buffer.alloc(size - offset);
      fs.readSync(fd, buffer, 0, buffer.length, offset);
      text = buffer.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return { events: [], offset };
  }
  // Only whole lines: a line still being written is read on the next call.
  const end = text.lastIndexOf('\n') + 1;
  const events = text
    .slice(0, end)
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as GradingEvent);
  return { events, offset: offset + Buffer.byteLength(text.slice(0, end), 'utf8') };
}
