/** `list`: the exercises, their points, their status on the target, and what to do next. */
import pc from 'picocolors';
import { gradeTargets } from '../engine/grade';
import { useColor } from '../output';
import { loadContext, resolveTarget, type CommandContext } from './context';

export interface ListOptions {
  target: string;
  status: boolean;
}

export async function listCommand(options: ListOptions, context: CommandContext = loadContext()): Promise<number> {
  const colors = pc.createColors(useColor());
  const { course } = context;
  const statuses = new Map<string, string>();
  let next: string | undefined;
  // A handout cannot grade, so it has no status to show.
  if (options.status && !course.handout) {
    const target = resolveTarget(options.target);
    const [report] = await gradeTargets(context.kit, [{ ...target, exercises: course.exercises }]);
    for (const result of report!.exercises) {
      statuses.set(result.id, `${result.score}/${result.maxScore} ${result.status}`);
    }
    next = report!.exercises.find((e) => e.status !== 'passed')?.id;
  }
  const idWidth = Math.max(...course.exercises.map((e) => e.id.length));
  const lines = [colors.bold(course.title), ''];
  for (const exercise of course.exercises) {
    const marker = exercise.id === next ? colors.cyan('→') : ' ';
    const status = statuses.get(exercise.id) ?? `${exercise.points} points`;
    lines.push(`${marker} ${exercise.id.padEnd(idWidth)}  ${status.padEnd(18)} ${colors.dim(exercise.title)}`);
  }
  const total = course.exercises.reduce((sum, e) => sum + e.points, 0);
  lines.push('', `${course.exercises.length} exercises, ${total} points.${next ? ` Next: ${next}.` : ''}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
