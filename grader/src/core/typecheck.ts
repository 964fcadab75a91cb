/**
 * Type errors in the graded files, reported beside the grade (they cost no points unless
 * `--strict-types`). The check runs in a worker thread (./typecheck-worker.ts), at the same
 * time as the Jest run, so a student does not wait for it. This module does not load
 * TypeScript itself: every grader command would pay for it at start-up.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DIST_DIR } from '../kit';

export interface TypeError {
  /** Relative to the target folder. */
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface TypecheckRequest {
  targetDir: string;
  files: string[];
  cacheDirectory: string;
}

/** Starts the check in a worker thread; the promise never rejects (a failed check reports nothing). */
export function typecheckInBackground(request: TypecheckRequest): Promise<TypeError[] | undefined> {
  return new Promise((resolve) => {
    const worker = new Worker(path.join(DIST_DIR, 'core', 'typecheck-worker.js'), { workerData: request });
    worker.once('message', (errors: TypeError[]) => resolve(errors));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
}
