/** Every output format, rendered from the one report object. */
import type { Lang } from '../commands/hint';
import type { GradeReport } from '../report/report';
import { classroomStepOutput, renderClassroom } from './classroom';
import { renderGithub } from './github';
import type { Format, GradescopeVisibility } from './formats';
import { renderGradescope } from './gradescope';
import { renderMarkdown } from './markdown';
import { renderPrairielearn } from './prairielearn';
import { renderText } from './text';

export { FORMATS, GRADESCOPE_VISIBILITIES, type Format, type GradescopeVisibility } from './formats';

/** What the formats need besides the report; each format reads only its own. */
export interface RenderOptions {
  /** text */
  color: boolean;
  /**
   * text: the student's language for what a diagnosis says (their locale's, as `hint` takes it).
   * The other formats are read on a platform, in a language the grader cannot know: they carry
   * a diagnosis in English and in Korean (./diagnoses.ts).
   */
  lang?: Lang;
  /** text: the course's recommended order (exercise ids), which its "Next:" follows. */
  order?: readonly string[];
  /** junit: when grading ran, and where. */
  timestamp: Date;
  hostname: string;
  /** gradescope (which takes its execution time from the report's `durationSeconds`) */
  visibility: GradescopeVisibility;
}

/** What a format prints (or writes to --output). For `github`, that is the annotations. */
export function renderReport(report: GradeReport, format: Format, options: RenderOptions): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'text':
      return renderText(report, options);
    case 'junit':
      // The XML writer is the heaviest module the grader has; only this format loads it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      return (require('./junit') as typeof import('./junit')).renderJunit(report, options);
    case 'gradescope':
      return renderGradescope(report, options);
    case 'github':
      return renderGithub(report).annotations;
    case 'markdown':
      return renderMarkdown(report);
    case 'classroom':
      return renderClassroom(report);
    case 'prairielearn':
      return renderPrairielearn(report);
  }
}

/** Text a format also appends to a file GitHub Actions names in the environment. */
export interface SideOutput {
  /** The file, and the variable that named it. */
  file: string;
  variable: 'GITHUB_STEP_SUMMARY' | 'GITHUB_OUTPUT';
  text: string;
}

/**
 * What a format leaves beside its main output on GitHub Actions. Pure; the caller appends.
 * - `github`: the Markdown job summary, in $GITHUB_STEP_SUMMARY;
 * - `classroom`, and `github` too: the `result` step output that GitHub Classroom's reporter
 *   reads (./classroom.ts), in $GITHUB_OUTPUT.
 */
export function sideOutputs(report: GradeReport, format: Format, env: NodeJS.ProcessEnv): SideOutput[] {
  const outputs: SideOutput[] = [];
  if (format === 'github' && env.GITHUB_STEP_SUMMARY) {
    outputs.push({ file: env.GITHUB_STEP_SUMMARY, variable: 'GITHUB_STEP_SUMMARY', text: renderGithub(report).summaryMarkdown });
  }
  if ((format === 'github' || format === 'classroom') && env.GITHUB_OUTPUT) {
    outputs.push({ file: env.GITHUB_OUTPUT, variable: 'GITHUB_OUTPUT', text: classroomStepOutput(report) });
  }
  return outputs;
}
