/**
 * Where reports go: stdout, or a file written whole or not at all (a crash halfway through
 * never leaves half a report for a script to read).
 */
import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { UsageError } from './errors';

/** Checked before grading, so that nobody waits for a grade that cannot be saved. */
export function checkWritable(file: string): void {
  const dir = path.dirname(path.resolve(file));
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new UsageError(`Cannot write the report to ${file}: the folder ${dir} does not exist. Create it or choose another --output.`);
  }
  if (!stat.isDirectory()) throw new UsageError(`Cannot write the report to ${file}: ${dir} is not a folder. Choose another --output.`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new UsageError(`Cannot write the report to ${file}: the folder ${dir} is not writable. Choose another --output.`);
  }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    throw new UsageError(`Cannot write the report to ${file}: it is a folder. Give a file name to --output.`);
  }
}

export function writeReport(text: string, file: string | undefined): void {
  if (file === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileAtomic.sync(file, text);
  } catch (error) {
    throw new UsageError(`Cannot write the report to ${file}: ${(error as Error).message}. Choose another --output.`);
  }
}

/** Colours only on a terminal, never with NO_COLOR; FORCE_COLOR asks for them anyway. */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}
