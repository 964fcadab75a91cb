/**
 * The live event stream of a grading run, one signed JSON object per line in a file.
 *
 * Why a file written synchronously: the grader must know which test was running when a
 * student's code hangs the Jest process or kills it. Lines appended with a synchronous
 * write are on disk before the next line of student code runs, so they survive an infinite
 * loop, `process.exit` or running out of memory, in Jest's main process as in its workers.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';

/** The environment variable that names the events file for the Jest child and its workers. */
export const EVENTS_FILE_ENV = 'COROUTINE_GRADER_EVENTS';

/**
 * Why signed: student code can find the events file (its path is in the environment) and
 * append to it, a `file-result` of passing tests for itself or of failing ones for another
 * target, or a line that is not JSON at all (which used to crash the grader). So each line
 * carries an HMAC under a key the grader makes for each run and hands to the reporter and the
 * environment in memory, inside Jest's configuration (see ./config.ts), never in the
 * environment or in a file student code could read; the grader ignores every other line.
 */
/** The reporter's option that carries the key (the environment reads it there too). */
export const EVENTS_KEY_OPTION = 'graderEventsKey';
// Taken when this module loads, before any student code runs: replacing `createHmac` on the
// module object later changes nothing here.
const { createHmac } = crypto;
const sign = (key: string, json: string): string => createHmac('sha256', key).update(json).digest('hex');
/** The most one read takes from the file: student code could write gigabytes into it. */
const READ_LIMIT = 16 * 2 ** 20;

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

export function emit(key: string, event: GradingEvent): void {
  const file = process.env[EVENTS_FILE_ENV];
  if (!file) return;
  const json = JSON.stringify(event);
  // The leading newline ends whatever unfinished line student code left, which would
  // otherwise swallow this one.
  fs.appendFileSync(file, `\n${sign(key, json)} ${json}\n`);
}

function verified(line: string, key: string): GradingEvent | undefined {
  const space = line.indexOf(' ');
  const json = line.slice(space + 1);
  if (space < 0 || line.slice(0, space) !== sign(key, json)) return undefined;
  return JSON.parse(json) as GradingEvent;
}

/**
 * Reads the events appended since `offset` and signed with `key`; returns them and the offset
 * to read from next. Anything else in the file is skipped.
 */
export function readEvents(file: string, offset: number, key: string): { events: GradingEvent[]; offset: number } {
  let buffer: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      // Emptied or replaced by student code: what is there now was written since.
      if (size < offset) offset = 0;
      if (size <= offset) return { events: [], offset };
      buffer = Buffer.alloc(Math.min(size - offset, READ_LIMIT));
      fs.readSync(fd, buffer, 0, buffer.length, offset);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return { events: [], offset };
  }
  // Only whole lines: a line still being written is read on the next call; a line longer
  // than the limit is no event of ours, and is passed over.
  const end = buffer.lastIndexOf(0x0a) + 1;
  if (end === 0) return { events: [], offset: buffer.length === READ_LIMIT ? offset + READ_LIMIT : offset };
  const events = buffer
    .subarray(0, end)
    .toString('utf8')
    .split('\n')
    .map((line) => verified(line, key))
    .filter((event): event is GradingEvent => event !== undefined);
  return { events, offset: offset + end };
}
