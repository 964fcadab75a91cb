/**
 * The grader's command line: flags only. Each action checks that its flags make sense
 * together (a flag that would be ignored is refused, never silently dropped), then hands the
 * parsed options to a command in ./commands. Errors travel up to index.ts, the one place that
 * turns them into exits. The commands are loaded only when they run, so `--help` and `hint`
 * start light; tests hand in their own commands to see what the flags become.
 */
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { BatchOptions, MergeOptions } from './commands/batch';
import type { GradeOptions } from './commands/grade';
import type { HintOptions } from './commands/hint';
import type { ListOptions } from './commands/list';
import type { ReadmeOptions } from './commands/readme';
import type { ReleaseOptions } from './commands/release';
import type { RenderCommandOptions } from './commands/render';
import type { TraceOptions } from './commands/trace';
import type { VerifyOptions } from './commands/verify';
import type { WatchOptions } from './commands/watch';
import { UsageError } from './errors';
import { FORMATS, GRADESCOPE_VISIBILITIES } from './render/formats';

/** The benchmark's flags (../tools/bench/main.ts); defined here, as the handout has no tools. */
export interface BenchOptions {
  runs: number;
  /** Comma-separated sections; all when absent. */
  only?: string;
  submissions: number;
  /** Comma-separated class sizes for the `slope` section. */
  slope: string;
  /** Grade with the kit itself rather than a frozen copy of its build. */
  inPlace: boolean;
}

/** The smoke test's flags (../tools/smoke.ts); defined here, as the handout has no tools. */
export interface SmokeOptions {
  keep: boolean;
}

export interface Commands {
  grade(options: GradeOptions): Promise<number>;
  watch(options: WatchOptions): Promise<number>;
  list(options: ListOptions): Promise<number>;
  hint(options: HintOptions): number;
  trace(options: TraceOptions): Promise<number>;
  verify(options: VerifyOptions): Promise<number>;
  batch(options: BatchOptions): Promise<number>;
  merge(options: MergeOptions): number;
  render(options: RenderCommandOptions): number;
  release(options: ReleaseOptions): Promise<number>;
  readme(options: ReadmeOptions): number;
  bench(options: BenchOptions): Promise<number>;
  smoke(options: SmokeOptions): Promise<number>;
}

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on use, see the module comment */
/** The instructor's tools are left out of a student handout (see `release`): no static import. */
function instructorTool<T>(command: string, module: string): T {
  try {
    return require(path.join(__dirname, module)) as T;
  } catch {
    throw new UsageError(`${command} is part of the instructor kit; this copy does not have it.`);
  }
}

export const COMMANDS: Commands = {
  grade: (options) => (require('./commands/grade') as typeof import('./commands/grade')).gradeCommand(options),
  watch: (options) => (require('./commands/watch') as typeof import('./commands/watch')).watchCommand(options),
  list: (options) => (require('./commands/list') as typeof import('./commands/list')).listCommand(options),
  hint: (options) => (require('./commands/hint') as typeof import('./commands/hint')).hintCommand(options),
  trace: (options) => (require('./commands/trace') as typeof import('./commands/trace')).traceCommand(options),
  verify: (options) => (require('./commands/verify') as typeof import('./commands/verify')).verifyCommand(options),
  batch: (options) => (require('./commands/batch') as typeof import('./commands/batch')).batchCommand(options),
  merge: (options) => (require('./commands/batch') as typeof import('./commands/batch')).mergeCommand(options),
  render: (options) => (require('./commands/render') as typeof import('./commands/render')).renderCommand(options),
  release: (options) => (require('./commands/release') as typeof import('./commands/release')).releaseCommand(options),
  readme: (options) => (require('./commands/readme') as typeof import('./commands/readme')).readmeCommand(options),
  bench: (options) => instructorTool<{ benchCommand(options: BenchOptions): Promise<number> }>('bench', path.join('tools', 'bench', 'main')).benchCommand(options),
  smoke: (options) => instructorTool<{ smokeCommand(options: SmokeOptions): Promise<number> }>('smoke', path.join('tools', 'smoke')).smokeCommand(options),
};
/* eslint-enable @typescript-eslint/no-require-imports */

function positiveSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('It must be a positive number of seconds, e.g. 10.');
  return n;
}

