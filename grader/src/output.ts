/**
 * Where reports go: stdout, or a file written whole or not at all (a crash halfway through
 * never leaves half a report for a script to read). The whole-or-nothing write goes to a
 * temporary file renamed over the target, which only makes sense for a regular file: a device
 * (`/dev/null`, `/dev/stdout`) or a FIFO named by `--output` is written in place, since a
 * rename would replace it with a regular file.
 */
import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { UsageError } from './errors';

/** Checked before grading, so that nobody waits for a grade that cannot be saved. */
export function checkWritable(file: string): void {
  const existing = statOf(file);
  if (existing?.isDirectory()) {
    throw new UsageError(`Cannot write the report to ${file}: it is a folder. Give a file name to --output.`);
  }
  // A device or a FIFO is written in place: its folder (/dev, say) need not be writable.
  if (existing && !existing.isFile()) {
    try {
      fs.accessSync(file, fs.constants.W_OK);
    } catch {
      throw new UsageError(`Cannot write the report to ${file}: it is not writable. Choose another --output.`);
    }
    return;
  }
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
}

/** What `file` is, following links; undefined when nothing is there. */
function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

export function writeReport(text: string, file: string | undefined): void {
  if (file === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    const existing = statOf(file);
    if (existing && !existing.isFile()) fs.writeFileSync(file, text);
    else writeFileAtomic.sync(file, text);
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
