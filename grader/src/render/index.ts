/** Every output format, rendered from the one report object. */
import type { GradeReport } from '../core/report';
import { renderText } from './text';

export const FORMATS = ['text', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export function renderReport(report: GradeReport, format: Format, options: { color: boolean }): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'text':
      return renderText(report, options);
  }
}
