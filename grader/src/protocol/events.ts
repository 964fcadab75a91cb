/**
 * The live event stream of a grading run: what the runner process tells the grader, one
 * signed JSON object per line, appended to a file.
 *
 * Why a file written synchronously: the grader must know which test was running when student
 * code hangs the runner or kills it. A line appended with a synchronous write is on disk
 * before the next line of student code runs, so it survives an endless loop, `process.exit`
 * or running out of memory.
 *
 * Why signed: student code can find the file and append to it (a line of passing results for
 * itself, or a line that is not JSON at all). Each line carries an HMAC under a key the grader
 * makes for each run; the runner holds it in memory only (the plan file that brings it is
 * deleted once read), and the grader ignores every line not signed with it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { RawTestResult } from './failures';
import type { PairRef } from './names';

export type GradingEvent =
  /** Every pair's tests, in order, once the course file has registered them. */
  | { type: 'collected'; pairs: Array<{ pair: PairRef; tests: string[] }> }
  | { type: 'exercise-start'; pair: PairRef; time: number }
  | { type: 'test-start'; pair: PairRef; name: string; time: number }
  | { type: 'test-done'; pair: PairRef; test: RawTestResult }
  | { type: 'exercise-done'; pair: PairRef; time: number }
  /** Student code called `process.exit`; the process ends next. */
  | { type: 'exit-called'; code: string }
  /** Jest's own result of the course file, split into pairs: the final word on every test. */
  | { type: 'results'; pairs: Array<{ pair: PairRef; tests: RawTestResult[] }> }
  /** Jest could not run the course file at all (not a student's doing: a grader fault). */
  | { type: 'run-failed'; message: string }
  | { type: 'run-complete' };

// Taken when this module loads, before any student code runs: replacing `createHmac` or
// `appendFileSync` on the module objects later changes nothing here.
const { createHmac } = crypto;
const { appendFileSync } = fs;
const sign = (key: string, json: string): string => createHmac('sha256', key).update(json).digest('hex');
/** The most one read takes from the file: student code could write gigabytes into it. */
const READ_LIMIT = 16 * 2 ** 20;

let sink: { file: string; key: string } | undefined;

/** Where this process's events go, and the key that signs them (the runner sets it once). */
export function openEvents(file: string, key: string): void {
  sink = { file, key };
}

export function emit(event: GradingEvent): void {
  if (!sink) return;
  const json = JSON.stringify(event);
  // The leading newline ends whatever unfinished line student code left, which would
  // otherwise swallow this one.
  appendFileSync(sink.file, `\n${sign(sink.key, json)} ${json}\n`);
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
