/**
 * `grade --watch`: grade once, then re-grade an exercise each time its file is saved, on a
 * Jest process kept warm, and redraw: the table, the saved exercise's failures, the course's
 * progress and what to do next. `q` or Ctrl-C quits at once, even in the middle of a grade
 * stuck in an endless loop, and gives the terminal back as it was.
 */
import path from 'node:path';
import { watch } from 'chokidar';
import { selectExercises, sourceFileOf, type Exercise } from '../course';
import { gradeTargets } from '../engine/grade';
import { atExit } from '../engine/lifetime';
import { WarmRunner } from '../engine/runner-process';
import { TypeScriptThread } from '../engine/typescript';
import type { TypeError } from '../report/outcome';
import { round2, withTypeErrors, type GradeReport } from '../report/report';
import { useColor } from '../output';
import { renderHandout } from '../render/handout';
import { renderProgress, renderText } from '../render/text';
import { loadContext, resolveTarget, type CommandContext } from './context';
import type { GradeOptions } from './grade';
import { defaultLang } from './hint';

const ENTER_ALT_SCREEN = '\u001b[?1049h';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';
const CLEAR = '\u001b[H\u001b[2J';
const HIDE_CURSOR = '\u001b[?25l';
const SHOW_CURSOR = '\u001b[?25h';
const CTRL_C = '\u0003';

export interface WatchIO {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

export type WatchOptions = Pick<GradeOptions, 'target' | 'exercise' | 'timeout' | 'typecheck' | 'strictTypes'>;

export async function watchCommand(
  options: WatchOptions,
  context: CommandContext = loadContext(),
  io: WatchIO = { stdin: process.stdin, stdout: process.stdout },
): Promise<number> {
  const exercises = selectExercises(context.course, options.exercise);
  const target = resolveTarget(options.target);
  const color = useColor(io.stdout);
  // What a diagnosis says is in the student's language, as their hints are.
  const lang = defaultLang();
  const screen = Boolean(io.stdout.isTTY);
  const warm = new WarmRunner(context.kit.rootDir);
  const thread = new TypeScriptThread();
  // Quitting stops a grade still running (an endless loop, say) rather than waiting it out.
  const stopGrading = new AbortController();
  const settings = { warm, thread, signal: stopGrading.signal, ...(options.timeout !== undefined ? { timeoutSeconds: options.timeout } : {}) };
  const typeErrors = new Map<string, TypeError[]>();
  let report: GradeReport | undefined;
  let status = 'Grading…';
  let focus: string | undefined;

  const draw = (): void => {
    const shown = report ? withTypeErrors(report, [...typeErrors.values()].flat(), options.strictTypes) : undefined;
    const body = !shown
      ? ''
      : context.course.handout
        ? renderHandout(shown, { color })
        : `${renderText(shown, { color, lang, ...(focus ? { focus } : {}), ...(context.course.recommendedOrder ? { order: context.course.recommendedOrder } : {}) })}\n${renderProgress(shown, { color })}\n`;
    const header = `Watching ${target.label}: save an exercise file to grade it again. q quits.\n${status}\n\n`;
    io.stdout.write(`${screen ? CLEAR : '\n'}${header}${body}`);
  };

  const checkTypes = (chosen: Exercise[]): void => {
    if (!options.typecheck) return;
    const files = chosen.map((e) => path.join(target.dir, sourceFileOf(e)));
    void thread.typecheck({ targetDir: target.dir, files, cacheDirectory: context.kit.cacheDirectory }).then((errors) => {
      if (!errors) return;
      for (const e of chosen) typeErrors.set(e.id, errors.filter((x) => x.file.startsWith(`${e.id}/`)));
      draw();
    });
  };

  // Saves are graded one at a time; a save during a grade is graded right after it.
  const pending = new Set<Exercise>();
  let grading: Promise<void> | undefined;
  const regrade = async (): Promise<void> => {
    while (pending.size > 0) {
      const chosen = [...pending];
      pending.clear();
      const started = Date.now();
      const [fresh] = await gradeTargets(context.kit, [{ ...target, exercises: chosen }], settings);
      const before = report!;
      const merged = before.exercises.map((old) => fresh!.exercises.find((n) => n.id === old.id) ?? old);
      report = { ...before, exercises: merged, score: round2(merged.reduce((sum, e) => sum + e.score, 0)) };
      focus = chosen[chosen.length - 1]!.id;
      const changes = chosen.map((e) => {
        const now = merged.find((r) => r.id === e.id)!;
        const was = before.exercises.find((r) => r.id === e.id)!;
        return `${e.id}: ${now.score}/${now.maxScore} ${now.status} (was ${was.score})`;
      });
      status = `[${new Date().toLocaleTimeString()}] ${changes.join('; ')} · graded in ${((Date.now() - started) / 1000).toFixed(1)} s`;
      draw();
      checkTypes(chosen);
    }
  };

  const giveTerminalBack = (): void => {
    if (io.stdin.isTTY) io.stdin.setRawMode(false);
    if (screen) io.stdout.write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
  };
  if (screen) io.stdout.write(ENTER_ALT_SCREEN + HIDE_CURSOR);
  // Ended by a signal (`kill`, a closed window), the grader still leaves the terminal usable.
  const forgetTerminal = atExit(giveTerminalBack);
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const watcher = watch(target.dir, { ignoreInitial: true, ignored: (file) => file.includes('node_modules') });
  let quitting = false;
  const quit = async (): Promise<void> => {
    if (quitting) return;
    quitting = true;
    io.stdin.off('data', onKey);
    io.stdin.pause();
    // A paused stdin that is a pipe still keeps Node running; let go of it.
    (io.stdin as { unref?: () => void }).unref?.();
    stopGrading.abort();
    try {
      await Promise.all([watcher.close(), warm.close(), thread.close()]);
    } finally {
      forgetTerminal();
      giveTerminalBack();
      finish();
    }
  };
  let quitFailed: unknown;
  const onKey = (data: Buffer): void => {
    const key = data.toString('utf8');
    if (key === 'q' || key === 'Q' || key === CTRL_C) quit().catch((error: unknown) => (quitFailed = error));
  };
  if (io.stdin.isTTY) io.stdin.setRawMode(true);
  io.stdin.on('data', onKey);
  io.stdin.resume();

  try {
    draw();
    [report] = await gradeTargets(context.kit, [{ ...target, exercises }], settings);
    status = `[${new Date().toLocaleTimeString()}] graded ${exercises.length} exercise${exercises.length === 1 ? '' : 's'}`;
    draw();
    checkTypes(exercises);
    const byFile = new Map(exercises.map((e) => [path.join(target.dir, sourceFileOf(e)), e]));
    const onFile = (file: string): void => {
      const exercise = byFile.get(path.resolve(file));
      if (!exercise) return;
      pending.add(exercise);
      grading ??= regrade()
        .catch((error: unknown) => {
          // A grade cut short by quitting is no failure; any other is shown, and watching goes on.
          if (quitting) return;
          status = `Could not grade: ${error instanceof Error ? error.message : String(error)}`;
          draw();
        })
        .finally(() => (grading = undefined));
    };
    watcher.on('change', onFile).on('add', onFile);
    await finished;
  } catch (error) {
    // Quitting stops a grade still running: that grade's error is moot.
    if (!quitting) {
      await quit();
      throw error;
    }
    await finished;
  }
  // A runner that would not die: the one line of a grader fault, not a quiet exit 0.
  if (quitFailed !== undefined) throw quitFailed;
  return 0;
}
