/**
 * The grader's TypeScript thread: the one place TypeScript is loaded, in a worker thread, so
 * that the grader's own start stays light and the compiler's third of a second (and its memory)
 * is paid once, beside the grading rather than in front of it. It compiles the files a run
 * executes (../protocol/compile.ts) and type-checks a target (./typecheck-files.ts).
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { GraderFault } from '../errors';
import { DIST_DIR } from '../kit';
import type { Compiled } from '../protocol/compile';
import type { TypeError } from '../report/outcome';

export interface TypecheckRequest {
  targetDir: string;
  files: string[];
  cacheDirectory: string;
}

export type ThreadRequest = { id: number; kind: 'compile'; files: Array<{ file: string; text: string }> } | { id: number; kind: 'typecheck'; request: TypecheckRequest };

export type ThreadReply = { id: number; compiled: Compiled[] } | { id: number; typeErrors: TypeError[] } | { id: number; failed: string };

/**
 * TypeScript answers in seconds even on a slow laptop; past this it is stuck, and the thread is
 * ended rather than waited on forever.
 */
const ANSWER_WITHIN_MS = 120_000;

export class TypeScriptThread {
  private worker?: Worker;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (reply: ThreadReply) => void }>();

  private ask(request: ThreadRequest): Promise<ThreadReply> {
    if (!this.worker) {
      // Its output is not the grader's: TypeScript (or Node, about the colour settings it
      // inherits) would otherwise print into a report written to stdout.
      const worker = new Worker(path.join(DIST_DIR, 'engine', 'typescript-worker.js'), { stdout: true, stderr: true });
      worker.stdout.resume();
      worker.stderr.resume();
      worker.on('message', (reply: ThreadReply) => {
        this.waiting.get(reply.id)?.resolve(reply);
        this.waiting.delete(reply.id);
        if (this.waiting.size === 0) worker.unref();
      });
      const failAll = (why: string): void => {
        for (const [id, { resolve }] of this.waiting) resolve({ id, failed: why });
        this.waiting.clear();
        if (this.worker === worker) this.worker = undefined;
      };
      worker.on('error', (error) => failAll(error.message));
      worker.on('exit', () => failAll('the TypeScript thread stopped'));
      this.worker = worker;
    }
    const worker = this.worker;
    return new Promise((resolve) => {
      const late = setTimeout(() => {
        if (!this.waiting.has(request.id)) return;
        resolve({ id: request.id, failed: `TypeScript did not answer within ${ANSWER_WITHIN_MS / 1000} s` });
        this.waiting.delete(request.id);
        // What else it was asked fails with it (its exit handler says so).
        void worker.terminate();
      }, ANSWER_WITHIN_MS);
      late.unref();
      this.waiting.set(request.id, {
        resolve: (reply) => {
          clearTimeout(late);
          resolve(reply);
        },
      });
      // Busy, it keeps the grader alive until it answers; idle, it must not (see the reply handler).
      worker.ref();
      worker.postMessage(request);
    });
  }

  async compile(files: Array<{ file: string; text: string }>): Promise<Compiled[]> {
    const reply = await this.ask({ id: this.nextId++, kind: 'compile', files });
    if ('failed' in reply) throw new GraderFault(`TypeScript could not compile the graded files: ${reply.failed}.`);
    return (reply as { compiled: Compiled[] }).compiled;
  }

  /** Never rejects: a check that could not run reports nothing. */
  async typecheck(request: TypecheckRequest): Promise<TypeError[] | undefined> {
    const reply = await this.ask({ id: this.nextId++, kind: 'typecheck', request });
    return 'typeErrors' in reply ? reply.typeErrors : undefined;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}
