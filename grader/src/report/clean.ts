/**
 * Failure messages as a student should see them: no colour codes, no absolute paths, no stack
 * frames from Jest or the grader (frames in the student's own file stay: they help), and
 * never longer than a screenful.
 */
import path from 'node:path';
import { TARGET_LOAD_ERROR } from '../protocol/failures';

export interface CleanContext {
  /** The graded folder and the name to show for it (`exercises`, say). */
  targetDir: string;
  targetLabel: string;
  /** The kit's root: paths under it are shown relative to it. */
  rootDir: string;
}

export const MESSAGE_LIMIT = 1200;
const STUDENT_FRAMES_KEPT = 3;

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
const FRAME = /^\s*at\s/;

function replaceAll(text: string, search: string, replacement: string): string {
  return search ? text.split(search).join(replacement) : text;
}

export function cleanMessage(message: string, context: CleanContext): string {
  let text = message.replace(ANSI, '').replace(/\r\n/g, '\n');
  const lines = text.split('\n');
  const kept: string[] = [];
  let studentFrames = 0;
  for (const line of lines) {
    if (FRAME.test(line)) {
      const inTarget = line.includes(context.targetDir) && !line.includes('node_modules');
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
  const PLACEHOLDER = '\u0000target\u0000';
  const relativeTarget = path.relative(context.rootDir, context.targetDir);
  text = replaceAll(text, context.targetDir, PLACEHOLDER);
  // The TypeScript transform names files relative to the kit's root.
  if (relativeTarget) text = replaceAll(text, `${relativeTarget}/`, `${PLACEHOLDER}/`);
  text = replaceAll(text, `${context.rootDir}/`, '');
  // Any other absolute path (a temporary folder, a home directory) shrinks to its last part.
  text = text.replace(/(^|[\s('"`])\/(?:[\w.@+-]+\/)+([\w.@+-]+)/gm, '$1$2');
  text = replaceAll(text, PLACEHOLDER, context.targetLabel);
  // The loader's error class is the grader's business; the student needs the reason.
  text = text.split('\n').map((line) => (line.startsWith(`${TARGET_LOAD_ERROR}: `) ? line.slice(TARGET_LOAD_ERROR.length + 2) : line)).join('\n');
  text = text.replace(/\n{3,}/g, '\n\n').trim();
  if (text.length > MESSAGE_LIMIT) text = `${text.slice(0, MESSAGE_LIMIT).trimEnd()}… (message cut)`;
  return text;
}
