/** The worker-thread side of ./typecheck.ts. */
import { parentPort, workerData } from 'node:worker_threads';
import { typecheckFiles } from './typecheck-files';
import type { TypecheckRequest } from './typecheck';

parentPort!.postMessage(typecheckFiles(workerData as TypecheckRequest));
