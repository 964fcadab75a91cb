/**
 * The grader's single exit point: runs the command line and maps every error to one line on
 * stderr and an exit code. A user's mistake never shows a stack trace; a grader bug does,
 * with `COROUTINE_GRADER_DEBUG=1`.
 */
import path from 'node:path';
import { CommanderError } from 'commander';
import { buildProgram, COMMANDS, type Commands } from './cli';
import { GraderError, GraderFault } from './errors';
import { GRADER_ROOT } from './kit';
import { withoutAbsolutePaths } from './report/clean';
import { DEBUG_ENV } from './protocol/env';

/** Where errors go: stderr, or what a test gives instead. */
export type ErrorSink = (text: string) => void;

function commanderExit(error: CommanderError, writeError: ErrorSink): number {
  // Help and version are not errors.
  if (['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code)) return 0;
  // Commander puts its "(Did you mean …?)" on a second line; the contract is one line.
  const message = error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').replace(/\.$/, '');
  writeError(`error: ${message}. Run with --help for usage.\n`);
  return 2;
}

export async function main(argv: string[], commands: Commands = COMMANDS, writeError: ErrorSink = (text) => process.stderr.write(text)): Promise<number> {
  let exitCode = 0;
  const program = buildProgram((code) => (exitCode = code), commands);
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
    if (error instanceof CommanderError) return commanderExit(error, writeError);
    if (error instanceof GraderError) {
      // A fault of the grader names its own files (a plan in a temporary folder, a spec of the
      // kit): shown without the folders they are in, which can hold the user's name. A usage
      // error shows what the user typed, as typed.
      const message = error instanceof GraderFault ? withoutAbsolutePaths(error.message, { rootDir: path.dirname(GRADER_ROOT) }) : error.message;
      writeError(`error: ${message}\n`);
      return error.exitCode;
    }
    const detail = error instanceof Error ? error.message : String(error);
    writeError(`error: the grader failed unexpectedly (${detail}). Please report it with the command you ran.\n`);
    if (process.env[DEBUG_ENV]) writeError(`${(error as Error)?.stack ?? ''}\n`);
    return 3;
  }
}
