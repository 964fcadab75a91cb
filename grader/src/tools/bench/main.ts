/**
 * `npm run bench` (`coroutine-grader bench`): the kit's performance figures, each beside its
 * target. It reports, it does not gate: a missed target still exits 0. It exits 1 only when it
 * could not measure correctly, for instance when a measured grade did not run every spec (a
 * grade that skips work is fast for a wrong reason) or a batch report differs from grading the
 * same submission alone. Its flags are parsed by the grader's command line (../../cli.ts), and
 * its errors go through the grader's one exit point (../../index.ts).
 *
 * The machine it runs on is shared and noisy, so every comparison is made side by side in one
 * bench run, contenders taking turns, and the figures are medians over several runs.
 *
 *   warm    a full-course grade vs bare transpile-only Jest and a naive type-checking ts-jest
 *   cold    the same grade vs naive ts-jest, every run from empty caches
 *   batch   `batch` of N generated submissions vs the same N through `grade --submission`,
 *           one after the other (sandbox on, as by default), each report compared test by test;
 *           and the floor under it: the same N in runners kept warm and shared (./shared-floor.ts)
 *   slope   `batch` of classes of several sizes: the cost of one more submission
 *   memory  peak memory of a full grade, summed over the grader's process tree
 *   watch   watch mode: from a save to the new score on screen
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchOptions } from '../../cli';
import { loadCourse, type Course } from '../../course';
import { CheckFailed, UsageError } from '../../errors';
import { locateKit, type Kit } from '../../kit';
import { defaultLanes } from '../../engine/grade';
import { CACHE_DIR_ENV } from '../../protocol/env';
import type { GradeReport } from '../../report/report';
import { makeClass, type SubmissionKind } from '../class-fixtures';
import { readReport, requireAllPassed, requireSubmissionGraded } from './checks';
import { checkBaselineRun, jestArgs, probeTypeChecking, writeBaselineConfig, type Baseline } from './jest-baselines';
import { describeMachine, machineLine, renderMarkdown, renderTable, type Row } from './output';
import { killTree, sampleTreeRss } from './proc';
import { BenchFailure, FaultFound, liveChildren, median, requireSuccess, run, seconds } from './run';
import { snapshotKit } from './snapshot';
import { measureWatch } from './watch-latency';

export const BENCH_SECTIONS = ['warm', 'cold', 'batch', 'slope', 'memory', 'watch'] as const;
type Section = (typeof BENCH_SECTIONS)[number];


const TARGETS = { bare: 0.8, cold: 0.5, batch: 0.15, rssMB: 350, watchMs: 250 };
/** Saves timed in watch mode. */
const WATCH_SAVES = 7;
/** A full grade takes seconds; minutes mean something is stuck. */
const GRADE_TIMEOUT_MS = 10 * 60_000;
const BATCH_TIMEOUT_MS = 60 * 60_000;

function parseSections(only: string | undefined): Set<Section> {
  const sections = new Set<Section>();
  for (const part of (only ?? BENCH_SECTIONS.join(',')).split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    if (!(BENCH_SECTIONS as readonly string[]).includes(part)) throw new UsageError(`--only takes sections among ${BENCH_SECTIONS.join(',')}, got "${part}".`);
    sections.add(part as Section);
  }
  if (sections.size === 0) throw new UsageError(`--only needs at least one section, e.g. --only warm,batch.`);
  return sections;
}

function parseSizes(text: string): number[] {
  const sizes = text.split(',').map((s) => Number(s.trim()));
  if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new UsageError(`--slope takes two or more class sizes, e.g. --slope 10,50,200; got "${text}".`);
  }
  return [...new Set(sizes)].sort((a, b) => a - b);
}

function ratioText(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}

function log(line: string): void {
  process.stdout.write(`  · ${line}\n`);
}

/** KiB as decimal megabytes (10⁶ bytes), the unit of the target. */
function mb(kib: number): string {
  return `${Math.round((kib * 1024) / 1e6)} MB`;
}

