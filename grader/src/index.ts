/**
 * The grader's single exit point: runs the command line and maps every error to one line on
 * stderr and an exit code. A user's mistake never shows a stack trace; a grader bug does,
 * with `COROUTINE_GRADER_DEBUG=1`.
 */
import { CommanderError } from 'commander';
import { buildProgram } from './cli';
import { GraderError } from './errors';

function commanderExit(error: CommanderError): number {
  // Help and version are not errors.
  if (['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code)) return 0;
  // Commander puts its "(Did you mean …?)" on a second line; the contract is one line.
  const message = error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').replace(/\.$/, '');
  process.stderr.write(`error: ${message}. Run with --help for usage.\n`);
  return 2;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = buildProgram((code) => (exitCode = code));
  program.exitOverride();
  for (const command of [program, ...program.commands]) {
    command.exitOverride();
    command.configureOutput({ outputError: () => undefined });
  }
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return 2;
    }
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExit(error);
    if (error instanceof GraderError) {
      process.stderr.write(`error: ${error.message}\n`);
      return error.exitCode;
    }
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: the grader failed unexpectedly (${detail}). Please report it with the command you ran.\n`);
    if (process.env.COROUTINE_GRADER_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return 3;
  }
}
