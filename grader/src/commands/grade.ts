/** `grade`: score a target folder and report it in the chosen format. */
import { selectExercises } from '../course';
import { CheckFailed } from '../errors';
import { gradeTargets } from '../core/grade';
import { checkWritable, useColor, writeReport } from '../output';
import { renderReport, type Format } from '../render';
import { loadContext, resolveTarget, type CommandContext } from './context';

export interface GradeOptions {
  target: string;
  exercise?: string[];
  format: Format;
  output?: string;
  timeout?: number;
  failUnder?: number;
  /** `--no-typecheck` sets it false. */
  typecheck: boolean;
  strictTypes: boolean;
}

export async function gradeCommand(options: GradeOptions, context: CommandContext = loadContext()): Promise<number> {
  const exercises = selectExercises(context.course, options.exercise);
  const target = resolveTarget(options.target);
  if (options.output !== undefined) checkWritable(options.output);

  const [report] = await gradeTargets(context.kit, [{ ...target, exercises }], {
    ...(options.timeout !== undefined ? { timeoutSeconds: options.timeout } : {}),
    typecheck: options.typecheck || options.strictTypes,
    strictTypes: options.strictTypes,
  });
  const color = options.format === 'text' && options.output === undefined && useColor();
  writeReport(renderReport(report!, options.format, { color }), options.output);

  if (options.failUnder !== undefined) {
    const percent = report!.maxScore > 0 ? (report!.score / report!.maxScore) * 100 : 0;
    if (percent < options.failUnder) {
      throw new CheckFailed(`The total is ${percent.toFixed(1)}%, below --fail-under ${options.failUnder}%.`);
    }
  }
  return 0;
}
