/** The worker side of ./typescript.ts: TypeScript is loaded here, once, when the first request comes. */
import { parentPort } from 'node:worker_threads';
import ts from 'typescript';
import { compile } from '../protocol/compile';
import { typecheckFiles } from './typecheck-files';
import type { ThreadReply, ThreadRequest } from './typescript';

parentPort!.on('message', (request: ThreadRequest) => {
  let reply: ThreadReply;
  try {
    reply =
      request.kind === 'compile'
        ? { id: request.id, compiled: request.files.map(({ file, text }) => compile(ts, text, file)) }
        : { id: request.id, typeErrors: typecheckFiles(request.request) };
  } catch (error) {
    reply = { id: request.id, failed: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