/** Each submission graded in `where` (its reports folder) has the same verdicts as graded alone. */
function requireSameVerdicts(alone: Map<string, GradeReport>, reportsDir: string, where: string): void {
  const differences: string[] = [];
  for (const [name, report] of alone) {
    const there = verdicts(readReport(path.join(reportsDir, `${name}.json`), `${where} (${name})`));
    const own = verdicts(report);
    const first = Array.from({ length: Math.max(own.length, there.length) }, (_, i) => i).find((i) => own[i] !== there[i]);
    if (first !== undefined) differences.push(`${name}: alone "${own[first] ?? '(nothing)'}", in ${where} "${there[first] ?? '(nothing)'}"`);
  }
  if (differences.length > 0) throw new FaultFound(`${differences.length} submission(s) graded differently in ${where} than alone: ${differences.slice(0, 3).join('; ')}`);
}

/** Every test's status and every exercise's score, to compare two reports of one submission. */
function verdicts(report: GradeReport): string[] {
  return report.exercises.flatMap((e) => [`${e.id}: ${e.status} ${e.score}/${e.maxScore}`, ...e.tests.map((t) => `${e.id} › ${t.name}: ${t.status}`)]);
}

class Bench {
  readonly rows: Row[] = [];
  readonly notes: string[] = [];
  readonly failures: string[] = [];
  private readonly graderBin: string;
  /** The grader's cache for warm runs: the bench's own, so nothing else running here shares it. */
  private readonly warmCache: string;
  private warmed = false;
  private counter = 0;

  constructor(
    private readonly kit: Kit,
    private readonly course: Course,
    private readonly options: BenchOptions,
    private readonly work: string,
  ) {
    this.graderBin = path.join(kit.rootDir, 'grader', 'bin', 'grader.js');
    this.warmCache = path.join(work, 'grader-cache-warm');
  }

  private fresh(name: string): string {
    return path.join(this.work, `${name}-${++this.counter}`);
  }

  private envWithCache(cacheDir: string): NodeJS.ProcessEnv {
    return { ...process.env, [CACHE_DIR_ENV]: cacheDir };
  }

  private grader(args: string[], cacheDir: string, timeoutMs = GRADE_TIMEOUT_MS): ReturnType<typeof run> {
    return run(process.execPath, [this.graderBin, ...args], { cwd: this.kit.rootDir, env: this.envWithCache(cacheDir), timeoutMs });
  }

  /** One full-course grade of solutions/ (its type check included); it must have run and passed every spec. */
  private async gradeSolutions(cacheDir: string, what: string): Promise<number> {
    const output = `${this.fresh('report')}.json`;
    const result = await this.grader(['grade', '--target', 'solutions', '--format', 'json', '--output', output], cacheDir);
    requireSuccess(result, what);
    requireAllPassed(readReport(output, what), this.course, what);
    fs.rmSync(output, { force: true });
    return result.ms;
  }

  private async baselineRun(baseline: Baseline, config: string, cacheDir: string, what: string): Promise<number> {
    const result = await run(process.execPath, jestArgs(this.kit, config, cacheDir), { cwd: this.kit.rootDir, timeoutMs: GRADE_TIMEOUT_MS });
    checkBaselineRun(result, this.course, `${what} (${baseline})`);
    return result.ms;
  }

  /** The warm grader cache is filled by one unmeasured grade, once for all sections. */
  private async warmGrader(): Promise<void> {
    if (this.warmed) return;
    const ms = await this.gradeSolutions(this.warmCache, 'the warm-up grade');
    log(`grade warm-up (unmeasured): ${seconds(ms)}`);
    this.warmed = true;
  }

