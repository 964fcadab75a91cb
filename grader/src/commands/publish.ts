/**
 * The one way a report leaves the grader, for `grade` and `render` alike: the chosen format to
 * stdout or `--output` (written whole or not at all), and what the format also leaves for GitHub
 * Actions (../render/index.ts, `sideOutputs`). A file that cannot be written is a usage error
 * (exit 2) naming it, wherever it came from.
 */
import fs from 'node:fs';
import { UsageError } from '../errors';
import { writeReport } from '../output';
import { renderReport, sideOutputs, type Format, type RenderOptions } from '../render';
import type { GradeReport } from '../report/report';

export function publishReport(report: GradeReport, format: Format, options: RenderOptions, output: string | undefined, env: NodeJS.ProcessEnv = process.env): void {
  writeReport(renderReport(report, format, options), output);
  for (const side of sideOutputs(report, format, env)) {
    try {
      fs.appendFileSync(side.file, side.text);
    } catch (error) {
      throw new UsageError(`Cannot append to ${side.file} ($${side.variable}): ${(error as Error).message}. Check the variable or drop --format ${format}.`);
    }
  }
}
