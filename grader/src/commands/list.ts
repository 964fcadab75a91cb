/**
 * `list`: the exercises in the course's recommended order, their points, their status on the
 * target, and what to do next (the first one on that path not yet passed); with each one's
 * difficulty, estimated time and the earlier exercises it builds on, when the course gives them;
 * titles in the student's language where the course has them in it (`titleKo`).
 */
import pc from 'picocolors';
import { inRecommendedOrder, numberOf, type Exercise } from '../course';
import { gradeTargets } from '../engine/grade';
import { useColor } from '../output';
import { stars, totalTime } from './readme';
import { loadContext, resolveTarget, type CommandContext } from './context';
import { defaultLang, type Lang } from './hint';

export interface ListOptions {
  target: string;
  status: boolean;
  /** The titles' language; by default the student's, as for hints. */
  lang?: Lang;
}

export async function listCommand(options: ListOptions, context: CommandContext = loadContext()): Promise<number> {
  const colors = pc.createColors(useColor());
  const lang = options.lang ?? defaultLang();
  const { course } = context;
  const statuses = new Map<string, string>();
  const path = inRecommendedOrder(course.exercises, course);
  let next: string | undefined;
  // A handout cannot grade, so it has no status to show.
  if (options.status && !course.handout) {
    const target = resolveTarget(options.target);
    const [report] = await gradeTargets(context.kit, [{ ...target, exercises: course.exercises }]);
    for (const result of report!.exercises) {
      statuses.set(result.id, `${result.score}/${result.maxScore} ${result.status}`);
    }
    const passed = new Set(report!.exercises.filter((e) => e.status === 'passed').map((e) => e.id));
    next = path.find((e) => !passed.has(e.id))?.id;
  }
  const idWidth = Math.max(...course.exercises.map((e) => e.id.length));
  const guided = course.exercises.every((e) => e.difficulty !== undefined);
  const lines = [colors.bold(course.title), ...(course.recommendedOrder ? [colors.dim('In the recommended order; name an exercise by its number.')] : []), ''];
  for (const exercise of path) {
    const marker = exercise.id === next ? colors.cyan('→') : ' ';
    const status = statuses.get(exercise.id) ?? `${exercise.points} points`;
    const guide = guided ? `${stars(exercise.difficulty!)} ${`${exercise.minutes} min`.padStart(7)}  ` : '';
    const title = lang === 'ko' && exercise.titleKo ? exercise.titleKo : exercise.title;
    lines.push(`${marker} ${exercise.id.padEnd(idWidth)}  ${status.padEnd(18)} ${guide}${colors.dim(title + buildsOnNote(exercise))}`);
  }
  const total = course.exercises.reduce((sum, e) => sum + e.points, 0);
  const minutes = course.exercises.reduce((sum, e) => sum + (e.minutes ?? 0), 0);
  const time = guided ? `, ${totalTime(minutes)} of work` : '';
  lines.push('', `${course.exercises.length} exercises, ${total} points${time}.${next ? ` Next: ${next}.` : ''}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** ` (builds on 07, 08)`: by number, which is how students name exercises to the grader. */
function buildsOnNote(exercise: Exercise): string {
  const before = exercise.buildsOn ?? [];
  return before.length ? ` (builds on ${before.map((id) => numberOf({ id })).join(', ')})` : '';
}
