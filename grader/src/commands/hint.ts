/**
 * `hint <exercise>`: the next of an exercise's tiered hints each time it is asked, a nudge
 * first; `--all` for every one. Hints live beside the exercise (`hints.md`, `hints.ko.md`),
 * one `## ` section each. How far a student has got is kept in the kit's cache folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { selectExercises } from '../course';
import { UsageError } from '../errors';
import { loadContext, type CommandContext } from './context';

export type Lang = 'en' | 'ko';

export interface HintOptions {
  exercise: string;
  all: boolean;
  lang?: Lang;
  /** Start again from the first hint. */
  reset: boolean;
}

/** The system's own locale, as Windows and macOS tell it to programs (`ko-KR`, say). */
function systemLocale(): string {
  return Intl.DateTimeFormat().resolvedOptions().locale;
}

/**
 * The student's language: from the locale their shell sets (LC_ALL, LC_MESSAGES, then LANG),
 * or, where none is set or it names no language (`C`, `POSIX`), as Windows usually leaves
 * them, from the system's locale.
 */
export function defaultLang(env: NodeJS.ProcessEnv = process.env, system: () => string = systemLocale): Lang {
  const set = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value);
  const locale = set && !/^(C|POSIX)([._@]|$)/i.test(set) ? set : system();
  return locale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function parseHints(markdown: string): string[] {
  return markdown
    .split(/^## /m)
    .slice(1)
    .map((section) => `## ${section}`.trim());
}

export function hintCommand(options: HintOptions, context: CommandContext = loadContext()): number {
  const [exercise] = selectExercises(context.course, [options.exercise]);
  const lang = options.lang ?? defaultLang();
  const file = path.join(context.kit.exercisesDir, exercise!.id, lang === 'ko' ? 'hints.ko.md' : 'hints.md');
  let hints: string[];
  try {
    hints = parseHints(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new UsageError(`${exercise!.id} has no hints file (${path.relative(process.cwd(), file)}).`);
  }
  if (hints.length === 0) throw new UsageError(`${exercise!.id} has no hints yet.`);

  if (options.all) {
    process.stdout.write(`${hints.join('\n\n')}\n`);
    return 0;
  }
  const stateFile = path.join(context.kit.cacheDirectory, 'hints.json');
  let seen: Record<string, number> = {};
  try {
    seen = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as Record<string, number>;
  } catch {
    // No hint asked for yet.
  }
  const index = options.reset ? 0 : Math.min(seen[exercise!.id] ?? 0, hints.length - 1);
  const shown = `${hints[index]}\n\n(${index + 1} of ${hints.length}${
    index + 1 < hints.length ? '; ask again for the next one, or use --all' : '; that was the last one'
  })\n`;
  process.stdout.write(shown);
  seen[exercise!.id] = index + 1;
  try {
    fs.mkdirSync(path.dirname(stateFile), { recursive: true });
    fs.writeFileSync(stateFile, JSON.stringify(seen));
  } catch {
    // Remembering the tier is a convenience; a read-only kit still shows hints.
  }
  return 0;
}