  async section(title: string, body: () => Promise<void>): Promise<void> {
    process.stdout.write(`\n== ${title}\n`);
    const started = performance.now();
    try {
      await body();
      log(`section took ${seconds(performance.now() - started)}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const kind = error instanceof FaultFound ? 'FAULT FOUND' : error instanceof BenchFailure ? 'COULD NOT MEASURE' : 'BENCH CRASHED';
      this.failures.push(`${title}: ${message}`);
      process.stdout.write(`\n  !!!! ${kind}: ${message}\n${error instanceof BenchFailure ? '' : `${(error as Error).stack ?? ''}\n`}\n`);
    }
  }

  /** warm: the grader, the bare run and the naive run take turns, run by run. */
  async warmComparison(): Promise<void> {
    const contenders: Array<{ name: string; run: (what: string) => Promise<number> }> = [{ name: 'grade', run: (what) => this.gradeSolutions(this.warmCache, what) }];
    for (const baseline of ['bare', 'naive'] as const) {
      await probeTypeChecking(this.kit, baseline, this.work);
      log(`probe: the ${baseline} config ${baseline === 'naive' ? 'type-checks (a type error fails it)' : 'is transpile-only (a type error passes)'}`);
      const config = writeBaselineConfig(this.kit, this.course, baseline, this.work);
      const cache = path.join(this.work, `jest-cache-${baseline}-warm`);
      contenders.push({ name: baseline, run: (what) => this.baselineRun(baseline, config, cache, what) });
    }
    await this.warmGrader();
    for (const c of contenders.slice(1)) log(`${c.name} warm-up (unmeasured): ${seconds(await c.run(`the ${c.name} warm-up`))}`);

    const times = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
    for (let i = 0; i < this.options.runs; i++) {
      // Turns rotate, so that no contender always runs first (or right after another).
      const order = contenders.map((_, j) => contenders[(i + j) % contenders.length]!);
      const line: string[] = [];
      for (const c of order) {
        const ms = await c.run(`warm run ${i + 1}, ${c.name}`);
        times.get(c.name)!.push(ms);
        line.push(`${c.name} ${seconds(ms)}`);
      }
      log(`warm run ${i + 1}/${this.options.runs}: ${line.join(', ')}`);
    }
    const tests = this.course.exercises.reduce((n, e) => n + e.tests, 0);
    this.notes.push(
      `warm/cold: grade is \`grade --target solutions --format json --output <file>\`, its type check included; bare is \`jest\` over the same ` +
        `${this.course.exercises.length} specs with ts-jest in transpile-only mode (isolatedModules: true), as the grader transpiles; naive is the same ` +
        "with ts-jest's type-checking default (isolatedModules: false, stated explicitly: ts-jest merges its options over the kit's tsconfig.json). " +
        `Every measured run is checked to have run and passed all ${tests} tests.`,
    );
    const grade = median(times.get('grade')!);
    for (const [name, target, label] of [
      ['bare', TARGETS.bare, 'full course, warm: grade vs bare transpile-only Jest'],
      ['naive', undefined, 'full course, warm: grade vs naive type-checking ts-jest'],
    ] as const) {
      const other = median(times.get(name)!);
      const ratio = grade / other;
      log(`${name}: grade/${name} per run: ${times.get('grade')!.map((g, i) => ratioText(g / times.get(name)![i]!)).join(', ')}`);
      this.rows.push({
        measure: label,
        medians: `grade ${seconds(grade)} · ${name} ${seconds(other)}`,
        ratio: ratioText(ratio),
        target: target === undefined ? 'info' : `≤ ${target.toFixed(2)}×`,
        met: target === undefined ? undefined : ratio <= target,
      });
    }
  }

  /** cold: every run of either starts from an empty cache folder of its own. */
  async coldComparison(): Promise<void> {
    const config = writeBaselineConfig(this.kit, this.course, 'naive', this.work);
    const grades: number[] = [];
    const naives: number[] = [];
    for (let i = 0; i < this.options.runs; i++) {
      const gradeCache = this.fresh('grader-cache-cold');
      const naiveCache = this.fresh('jest-cache-naive-cold');
      const steps = [
        async () => grades.push(await this.gradeSolutions(gradeCache, `cold run ${i + 1}, grade`)),
        async () => naives.push(await this.baselineRun('naive', config, naiveCache, `cold run ${i + 1}`)),
      ];
      if (i % 2 === 1) steps.reverse();
      for (const step of steps) await step();
      for (const dir of [gradeCache, naiveCache]) fs.rmSync(dir, { recursive: true, force: true });
      log(`cold run ${i + 1}/${this.options.runs}: grade ${seconds(grades[i]!)}, naive ${seconds(naives[i]!)} (${ratioText(grades[i]! / naives[i]!)})`);
    }
    const ratio = median(grades) / median(naives);
    this.rows.push({
      measure: 'full course, cold caches: grade vs naive type-checking ts-jest',
      medians: `grade ${seconds(median(grades))} · naive ${seconds(median(naives))}`,
      ratio: ratioText(ratio),
      target: `≤ ${TARGETS.cold.toFixed(2)}×`,
      met: ratio <= TARGETS.cold,
    });
  }

  private makeClass(count: number): { dir: string; kinds: Map<string, SubmissionKind> } {
    const dir = this.fresh('class');
    const kinds = makeClass(this.kit, this.course, dir, count);
    const tally = [...kinds.values()].reduce((m, kind) => m.set(kind, (m.get(kind) ?? 0) + 1), new Map<SubmissionKind, number>());
    log(`generated ${count} submissions: ${[...tally].map(([kind, n]) => `${n} ${kind}`).join(', ')}`);
    return { dir, kinds };
  }

  /** One `batch` of the class; every report must be whole. Returns its time and its reports' folder. */
  private async batchOnce(dir: string, kinds: Map<string, SubmissionKind>): Promise<{ ms: number; reports: string }> {
    const out = this.fresh('batch-out');
    const result = await this.grader(['batch', dir, '--out', out, '--no-progress'], this.warmCache, BATCH_TIMEOUT_MS);
    requireSuccess(result, `batch of ${kinds.size}`);
    const reports = path.join(out, 'reports');
    for (const [name, kind] of kinds) requireSubmissionGraded(readReport(path.join(reports, `${name}.json`), `batch (${name})`), this.course, kind, `batch, ${name} (${kind})`);
    return { ms: result.ms, reports };
  }

  /** batch: the same N submissions by `batch`, and one after the other by `grade --submission`. */
  async batchComparison(): Promise<void> {
    const count = this.options.submissions;
    const { dir, kinds } = this.makeClass(count);
    await this.warmGrader();
    const alone = new Map<string, GradeReport>();
    let sequentialMs = 0;
    for (const [name, kind] of kinds) {
      const output = `${this.fresh('submission-report')}.json`;
      const what = `grade --submission ${name} (${kind})`;
      const result = await this.grader(['grade', '--submission', path.join(dir, name), '--format', 'json', '--output', output], this.warmCache);
      requireSuccess(result, what);
      const report = readReport(output, what);
      requireSubmissionGraded(report, this.course, kind, what);
      alone.set(name, report);
      sequentialMs += result.ms;
    }
    log(`${count} sequential grades: ${seconds(sequentialMs)} (${seconds(sequentialMs / count)} each)`);
    const batch = await this.batchOnce(dir, kinds);
    log(`batch of ${count}: ${seconds(batch.ms)} (${seconds(batch.ms / count)} per submission)`);

    requireSameVerdicts(alone, batch.reports, 'the batch');
    log(`every submission's report in the batch equals its report graded alone, test by test`);

    const ratio = batch.ms / sequentialMs;
    this.rows.push({
      measure: `batch of ${count} vs the same ${count} through grade --submission, one after the other (sandbox on)`,
      medians: `batch ${seconds(batch.ms)} · sequential ${seconds(sequentialMs)}`,
      ratio: ratioText(ratio),
      target: `≤ ${TARGETS.batch.toFixed(2)}×`,
      met: ratio <= TARGETS.batch,
    });
    this.notes.push(
      `batch: both sides measured, once each (not extrapolated); the class mixes ${[...new Set(kinds.values())].join(', ')} submissions, ` +
        'and every report of the batch was compared with the same submission graded alone: the same status for every test and exercise.',
    );
    await this.sharedFloor(dir, kinds, alone, sequentialMs);
  }

  /**
   * The floor under the batch: the same class in runners kept warm and shared between
   * submissions, without the sandbox (./shared-floor.ts). The grader never grades student code
   * so; the figure shows what sharing processes could save at most.
   */
  private async sharedFloor(dir: string, kinds: Map<string, SubmissionKind>, alone: Map<string, GradeReport>, sequentialMs: number): Promise<void> {
    const count = kinds.size;
    const lanes = defaultLanes();
    const reports = this.fresh('floor-reports');
    const script = path.join(this.kit.rootDir, 'grader', 'dist', 'tools', 'bench', 'shared-floor.js');
    const result = await run(process.execPath, [script, dir, reports, String(lanes)], {
      cwd: this.kit.rootDir,
      env: this.envWithCache(this.warmCache),
      timeoutMs: BATCH_TIMEOUT_MS,
    });
    requireSuccess(result, `the shared floor of ${count}`);
    for (const [name, kind] of kinds) requireSubmissionGraded(readReport(path.join(reports, `${name}.json`), `shared floor (${name})`), this.course, kind, `shared floor, ${name} (${kind})`);
    requireSameVerdicts(alone, reports, 'the shared runners');
    log(`shared floor of ${count} (${lanes} warm runners, no sandbox): ${seconds(result.ms)} (${seconds(result.ms / count)} per submission)`);
    const ratio = result.ms / sequentialMs;
    this.rows.push({
      measure: `floor: the same ${count} in ${lanes} runners kept warm and shared, no sandbox (refused for student code)`,
      medians: `floor ${seconds(result.ms)} · sequential ${seconds(sequentialMs)}`,
      ratio: ratioText(ratio),
      target: 'info',
      met: undefined,
    });
    this.notes.push(
      'floor: the class graded as the grader never grades student code, every submission in one of a few Node.js processes kept warm ' +
        '(Jest loaded once per process, its realm made ready before each submission comes), with no sandbox and no process of its own: ' +
        'what sharing processes between students could save at most. What it still costs is, above all, running the tests.',
    );
  }

  /** slope: a batch for each class size; the cost of one more submission is the fitted slope. */
  async slope(): Promise<void> {
    const sizes = parseSizes(this.options.slope);
    await this.warmGrader();
    const points: Array<[number, number]> = [];
    for (const size of sizes) {
      const { dir, kinds } = this.makeClass(size);
      const { ms } = await this.batchOnce(dir, kinds);
      points.push([size, ms]);
      log(`batch of ${size}: ${seconds(ms)} (${seconds(ms / size)} per submission)`);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // Least squares over (size, time): the slope is the price of one more submission.
    const n = points.length;
    const meanX = points.reduce((s, [x]) => s + x, 0) / n;
    const meanY = points.reduce((s, [, y]) => s + y, 0) / n;
    const slope = points.reduce((s, [x, y]) => s + (x - meanX) * (y - meanY), 0) / points.reduce((s, [x]) => s + (x - meanX) ** 2, 0);
    const intercept = meanY - slope * meanX;
    for (const [size, ms] of points) {
      this.rows.push({ measure: `batch of ${size} submissions`, medians: `${seconds(ms)} (${seconds(ms / size)} each)`, ratio: '—', target: 'info', met: undefined });
    }
    this.rows.push({
      measure: 'batch: the cost of one more submission (least-squares slope)',
      medians: `${seconds(slope)} per submission, ${seconds(intercept)} fixed`,
      ratio: '—',
      target: 'info',
      met: undefined,
    });
  }

  /** watch mode's save-to-score latency. */
  async watchLatency(): Promise<void> {
    await this.warmGrader();
    const { samplesMs, startupMs, quitProblem } = await measureWatch(this.kit, this.course, {
      workDir: this.work,
      env: this.envWithCache(this.warmCache),
      saves: WATCH_SAVES,
      log,
    });
    log(`watch: first grade of 05 and 06 shown after ${seconds(startupMs)}${quitProblem ? '' : '; exited cleanly on "q"'}`);
    const ms = median(samplesMs);
    this.rows.push({
      measure: `watch: save → new score (05, median of ${samplesMs.length})`,
      medians: `${Math.round(ms)} ms (${samplesMs.map((s) => Math.round(s)).join(', ')})`,
      ratio: '—',
      target: `≤ ${TARGETS.watchMs} ms`,
      met: ms <= TARGETS.watchMs,
    });
    // The figure stands, but a watcher that ignores "q" is a fault the bench must not hide.
    if (quitProblem) throw new FaultFound(quitProblem);
  }

  /** memory: peak of a full grade, the whole process tree summed, sampled every 50 ms. */
  async peakMemory(): Promise<void> {
    await this.warmGrader();
    const treeKiB: number[] = [];
    const treePssKiB: number[] = [];
    let mostProcesses = 0;
    for (let i = 0; i < this.options.runs; i++) {
      const output = `${this.fresh('report')}.json`;
      let sampler: ReturnType<typeof sampleTreeRss> | undefined;
      const what = `memory run ${i + 1}`;
      let result: Awaited<ReturnType<typeof run>>;
      try {
        result = await run(process.execPath, [this.graderBin, 'grade', '--target', 'solutions', '--format', 'json', '--output', output], {
          cwd: this.kit.rootDir,
          env: this.envWithCache(this.warmCache),
          timeoutMs: GRADE_TIMEOUT_MS,
          onSpawn: (child) => (sampler = sampleTreeRss(child.pid!, 50, false)),
        });
      } finally {
        sampler?.stop();
      }
      const peak = sampler!.stop();
      requireSuccess(result, what);
      requireAllPassed(readReport(output, what), this.course, what);
      treeKiB.push(peak.peakKiB);
      treePssKiB.push(peak.peakPssKiB);
      mostProcesses = Math.max(mostProcesses, peak.peakProcesses);
      log(`${what}: tree peak ${mb(peak.peakKiB)} RSS, ${mb(peak.peakPssKiB)} PSS, over ${peak.samples} samples (up to ${peak.peakProcesses} processes)`);
    }
    const tree = median(treeKiB);
    this.rows.push({
      measure: 'peak RSS of a full grade, process tree sum',
      medians: `${mb(tree)} (≤ ${mostProcesses} processes; PSS ${mb(median(treePssKiB))})`,
      ratio: '—',
      target: `≤ ${TARGETS.rssMB} MB`,
      met: (tree * 1024) / 1e6 <= TARGETS.rssMB,
    });
    this.notes.push(
      'memory: the sum of every process\'s VmRSS in the grader\'s tree at the same instant, sampled every 50 ms (a short peak between ' +
        'samples can be missed); RSS counts the pages the processes share (Node.js itself, above all) in each of them, PSS shares them out.',
    );
  }
}

export async function benchCommand(options: BenchOptions): Promise<number> {
  const sections = parseSections(options.only);
  if (sections.has('slope')) parseSizes(options.slope);
  const source = locateKit();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'coroutine-bench-'));
  const kit = options.inPlace ? source : locateKit(snapshotKit(source.rootDir, path.join(work, 'kit')));
  const course = loadCourse(kit.manifestPath);
  const onSignal = (): void => {
    for (const child of liveChildren) if (child.pid !== undefined) killTree(child.pid);
    fs.rmSync(work, { recursive: true, force: true });
    process.stderr.write('\nbench: interrupted; its processes were stopped and its temp folder removed.\n');
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const machine = describeMachine();
  process.stdout.write(
    `Coroutine grader benchmark, ${machine.date}\n` +
      `Machine: ${machineLine(machine)}\n` +
      `Runs per median: ${options.runs}; sections: ${[...sections].join(',')}` +
      `${sections.has('batch') ? `; batch: ${options.submissions} submissions` : ''}${sections.has('slope') ? `; slope: ${options.slope}` : ''}\n` +
      `Kit: ${source.rootDir} (${course.exercises.length} exercises, ${course.exercises.reduce((n, e) => n + e.tests, 0)} tests), ` +
      `${options.inPlace ? 'graded in place' : `graded from a frozen copy of its build in ${kit.rootDir}`}; temp: ${work}\n`,
  );

  const bench = new Bench(kit, course, options, work);
  try {
    if (sections.has('warm')) await bench.section('warm: grade vs bare Jest and naive ts-jest', () => bench.warmComparison());
    if (sections.has('cold')) await bench.section('cold caches: grade vs naive ts-jest', () => bench.coldComparison());
    if (sections.has('batch')) await bench.section(`batch of ${options.submissions} vs the same through grade --submission`, () => bench.batchComparison());
    if (sections.has('slope')) await bench.section(`batch of ${options.slope} submissions`, () => bench.slope());
    if (sections.has('memory')) await bench.section('peak memory of a full grade', () => bench.peakMemory());
    if (sections.has('watch')) await bench.section('watch mode: save → new score', () => bench.watchLatency());
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    fs.rmSync(work, { recursive: true, force: true });
  }

  machine.loadEnd = os.loadavg()[0]!;
  process.stdout.write(`\n== Results (${machine.date})\nMachine: ${machineLine(machine)}\n\n${renderTable(bench.rows)}\n`);
  for (const note of bench.notes) process.stdout.write(`${note}\n`);
  const missed = bench.rows.filter((r) => r.met === false).length;
  process.stdout.write(
    `\n${bench.rows.length === 0 ? 'No figures: nothing was measured.' : missed === 0 ? 'Every target met.' : `${missed} target${missed === 1 ? '' : 's'} missed (reported, not a failure of the bench).`}\n`,
  );
  process.stdout.write(`\n---- Markdown for the README ----\n\n${renderMarkdown(bench.rows, machine, bench.notes)}---- end ----\n`);
  if (bench.failures.length > 0) {
    process.stdout.write(`\n!!!! THE BENCH DID NOT RUN CLEANLY; see above, the figures may be incomplete:\n${bench.failures.map((f) => `!!!! - ${f.split('\n')[0]}`).join('\n')}\n`);
    throw new CheckFailed(`the bench could not measure ${bench.failures.length} section${bench.failures.length === 1 ? '' : 's'} correctly (listed above).`);
  }
  return 0;
}
