/**
 * The grader's command line: flags only. Each action hands its parsed options to a command
 * in ./commands; errors travel up to index.ts, the one place that turns them into exits.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { batchCommand, mergeCommand, type BatchOptions } from './commands/batch';
import { gradeCommand } from './commands/grade';
import { hintCommand, type Lang } from './commands/hint';
import { listCommand } from './commands/list';
import { readmeCommand } from './commands/readme';
import { releaseCommand } from './commands/release';
import { renderCommand, type RenderCommandOptions } from './commands/render';
import { verifyCommand } from './commands/verify';
import { watchCommand } from './commands/watch';
import { FORMATS, GRADESCOPE_VISIBILITIES } from './render';

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

/** Builds the program; `done` receives the exit code of the command that ran. */
export function buildProgram(done: (exitCode: number) => void): Command {
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
    .option('--watch', 're-grade each exercise as you save it (q quits)', false)
    .addHelpText(
      'after',
      `
Exit codes: 0 graded (whatever the score), 1 below --fail-under, 2 bad usage or input, 3 grader failure.

Examples:
  npm run grade -- --exercise 01 02
  npm run grade -- --format json --output report.json --fail-under 60`,
    )
    .action(async (options) => done(options.watch ? await watchCommand(options) : await gradeCommand(options)));

  program
    .command('list')
    .description('the exercises, their points, and their status on the target')
    .option('--target <dir>', 'the folder whose status to show', 'exercises')
    .option('--no-status', 'only list the exercises, without grading')
    .action(async (options) => done(await listCommand(options)));

  program
    .command('hint')
    .description('the next hint for an exercise (a nudge first, then more)')
    .argument('<exercise>', 'the exercise: 05, 05-summer or summer')
    .option('--all', 'show every hint at once', false)
    .option('--reset', 'start again from the first hint', false)
    .addOption(new Option('--lang <lang>', 'language of the hints (default: from your locale)').choices(['en', 'ko']))
    .action((exercise: string, options: { all: boolean; reset: boolean; lang?: Lang }) => done(hintCommand({ exercise, ...options })));

  program
    .command('verify')
    .description("the kit's self-check: solutions full marks, stubs zero, known-wrong ones lose points")
    .action(async () => done(await verifyCommand()));

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
    .action(async (dir: string, options: Omit<BatchOptions, 'dir'>) => done(await batchCommand({ dir, ...options })));

  program
    .command('merge')
    .description("join batch shards' folders into one gradebook and class report")
    .argument('<dirs...>', 'the --out folders of the batch shards')
    .requiredOption('--out <dir>', 'where to write the joined gradebook')
    .action((dirs: string[], options: { out: string }) => done(mergeCommand({ dirs, ...options })));

  program
    .command('render')
    .description('turn a saved JSON report into another format, without grading again')
    .argument('<report>', 'a file written by grade --format json')
    .addOption(new Option('--format <format>', 'report format').choices(FORMATS).default('text'))
    .option('--output <file>', 'write it to this file instead of stdout')
    .addOption(new Option('--visibility <visibility>', 'gradescope: who sees the results').choices(GRADESCOPE_VISIBILITIES).default('visible'))
    .action((report: string, options: Omit<RenderCommandOptions, 'report'>) => done(renderCommand({ report, ...options })));

  program
    .command('release')
    .description('write the student handout: no solutions, no hidden specs')
    .requiredOption('--out <dir>', 'the folder to write it to (empty, or an earlier handout with --force)')
    .option('--force', 'replace an earlier handout in --out', false)
    .action((options: { out: string; force: boolean }) => done(releaseCommand(options)));

  program
    .command('readme')
    .description("regenerate README.md's exercise table from the manifest")
    .option('--check', 'only check that it is up to date (exit 1 if not)', false)
    .action((options: { check: boolean }) => done(readmeCommand(options)));

  return program;
}
