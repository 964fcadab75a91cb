/**
 * `render <report.json>`: a saved JSON report in another format, without grading again
 * (CI grades once to JSON, then writes annotations or a Markdown summary from it).
 */
import fs from 'node:fs';
import os from 'node:os';
import { UsageError } from '../errors';
import { REPORT_SCHEMA_VERSION, type GradeReport } from '../report/report';
import { checkWritable, useColor } from '../output';
import type { Format, GradescopeVisibility } from '../render/formats';
import { publishReport } from './publish';

export interface RenderCommandOptions {
  report: string;
  format: Format;
  output?: string;
  visibility: GradescopeVisibility;
}

function readReport(file: string): GradeReport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`Cannot read the report ${file}: ${(error as Error).message}. Pass a file written by grade --format json.`);
  }
  const report = parsed as Partial<GradeReport>;
  if (report?.schemaVersion !== REPORT_SCHEMA_VERSION || !Array.isArray(report.exercises) || typeof report.score !== 'number') {
    throw new UsageError(`${file} is not a grade report of schema version ${REPORT_SCHEMA_VERSION}. Pass a file written by grade --format json.`);
  }
  // Every renderer shares points by test; a report from before tests carried them cannot be rendered faithfully.
  const old = report.exercises.some((e) => e.tests?.some((t) => typeof t.points !== 'number' || typeof t.maxPoints !== 'number'));
  if (old) throw new UsageError(`${file} was written by an older grader, without points per test. Grade again to render it.`);
  return report as GradeReport;
}

export function renderCommand(options: RenderCommandOptions): number {
  const report = readReport(options.report);
  if (options.output !== undefined) checkWritable(options.output);
  const color = options.format === 'text' && options.output === undefined && useColor();
  const mtime = fs.statSync(options.report).mtime;
  publishReport(report, options.format, { color, timestamp: mtime, hostname: os.hostname(), visibility: options.visibility, executionTimeSeconds: 0 }, options.output);
  return 0;
}
