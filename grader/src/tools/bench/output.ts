/** The bench's printed results: the machine, the table, and a Markdown section for the README. */
import fs from 'node:fs';
import os from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  node: string;
  os: string;
  date: string;
  /** 1-minute load average at the start and at the end: this machine is shared. */
  loadStart: number;
  loadEnd?: number;
}

export function describeMachine(): Machine {
  let cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: os.cpus() it is
  }
  return {
    cpu,
    cores: os.availableParallelism(),
    memoryGB: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
    loadStart: os.loadavg()[0]!,
  };
}

export function machineLine(m: Machine): string {
  const load = `load average ${m.loadStart.toFixed(2)}${m.loadEnd !== undefined ? ` → ${m.loadEnd.toFixed(2)}` : ''}`;
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGB.toFixed(1)} GiB RAM, Node.js ${m.node}, ${m.os}; ${load}`;
}

export interface Row {
  measure: string;
  /** The medians compared, as text (e.g. "grade 9.1 s · naive 14.2 s"). */
  medians: string;
  /** The ratio as text, or "—" for an absolute measure. */
  ratio: string;
  target: string;
  /** undefined: informational, no target. */
  met: boolean | undefined;
}

function metText(met: boolean | undefined): string {
  return met === undefined ? '—' : met ? 'yes' : 'NO';
}

export function renderTable(rows: Row[]): string {
  const header = ['measure', 'median(s)', 'ratio', 'target', 'met?'];
  const cells = rows.map((r) => [r.measure, r.medians, r.ratio, r.target, metText(r.met)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]): string => c.map((x, i) => x.padEnd(widths[i]!)).join(' │ ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...cells.map(line)].join('\n');
}

export function renderMarkdown(rows: Row[], machine: Machine, notes: string[]): string {
  const escape = (text: string): string => text.replace(/\|/g, '\\|');
  return [
    '## Performance',
    '',
    `Measured by \`npm run bench\` on ${machine.date.slice(0, 10)}: ${machineLine(machine)}.`,
    'Times are medians of several runs, and each ratio compares runs made side by side, in turn,',
    'in the same bench run. The machine is shared and noisy, so figures vary from run to run by',
    'a few tens of per cent; the kit has no timed tests.',
    '',
    '| measure | median(s) | ratio | target | met |',
    '| --- | --- | ---: | ---: | :---: |',
    ...rows.map((r) => `| ${escape(r.measure)} | ${escape(r.medians)} | ${r.ratio} | ${escape(r.target)} | ${metText(r.met)} |`),
    ...(notes.length > 0 ? ['', ...notes.map((n) => `- ${n}`)] : []),
    '',
  ].join('\n');
}