function percent(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) {
    throw new InvalidArgumentError('It must be a percentage from 0 to 100, e.g. 60.');
  }
  return n;
}

function positiveCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('It must be a whole number of at least 1, e.g. 3.');
  return n;
}

/** Whether a flag was written on the command line (rather than left at its default). */
function given(command: Command, name: string): boolean {
  return command.getOptionValueSource(name) === 'cli';
}

function refuse(message: string): never {
  throw new UsageError(message);
}

/** What commander parses for `grade`; the command gets `GradeOptions` or `WatchOptions`. */
interface GradeFlags extends GradeOptions {
  watch: boolean;
}

function gradeAction(flags: GradeFlags, command: Command, commands: Commands): Promise<number> {
  if (given(command, 'visibility') && flags.format !== 'gradescope') refuse('--visibility only applies to --format gradescope.');
  if (given(command, 'sandbox') && flags.submission === undefined) {
    refuse("--no-sandbox only applies with --submission: the sandbox is for grading a student's copy.");
  }
  if (flags.strictTypes && !flags.typecheck) refuse('--strict-types needs the type check: drop --no-typecheck.');
  const { watch, ...options } = flags;
  if (!watch) return commands.grade(options);
  const unwatchable: Array<[string, boolean]> = [
    ['--submission', flags.submission !== undefined],
    ['--format', flags.format !== 'text'],
    ['--output', flags.output !== undefined],
    ['--fail-under', flags.failUnder !== undefined],
    ['--visibility', given(command, 'visibility')],
    ['--no-sandbox', given(command, 'sandbox')],
  ];
  for (const [flag, isGiven] of unwatchable) {
    if (isGiven) refuse(`--watch cannot be combined with ${flag}: watch mode shows your own folder on screen. Grade once, without --watch, to use ${flag}.`);
  }
  const { target, exercise, timeout, typecheck, strictTypes } = options;
  return commands.watch({ target, typecheck, strictTypes, ...(exercise ? { exercise } : {}), ...(timeout !== undefined ? { timeout } : {}) });
}

