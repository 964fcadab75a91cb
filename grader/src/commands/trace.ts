/**
 * `trace <exercise>`: runs an exercise's public examples (exercises/NN-slug/trace.ts) against the
 * student's file and prints what passed between them, step by step: each `next`, `throw` and
 * `return`, what came back, and the generator's state after it. It needs no hidden spec, so it
 * works in a student handout. Student code runs in a process of its own, under a time limit
 * (../trace/run.ts).
 *
 * Exit codes: 0 the examples ran (whatever the code answered); 1 the student's file could not be
 * traced (it does not load, lacks an export, never finishes, ends the process); 2 bad usage.
 */
import fs from 'node:fs';
import path from 'node:path';
import pc from 'picocolors';
import { selectExercises, sourceFileOf } from '../course';
import { CheckFailed, UsageError } from '../errors';
import { GRADER_ROOT } from '../kit';
import { useColor } from '../output';
import { runTrace } from '../trace/run';
import { defaultLang, type Lang } from './hint';
import { loadContext, resolveTarget, type CommandContext } from './context';

/** The examples' file, beside the exercise's README. */
export const EXAMPLES_FILE = 'trace.ts';
const RECORDER = path.join(GRADER_ROOT, 'specs', 'support', 'conversation.ts');

export interface TraceOptions {
  exercise: string;
  target: string;
  /** Seconds the examples may take; the exercise's own budget when absent. */
  timeout?: number;
  /** The language of the examples' titles, as for hints: from the locale when absent. */
  lang?: Lang;
}

/** Paths as a student would type them: relative to where the command runs. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

export async function traceCommand(options: TraceOptions, context: CommandContext = loadContext()): Promise<number> {
  const [exercise] = selectExercises(context.course, [options.exercise]);
  const examplesFile = path.join(context.kit.exercisesDir, exercise!.id, EXAMPLES_FILE);
  if (!fs.existsSync(examplesFile)) {
    const traced = context.course.exercises.filter((e) => fs.existsSync(path.join(context.kit.exercisesDir, e.id, EXAMPLES_FILE)));
    const others = traced.length > 0 ? ` Exercises with examples: ${traced.map((e) => e.id.slice(0, 2)).join(', ')}.` : '';
    throw new UsageError(`${exercise!.id} has no examples to trace (no ${shown(examplesFile)}).${others}`);
  }
  const target = resolveTarget(options.target);
  const studentFile = path.join(target.dir, sourceFileOf(exercise!));
  if (!fs.existsSync(studentFile)) {
    throw new UsageError(`${shown(studentFile)} does not exist. Pass --target with a folder laid out like exercises/.`);
  }
  const color = useColor();
  const write = (text: string) => process.stdout.write(text);
  write(`${pc.createColors(color).bold(`Tracing ${shown(studentFile)}`)} with the examples in ${shown(examplesFile)}\n`);
  write('Each step: the call, what came back, and the state of the generator after it.\n');
  const outcome = await runTrace(
    {
      studentFile,
      studentLabel: shown(studentFile),
      examplesFile,
      examplesLabel: shown(examplesFile),
      recorderFile: RECORDER,
      exports: exercise!.exports,
      color,
      lang: options.lang ?? defaultLang(),
    },
    { timeoutMs: (options.timeout ?? exercise!.timeoutSeconds) * 1000, color, write },
  );
  if (outcome.problem) {
    write('\n');
    throw new CheckFailed(outcome.problem);
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const stopped = outcome.stopped > 0 ? ` (${outcome.stopped} stopped early by an error nothing caught)` : '';
  write(`\n${plural(outcome.examples, 'example')} traced${stopped}. Compare them with the README; edit ${shown(examplesFile)} to try your own.\n`);
  return 0;
}
