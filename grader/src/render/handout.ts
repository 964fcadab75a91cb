/**
 * What `grade` shows in a student handout, where the hidden specs are absent: whether each
 * exercise file loads and exports what the course expects, and its type errors. No points and
 * no "passed": nothing here may read as if the work had been graded.
 */
import pc from 'picocolors';
import type { GradeReport } from '../report/report';

export function renderHandout(report: GradeReport, options: { color: boolean }): string {
  const colors = pc.createColors(options.color);
  const idWidth = Math.max(...report.exercises.map((e) => e.id.length), 8);
  const lines = [
    colors.bold(`Checking ${report.target}`),
    'This is a student handout: the hidden specs are not in this copy, so it cannot score your',
    'work. It checks what it can: that each exercise file loads, exports the names the course',
    'expects, and type-checks. Your instructor grades the exercises with the hidden specs.',
    '',
  ];
  let problems = 0;
  for (const result of report.exercises) {
    const loads = result.status === 'passed';
    const typeErrors = result.typeErrors ?? [];
    if (!loads || typeErrors.length > 0) problems++;
    const verdict = loads ? colors.green('loads, exports ok') : colors.red(result.status === 'timeout' ? 'never finished loading' : 'cannot be used');
    const types = typeErrors.length > 0 ? colors.yellow(`, ${typeErrors.length} type error${typeErrors.length === 1 ? '' : 's'}`) : '';
    lines.push(`  ${result.id.padEnd(idWidth)}  ${verdict}${types}`);
    const why = result.message ?? result.tests.find((t) => t.status !== 'passed')?.message;
    if (!loads && why) lines.push(colors.dim(`      ${why.split('\n')[0]}`));
    for (const error of typeErrors) lines.push(colors.dim(`      ${error.file}:${error.line}:${error.column} ${error.message}`));
  }
  lines.push(
    '',
    problems === 0
      ? 'No problem found by these checks; that says nothing yet about whether the exercises are right.'
      : `${problems} exercise${problems === 1 ? '' : 's'} to look at. Read each exercise's README.md; stuck? npm run hint -- NN`,
  );
  return `${lines.join('\n')}\n`;
}
