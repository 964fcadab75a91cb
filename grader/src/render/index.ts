/** Every output format, rendered from the one report object. */
import type { GradeReport } from '../report/report';
import { renderGithub } from './github';
import { renderGradescope, type GradescopeVisibility } from './gradescope';
import { renderJunit } from './junit';
import { renderMarkdown } from './markdown';
import { renderText } from './text';

export { GRADESCOPE_VISIBILITIES, type GradescopeVisibility } from './gradescope';

export const FORMATS = ['text', 'json', 'junit', 'gradescope', 'github', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

/** What the formats need besides the report; each format reads only its own. */
export interface RenderOptions {
  /** text */
  color: boolean;
  /** junit: when grading ran, and where. */
  timestamp: Date;
  hostname: string;
  /** gradescope */
  visibility: GradescopeVisibility;
  executionTimeSeconds: number;
}

/** What a format prints (or writes to --output). For `github`, that is the annotations. */
export function renderReport(report: GradeReport, format: Format, options: RenderOptions): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'text':
      return renderText(report, options);
    case 'junit':
      return renderJunit(report, options);
    case 'gradescope':
      return renderGradescope(report, options);
    case 'github':
      return renderGithub(report).annotations;
    case 'markdown':
      return renderMarkdown(report);
  }
}

/**
 * The GitHub job summary to append, and where: only for the `github` format, and only when
 * GitHub Actions names a summary file in $GITHUB_STEP_SUMMARY. Pure; the caller appends.
 */
export function githubStepSummary(
  report: GradeReport,
  format: Format,
  env: NodeJS.ProcessEnv,
): { file: string; markdown: string } | undefined {
  const file = env.GITHUB_STEP_SUMMARY;
  if (format !== 'github' || !file) return undefined;
  return { file, markdown: renderGithub(report).summaryMarkdown };
}