/** Builds the program; `done` receives the exit code of the command that ran. */
export function buildProgram(done: (exitCode: number) => void, commands: Commands = COMMANDS): Command {
  const program = new Command('coroutine-grader')
    .description('Grades the coroutine exercises with the hidden specs.')
    .showSuggestionAfterError(true)
    .configureHelp({ showGlobalOptions: true })
    .addHelpText(
      'after',
      `
Examples:
  npm run grade                                   grade exercises/
  npm run grade -- --exercise 05                  grade one exercise (05, 05-summer or summer)
  npm run grade -- --watch                        re-grade each exercise as you save it
  npm run grade -- --target solutions --format json --output report.json
  npm run hint -- 05                              the next hint for 05-summer
  npm run trace -- 05                             step through 05's examples with your summer()
  npx coroutine-grader verify                     the kit's self-check`,
    );

  program
    .command('grade')
    .description('grade a target folder (exercises/ by default)')
    .option('--target <dir>', 'the folder to grade', 'exercises')
    .addOption(
      new Option('--submission <dir>', "a student's copy of the kit: grade only its exercise sources, with this kit's specs").conflicts('target'),
    )
    .option('--no-sandbox', 'with --submission: grade without the sandbox (see the README)')
    .option('--exercise <ids...>', 'only these exercises: 05, 05-summer or summer')
    .addOption(new Option('--format <format>', 'report format').choices(FORMATS).default('text'))
    .option('--output <file>', 'write the report to this file (whole, or not at all) instead of stdout')
    .addOption(
      new Option('--visibility <visibility>', 'with --format gradescope: who sees the results, and when')
        .choices(GRADESCOPE_VISIBILITIES)
        .default('visible'),
    )
    .option('--timeout <seconds>', "wall-clock budget per exercise (default: each exercise's own)", positiveSeconds)
    .option('--fail-under <percent>', 'exit 1 when the total is below this percentage', percent)
    .option('--no-typecheck', 'skip the type check of the graded files')
    .option('--strict-types', 'type errors cost the exercise its points', false)
    .option('--watch', 're-grade each exercise as you save it (q quits); with --target, --exercise, --timeout, --no-typecheck, --strict-types', false)
    .addHelpText(
      'after',
      `
Exit codes: 0 graded (whatever the score), 1 below --fail-under, 2 bad usage or input, 3 grader failure.

Examples:
  npm run grade -- --exercise 01 02
  npm run grade -- --format json --output report.json --fail-under 60
  npx coroutine-grader grade --submission ../submissions/ana --format gradescope --output results.json`,
    )
    .action(async (flags: GradeFlags, command: Command) => done(await gradeAction(flags, command, commands)));

  program
    .command('list')
    .description('the exercises, their points, and their status on the target')
    .option('--target <dir>', 'the folder whose status to show', 'exercises')
    .option('--no-status', 'only list the exercises, without grading')
    .addOption(new Option('--lang <lang>', 'language of the titles (default: from your locale)').choices(['en', 'ko']))
    .action(async (options: ListOptions, command: Command) => {
      if (!options.status && given(command, 'target')) refuse('--target has no use with --no-status: drop one of them.');
      done(await commands.list(options));
    });

  program
    .command('hint')
    .description('the next hint for an exercise (a nudge first, then more)')
    .argument('<exercise>', 'the exercise: 05, 05-summer or summer')
    .option('--all', 'show every hint at once', false)
    .option('--reset', 'start again from the first hint', false)
    .addOption(new Option('--lang <lang>', 'language of the hints (default: from your locale)').choices(['en', 'ko']))
    .action((exercise: string, options: Omit<HintOptions, 'exercise'>) => done(commands.hint({ exercise, ...options })));

  program
    .command('trace')
    .description("run an exercise's examples on your file and show each step: the call, what came back, the generator's state")
    .argument('<exercise>', 'the exercise: 05, 05-summer or summer')
    .option('--target <dir>', 'the folder whose file to trace', 'exercises')
    .option('--timeout <seconds>', "how long the examples may run (default: the exercise's own budget)", positiveSeconds)
    .addOption(new Option('--lang <lang>', "language of the examples' titles (default: from your locale)").choices(['en', 'ko']))
    .addHelpText(
      'after',
      `
The examples are in exercises/NN-slug/trace.ts: edit them, or add your own.
Exit codes: 0 traced, 1 your file could not be traced (does not load, never finishes…), 2 bad usage.
  npm run trace -- 05
  npm run trace -- 12 --target solutions`,
    )
    .action(async (exercise: string, options: Omit<TraceOptions, 'exercise'>) => done(await commands.trace({ exercise, ...options })));

  program
    .command('verify')
    .description("the kit's self-check: solutions full marks, stubs zero, known-wrong ones lose points")
    .option('--repeat <n>', 'grade the solutions and known-wrong ones n times; any score that changes is a flaky spec', positiveCount, 1)
    .option('--exercise <ids...>', 'only these exercises (the kit-wide checks still run)')
    .option('--update-signatures', "write grader/mutants/signatures.json (the known mistakes' failing tests) from this grade instead of checking it", false)
    .action(async (options: VerifyOptions) => done(await commands.verify(options)));

  program
    .command('batch')
    .description('grade every submission under <dir> (one subfolder each) into a gradebook')
    .argument('<dir>', 'the folder of submissions, one subfolder each')
    .option('--out <dir>', 'where to write reports/, gradebook.csv and class-report.html', 'grades')
    .option('--exercise <ids...>', 'only these exercises')
    .option('--timeout <seconds>', 'wall-clock budget per exercise', positiveSeconds)
    .option('--shard <i/n>', 'grade every n-th submission starting at the i-th (for a CI matrix)')
    .option('--no-progress', 'no progress bar')
    .option('--no-sandbox', 'grade without the sandbox (see the README)')
    .addHelpText(
      'after',
      `
Run again after an interruption: submissions already graded whose sources have not changed
are skipped. Split a class across CI jobs with --shard, then join them with merge:
  npx coroutine-grader batch submissions --shard 1/2 --out grades-1
  npx coroutine-grader batch submissions --shard 2/2 --out grades-2
  npx coroutine-grader merge grades-1 grades-2 --out grades`,
    )
    .action(async (dir: string, options: Omit<BatchOptions, 'dir'>) => done(await commands.batch({ dir, ...options })));

  program
    .command('merge')
    .description("join batch shards' folders into one gradebook and class report")
    .argument('<dirs...>', 'the --out folders of the batch shards')
    .requiredOption('--out <dir>', 'where to write the joined gradebook')
    .option('--prefer-newer', 'where folders hold different reports for a submission, keep the more recently graded one (else merge refuses)', false)
    .addHelpText(
      'after',
      `
A submission in several folders with the same report is kept once, and named. Different
reports for one submission are a conflict: merge names them and writes nothing, unless
--prefer-newer keeps the more recently graded report of each.`,
    )
    .action((dirs: string[], options: Omit<MergeOptions, 'dirs'>) => done(commands.merge({ dirs, ...options })));

  program
    .command('render')
    .description('turn a saved JSON report into another format, without grading again')
    .argument('<report>', 'a file written by grade --format json')
    .addOption(new Option('--format <format>', 'report format').choices(FORMATS).default('text'))
    .option('--output <file>', 'write it to this file instead of stdout')
    .addOption(new Option('--visibility <visibility>', 'with --format gradescope: who sees the results').choices(GRADESCOPE_VISIBILITIES).default('visible'))
    .action((report: string, options: Omit<RenderCommandOptions, 'report'>, command: Command) => {
      if (given(command, 'visibility') && options.format !== 'gradescope') refuse('--visibility only applies to --format gradescope.');
      done(commands.render({ report, ...options }));
    });

  program
    .command('release')
    .description('write the student handout: no solutions, no hidden specs')
    .requiredOption('--out <dir>', 'the folder to write it to (empty, or an earlier handout with --force)')
    .option('--force', 'replace an earlier handout in --out', false)
    .option('--allow-changed-stubs', "ship exercise files that are not their stubs (changed since the last commit, or failing verify's stub checks)", false)
    .addHelpText(
      'after',
      `
release refuses (exit 2, naming the files) when an exercise file is not its stub as the last
commit has it, or is not what verify takes for a stub (a TODO, no test passing): someone has
started it in the kit. Restore the stubs, or add --allow-changed-stubs to ship them as they are.`,
    )
    .action(async (options: ReleaseOptions) => done(await commands.release(options)));

  program
    .command('bench')
    .description("the kit's performance figures, each beside its target (instructor kit)")
    .option('--runs <n>', 'runs per median', positiveCount, 3)
    .option('--only <sections>', 'among warm, cold, batch, slope, memory, watch (default: all)')
    .option('--submissions <n>', 'submissions in the batch comparison', positiveCount, 50)
    .option('--slope <sizes>', 'class sizes whose batch times give the cost per submission', '10,50,200')
    .option('--in-place', 'grade with the kit itself, not a frozen copy of its build', false)
    .addHelpText(
      'after',
      `
It reports, it does not gate: a missed target still exits 0; it exits 1 only when it could
not measure correctly. Sections: warm (grade vs bare Jest and naive ts-jest), cold (vs naive
ts-jest from empty caches), batch (batch vs the same submissions graded one by one), slope
(batch of several class sizes), memory (peak of the process tree), watch (save to new score).
  npm run bench -- --only warm,memory --runs 5`,
    )
    .action(async (options: BenchOptions) => done(await commands.bench(options)));

  program
    .command('smoke')
    .description('check on this machine that a loop or a crash costs one exercise and leaves no process behind (instructor kit)')
    .option('--keep', 'keep the planted copies, their reports and logs, and say where', false)
    .addHelpText(
      'after',
      `
Grades copies of the solutions with an endless loop, a microtask loop, a process.exit and
a runaway allocation planted, stops a grade from outside mid-loop, and quits watch mode
mid-loop; each must end in time with the right statuses and leave no process running.
Exits 1 if any scenario fails. Runs on Linux, macOS and Windows; takes about a minute.
  npm run smoke
  npm run smoke -- --keep`,
    )
    .action(async (options: SmokeOptions) => done(await commands.smoke(options)));

  program
    .command('readme')
    .description("regenerate the README's exercise tables from the manifest")
    .option('--check', 'only check that they are up to date (exit 1 if not)', false)
    .action((options: ReadmeOptions) => done(commands.readme(options)));

  return program;
}
