/**
 * Failure messages as a student should see them: no colour codes, no absolute paths, no stack
 * frames from Jest or the grader (frames in the student's own file stay: they help), and
 * never longer than a screenful. Paths are recognised as Linux, macOS and Windows write them
 * (`/home/ana/kit`, `C:\Users\Ana\kit`, `c:/users/ana/kit`, `\\server\share`, `file:///…`),
 * and a path shown relative to the kit uses `/` on every system, so that the same work gets the
 * same message everywhere.
 */
import os from 'node:os';
import path from 'node:path';
import { TARGET_LOAD_ERROR } from '../protocol/failures';

export interface CleanContext {
  /** The graded folder and the name to show for it (`exercises`, say). */
  targetDir: string;
  targetLabel: string;
  /** The kit's root: paths under it are shown relative to it. */
  rootDir: string;
  /** Folders whose paths shrink to their last part; by default this system's temporary and home folders. */
  tempDir?: string;
  homeDir?: string;
}

export const MESSAGE_LIMIT = 1200;
const STUDENT_FRAMES_KEPT = 3;

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
const FRAME = /^\s*at\s/;

/** A character that cannot be part of a path in a message: where a path ends. */
const NOT_PATH = `\\s'"\`()<>|,;`;
/** One part of a path, between separators (a drive's colon, or a line's `:4:11`, ends it). */
const PART = `[^${NOT_PATH}:\\\\/]+`;
const SEPARATOR = '[\\\\/]';
const WINDOWS_ROOT = /^(?:[A-Za-z]:[\\/]|\\\\)/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `dir` as a message may write it, followed by the rest of a path inside it (captured): with
 * either separator, and for a Windows path in any case and as a file URL. Only the whole folder
 * matches: `/kit` is not in `/kit2/x`.
 */
function inside(dir: string): RegExp {
  const windows = WINDOWS_ROOT.test(dir);
  const body = dir.replace(/[\\/]+$/, '').split(/[\\/]/).map(escapeRegExp).join(SEPARATOR);
  const url = windows ? '(?:file:///)?' : '(?:file://)?';
  return new RegExp(`${url}${body}((?:${SEPARATOR}${PART})*)(?![^${NOT_PATH}:\\\\/])`, windows ? 'gi' : 'g');
}

/** Puts `replacement` for `dir` wherever it is named; the rest of each path keeps `/` between its parts. */
function replaceDir(text: string, dir: string, replacement: string): string {
  return dir ? text.replace(inside(dir), (_whole, rest: string) => `${replacement}${rest.replace(/\\/g, '/')}`) : text;
}

/**
 * A path in the temporary folder or the home folder shrinks to its last part (the folder itself
 * to `bare`), found by the folder's whole name first: it may have spaces (`C:\Users\Ann Lee`),
 * which end a path everywhere else.
 */
function shortenUnder(text: string, dir: string, bare: string): string {
  // A drive or the file system's root is not a folder to find: every path would be in it.
  const isRoot = /^(?:[A-Za-z]:)?[\\/]*$/.test(dir);
  return !isRoot ? text.replace(inside(dir), (_whole, rest: string) => rest.split(/[\\/]/).pop() || bare) : text;
}

/**
 * Any absolute path left (a temporary folder, a home directory, a drive, a network share)
 * shrinks to its last part: `/tmp/x/plan-1.json`, `C:\Users\Ana\AppData\Local\Temp\x\plan-1.json`,
 * `\\server\share\plan-1.json` and `file:///C:/x/plan-1.json` all become `plan-1.json`.
 */
export function shortenPaths(text: string): string {
  const root = `(?:file:///?)?(?:[A-Za-z]:${SEPARATOR}|\\\\\\\\|/)`;
  return text.replace(new RegExp(`(^|[${NOT_PATH}])${root}(?:${PART}${SEPARATOR})+(${PART})`, 'gm'), '$1$2');
}

const TARGET_PLACEHOLDER = '\u0000target\u0000';
const KIT_PLACEHOLDER = '\u0000kit\u0000';

/**
 * `text` with no absolute path left: paths in the kit shown from the kit's folder
 * (`grader/course.json`), any other shrunk to its last part.
 */
export function withoutAbsolutePaths(text: string, context: Pick<CleanContext, 'rootDir' | 'tempDir' | 'homeDir'>): string {
  let shown = replaceDir(text, context.rootDir, KIT_PLACEHOLDER).split(`${KIT_PLACEHOLDER}/`).join('').split(KIT_PLACEHOLDER).join('.');
  shown = shortenUnder(shown, context.tempDir ?? os.tmpdir(), 'the temporary folder');
  shown = shortenUnder(shown, context.homeDir ?? os.homedir(), '~');
  return shortenPaths(shown);
}

export function cleanMessage(message: string, context: CleanContext): string {
  let text = message.replace(ANSI, '').replace(/\r\n/g, '\n');
  const lines = text.split('\n');
  const kept: string[] = [];
  let studentFrames = 0;
  for (const line of lines) {
    if (FRAME.test(line)) {
      const inTarget = inside(context.targetDir).test(line) && !line.includes('node_modules');
      if (inTarget && studentFrames < STUDENT_FRAMES_KEPT) {
        kept.push(line);
        studentFrames++;
      }
      continue;
    }
    kept.push(line);
  }
  text = kept.join('\n');
  // Paths in the graded folder become the target's label; the placeholder keeps the
  // shortening of other absolute paths below from touching them when the label is a path.
  text = replaceDir(text, context.targetDir, TARGET_PLACEHOLDER);
  // The TypeScript transform names files relative to the kit's root.
  // (By the rules of the system the paths are from: a Windows path's case does not count.)
  const paths = WINDOWS_ROOT.test(context.rootDir) ? path.win32 : path.posix;
  const relativeTarget = paths.relative(context.rootDir, context.targetDir);
  if (relativeTarget && !paths.isAbsolute(relativeTarget)) {
    const written = relativeTarget.split(/[\\/]/).map(escapeRegExp).join(SEPARATOR);
    text = text.replace(new RegExp(`(^|[${NOT_PATH}])${written}((?:${SEPARATOR}${PART})+)`, 'gm'), (_whole, before: string, rest: string) => `${before}${TARGET_PLACEHOLDER}${rest.replace(/\\/g, '/')}`);
  }
  text = withoutAbsolutePaths(text, context).split(TARGET_PLACEHOLDER).join(context.targetLabel);
  // The loader's error class is the grader's business; the student needs the reason.
  text = text.split('\n').map((line) => (line.startsWith(`${TARGET_LOAD_ERROR}: `) ? line.slice(TARGET_LOAD_ERROR.length + 2) : line)).join('\n');
  text = text.replace(/\n{3,}/g, '\n\n').trim();
  if (text.length > MESSAGE_LIMIT) text = `${text.slice(0, MESSAGE_LIMIT).trimEnd()}… (message cut)`;
  return text;
}
