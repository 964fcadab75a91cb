/**
 * The grader's compile cache (grader/src/engine/sources.ts): a file's output is shared by every
 * folder that holds the same text (a batch stages each submission afresh), except a syntax
 * error, which names the file's own path.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { compileSources, type SourceFile } from '../src/engine/sources';
import type { TypeScriptThread } from '../src/engine/typescript';
import { compile } from '../src/protocol/compile';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'compile-cache-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A stand-in for the TypeScript thread that compiles in this process and counts what it is asked. */
function countingThread(): { thread: TypeScriptThread; compiled: string[] } {
  const compiled: string[] = [];
  const thread = {
    compile: async (files: Array<{ file: string; text: string }>) =>
      files.map(({ file, text }) => {
        compiled.push(file);
        return compile(ts, text, file);
      }),
  } as unknown as TypeScriptThread;
  return { thread, compiled };
}

/** `text` written as summer.ts in a folder of its own under `name`. */
function fileIn(name: string, text: string): SourceFile {
  const file = path.join(scratch, name, '05-summer', 'summer.ts');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return { file, seenAs: file, trusted: false };
}

test('the same text in another folder is served from the cache', async () => {
  const cache = path.join(scratch, 'cache-shared');
  const { thread, compiled } = countingThread();
  const text = 'export function* summer(start = 0): Generator<number> {\n  yield start;\n}\n';
  const ana = fileIn('ana', text);
  const ben = fileIn('ben', text);
  const first = await compileSources([ana], thread, cache);
  const second = await compileSources([ben], thread, cache);
  expect(compiled).toEqual([ana.file]);
  expect(second[ben.file]!.code).toBe(first[ana.file]!.code);
});

test('a file that does not parse is compiled for each folder, its message naming that folder', async () => {
  const cache = path.join(scratch, 'cache-broken');
  const { thread, compiled } = countingThread();
  const text = 'export function* summer( {\n';
  const ana = fileIn('ana-broken', text);
  const ben = fileIn('ben-broken', text);
  const first = await compileSources([ana], thread, cache);
  const second = await compileSources([ben], thread, cache);
  expect(compiled).toEqual([ana.file, ben.file]);
  expect(first[ana.file]!.code).toContain(`${ana.file}:2:1`);
  expect(second[ben.file]!.code).toContain(`${ben.file}:2:1`);
});
