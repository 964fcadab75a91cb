/**
 * What passes between `trace` (./run.ts) and the process that runs the student's code
 * (./child.ts): the request on the command line, and events as JSON lines on file descriptor 3.
 * The child writes each event synchronously, so that everything up to an endless loop has
 * reached the grader before the loop starts.
 */

export interface TraceRequest {
  /** The student's exercise file, and how to name it in messages. */
  studentFile: string;
  studentLabel: string;
  /** The exercise's public examples (exercises/NN-slug/trace.ts). */
  examplesFile: string;
  examplesLabel: string;
  /** The recorder: grader/specs/support/conversation.ts, which a handout keeps. */
  recorderFile: string;
  /** Names the exercise file must export. */
  exports: string[];
  color: boolean;
  /** The language of the examples' titles: `ko` shows an example's `titleKo` where it has one. */
  lang: 'en' | 'ko';
}

/** File descriptor the child writes its events to (0–2 are the student's code's own). */
export const EVENTS_FD = 3;

export type TraceEvent =
  /** TypeScript and the recorder are loaded: the student's code starts now, and so does its time. */
  | { type: 'ready' }
  | { type: 'example'; number: number; title: string }
  /** Finished lines of the current example's timeline. */
  | { type: 'lines'; lines: string[] }
  /** A recorded call began: named if the time runs out before it comes back. */
  | { type: 'running'; what: string }
  /** `stopped`: an error escaped the example before its end. */
  | { type: 'example-done'; steps: number; stopped: boolean }
  /** The student's file (or the examples) could not be used; one line saying why. */
  | { type: 'problem'; message: string }
  | { type: 'done' };
