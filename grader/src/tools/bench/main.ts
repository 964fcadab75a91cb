/**
 * `npm run bench`: measures the performance claims of the design (DESIGN.md, "Performance")
 * and prints each figure beside its target. It reports, it does not gate: a missed target
 * still exits 0. It exits 1 only when it could not measure correctly, for instance when a
 * measured grade did not run every spec (a grade that skips work is fast for a wrong reason).
 *
 * The machine it runs on is shared and noisy, so every comparison is made side by side in
 * one bench run, contenders taking turns, and the figures are medians over several runs.
 *
 *   (a) full-course grade vs a naive type-checking ts-jest run, warm and cold caches
 *   (b) full-course grade vs a bare transpile-only Jest run (the grader's own overhead)
 *   (c) batch of N generated submissions vs N sequential grades (extrapolated from K samples)
 *   (d) watch mode: from a save to the new score on screen
 *   (e) peak memory of a full grade, summed over the grader's process tree
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCourse, type Course } from '../../course';
import { kindOf, makeClass, submissionName, type SubmissionKind } from '../class-fixtures';
import { locateKit, type Kit } from '../../kit';
import { readReport, requireAllPassed, requireSubmissionGraded } from './checks';
import { checkBaselineRun, jestArgs, probeTypeChecking, writeBaselineConfig, type Baseline } from './jest-baselines';
import { describeMachine, machineLine, renderMarkdown, renderTable, type Row } from './output';
import { killTree, sampleTreeRss } from './proc';
import { BenchFailure, FaultFound, liveChildren, median, requireSuccess, run, seconds } from './run';
import { snapshotKit } from './snapshot';
import { measureWatch } from './watch-latency';

const SECTIONS = ['a', 'b', 'c', 'd', 'e'] as const;
type Section = (typeof SECTIONS)[number];

interface Options {
  runs: number;
  only: Set<Section>;
  submissions: number;
  samples: number;
  /** Grade the kit itself rather than a frozen copy of it. */
  inPlace: boolean;
}

const TARGETS = { warm: 0.6, cold: 0.5, overhead: 1.25, batch: 0.15, watchMs: 500, rssMB: 500 };
/** Saves timed in watch mode (the brief: a median of 5). */
const WATCH_SAVES = 5;
/** A full grade takes seconds; minutes mean something is stuck. */
const GRADE_TIMEOUT_MS = 10 * 60_000;
const BATCH_TIMEOUT_MS = 60 * 60_000;

const USAGE = `Usage: npm run bench -- [--runs N] [--only a,b,c,d,e] [--submissions N] [--samples K]
  --runs N          runs per median (default 3)
  --only LIST       sections to run (default all): a grade vs naive ts-jest, b grade vs bare
                    jest, c batch vs sequential, d watch latency, e peak memory
  --submissions N   generated submissions for c (default 50)
  --samples K       sequential grades sampled for c (default 5)
  --in-place        grade with the kit itself, not a frozen copy of the built kit (the copy
                    keeps a rebuild during the bench from mixing two grader versions)`;

class UsageFault extends Error {}

function positiveInt(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageFault(`${flag} must be a whole number ≥ 1, got "${value}".`);
  return n;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string' },
      only: { type: 'string' },
      submissions: { type: 'string' },
      samples: { type: 'string' },
      'in-place': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const only = new Set<Section>();
  for (const part of (values.only ?? SECTIONS.join(',')).split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    if (!(SECTIONS as readonly string[]).includes(part)) throw new UsageFault(`--only takes letters among ${SECTIONS.join(',')}, got "${part}".`);
    only.add(part as Section);
  }
  if (only.size === 0) throw new UsageFault('--only needs at least one section, e.g. --only a,b.');
  return {
    runs: positiveInt(values.runs, 3, '--runs'),
    only,
    submissions: positiveInt(values.submissions, 50, '--submissions'),
    samples: positiveInt(values.samples, 5, '--samples'),
    inPlace: values['in-place'] ?? false,
  };
}

function ratioText(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}

function log(line: string): void {
  process.stdout.write(`  · ${line}\n`);
}

/**
 * Which generated submissions to grade one by one: round-robin over the kinds, in the order
 * they first appear (correct, partial, stubs, broken, looping), so K = 5 covers every kind.
 */
function pickSamples(count: number, k: number): number[] {
  const byKind = new Map<SubmissionKind, number[]>();
  for (let i = 0; i < count; i++) {
    const kind = kindOf(i, count);
    byKind.set(kind, [...(byKind.get(kind) ?? []), i]);
  }
  const picked: number[] = [];
  for (let round = 0; picked.length < Math.min(k, count); round++) {
    for (const members of byKind.values()) {
      if (round < members.length && picked.length < k) picked.push(members[round]!);
    }
  }
  return picked;
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
    private readonly options: Options,
    private readonly work: string,
  ) {
    this.graderBin = path.join(kit.rootDir, 'grader', 'bin', 'grader.js');
    this.warmCache = path.join(work, 'grader-cache-warm');
  }

  private fresh(name: string): string {
    return path.join(this.work, `${name}-${++this.counter}`);
  }

  private envWithCache(cacheDir: string): NodeJS.ProcessEnv {
    return { ...process.env, COROUTINE_GRADER_CACHE_DIR: cacheDir };
  }

  /** One full-course grade of solutions/; it must have run and passed every spec. */
  private async gradeSolutions(cacheDir: string, what: string): Promise<number> {
    const output = `${this.fresh('report')}.json`;
    const result = await run(process.execPath, [this.graderBin, 'grade', '--target', 'solutions', '--format', 'json', '--output', output], {
      cwd: this.kit.rootDir,
      env: this.envWithCache(cacheDir),
      timeoutMs: GRADE_TIMEOUT_MS,
    });
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

  /** (a) warm and (b): the grader, the naive run and the bare run take turns, run by run. */
  async warmComparison(): Promise<void> {
    const { only, runs } = this.options;
    const contenders: Array<{ name: string; run: (what: string) => Promise<number> }> = [
      { name: 'grade', run: (what) => this.gradeSolutions(this.warmCache, what) },
    ];
    for (const baseline of ['naive', 'bare'] as const) {
      if (!only.has(baseline === 'naive' ? 'a' : 'b')) continue;
      await probeTypeChecking(this.kit, baseline, this.work);
      log(`probe: the ${baseline} config ${baseline === 'naive' ? 'type-checks (a type error fails it)' : 'is transpile-only (a type error passes)'}`);
      const config = writeBaselineConfig(this.kit, this.course, baseline, this.work);
      const cache = path.join(this.work, `jest-cache-${baseline}-warm`);
      contenders.push({ name: baseline, run: (what) => this.baselineRun(baseline, config, cache, what) });
    }
    await this.warmGrader();
    for (const c of contenders.slice(1)) log(`${c.name} warm-up (unmeasured): ${seconds(await c.run(`the ${c.name} warm-up`))}`);

    const times = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
    for (let i = 0; i < runs; i++) {
      // Turns rotate, so that no contender always runs first (or right after another).
      const order = contenders.map((_, j) => contenders[(i + j) % contenders.length]!);
      const line: string[] = [];
      for (const c of order) {
        const ms = await c.run(`warm run ${i + 1}, ${c.name}`);
        times.get(c.name)!.push(ms);
        line.push(`${c.name} ${seconds(ms)}`);
      }
      log(`warm run ${i + 1}/${runs}: ${line.join(', ')}`);
    }
    this.notes.push(
      '(a)/(b): grade is `grade --target solutions --format json --output <file>` (its type check included); ' +
        `naive is \`jest\` over the same ${this.course.exercises.length} specs with ts-jest's defaults, which type-check (isolatedModules: false, stated explicitly ` +
        'because ts-jest merges its options over the kit\'s tsconfig.json, which sets isolatedModules: true); bare is the same with ' +
        'isolatedModules: true, i.e. transpile-only like the grader. ' +
        `Every measured run is checked to have run and passed all ${this.course.exercises.reduce((n, e) => n + e.tests, 0)} tests.`,
    );
    const grade = median(times.get('grade')!);
    for (const [name, letter, target, label] of [
      ['naive', 'a', TARGETS.warm, '(a) full course, warm: grade vs naive ts-jest (type-checking)'],
      ['bare', 'b', TARGETS.overhead, '(b) full course, warm: grade vs bare transpile-only jest'],
    ] as const) {
      if (!only.has(letter)) continue;
      const other = median(times.get(name)!);
      const ratio = grade / other;
      const paired = times.get('grade')!.map((g, i) => ratioText(g / times.get(name)![i]!)).join(', ');
      log(`${name}: grade/${name} per run: ${paired}`);
      this.rows.push({
        measure: label,
        medians: `grade ${seconds(grade)} · ${name} ${seconds(other)}`,
        ratio: ratioText(ratio),
        target: `≤ ${target.toFixed(2)}×`,
        met: ratio <= target,
      });
    }
  }

  /** (a) cold: every run of either starts from an empty cache folder of its own. */
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
      measure: '(a) full course, cold caches: grade vs naive ts-jest',
      medians: `grade ${seconds(median(grades))} · naive ${seconds(median(naives))}`,
      ratio: ratioText(ratio),
      target: `≤ ${TARGETS.cold.toFixed(2)}×`,
      met: ratio <= TARGETS.cold,
    });
  }

  /** (c) one batch run against sequential grades, the latter sampled and extrapolated. */
  async batchComparison(): Promise<void> {
    const { submissions: count, samples: k } = this.options;
    const classDir = this.fresh('class');
    const kinds = makeClass(this.kit, this.course, classDir, count);
    const tally = [...kinds.values()].reduce((m, kind) => m.set(kind, (m.get(kind) ?? 0) + 1), new Map<SubmissionKind, number>());
    log(`generated ${count} submissions: ${[...tally].map(([kind, n]) => `${n} ${kind}`).join(', ')}`);
    await this.warmGrader();

    const perGrade: number[] = [];
    for (const index of pickSamples(count, k)) {
      const name = submissionName(index);
      const kind = kinds.get(name)!;
      const output = `${this.fresh('submission-report')}.json`;
      const what = `sequential grade of ${name} (${kind})`;
      const result = await run(process.execPath, [this.graderBin, 'grade', '--submission', path.join(classDir, name), '--format', 'json', '--output', output], {
        cwd: this.kit.rootDir,
        env: this.envWithCache(this.warmCache),
        timeoutMs: GRADE_TIMEOUT_MS,
      });
      requireSuccess(result, what);
      const report = readReport(output, what);
      requireSubmissionGraded(report, this.course, kind, what);
      perGrade.push(result.ms);
      log(`${what}: ${seconds(result.ms)}, ${report.score}/${report.maxScore}`);
    }

    const out = this.fresh('batch-out');
    const result = await run(process.execPath, [this.graderBin, 'batch', classDir, '--out', out, '--no-progress'], {
      cwd: this.kit.rootDir,
      env: this.envWithCache(this.warmCache),
      timeoutMs: BATCH_TIMEOUT_MS,
    });
    requireSuccess(result, `batch of ${count}`);
    for (const [name, kind] of kinds) {
      requireSubmissionGraded(readReport(path.join(out, 'reports', `${name}.json`), `batch (${name})`), this.course, kind, `batch, ${name} (${kind})`);
    }
    log(`batch of ${count}: ${seconds(result.ms)} (${seconds(result.ms / count)} per submission); every report complete`);

    const sequential = median(perGrade) * count;
    const ratio = result.ms / sequential;
    this.rows.push({
      measure: `(c) batch of ${count} vs ${count} sequential grades*`,
      medians: `batch ${seconds(result.ms)} (1 run) · sequential ≈ ${seconds(sequential)} (${seconds(median(perGrade))} × ${count})`,
      ratio: ratioText(ratio),
      target: `≤ ${TARGETS.batch.toFixed(2)}×`,
      met: ratio <= TARGETS.batch,
    });
    this.notes.push(
      `* (c): the sequential side is extrapolated, not measured: the median time of ${perGrade.length} sampled ` +
        `\`grade --submission\` runs (spread across the kinds of submission) × ${count}. The batch was run once.`,
    );
  }

  /** (d) watch mode's save-to-score latency. */
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
      measure: `(d) watch: save → new score (05, median of ${samplesMs.length})`,
      medians: `${Math.round(ms)} ms (${samplesMs.map((s) => Math.round(s)).join(', ')})`,
      ratio: '—',
      target: `≤ ${TARGETS.watchMs} ms`,
      met: ms <= TARGETS.watchMs,
    });
    // The figure stands, but a watcher that ignores "q" is a fault the bench must not hide.
    if (quitProblem) throw new FaultFound(quitProblem);
  }

  /** (e) peak memory of a full grade: the whole process tree, and GNU time's figure beside it. */
  async peakMemory(): Promise<void> {
    await this.warmGrader();
    const gnuTime = await this.findGnuTime();
    if (!gnuTime) log('GNU time (/usr/bin/time with -f %M) is not available: its figure is skipped; the tree is still sampled.');
    const treeKiB: number[] = [];
    const treePssKiB: number[] = [];
    const singleKiB: number[] = [];
    let mostProcesses = 0;
    for (let i = 0; i < this.options.runs; i++) {
      const output = `${this.fresh('report')}.json`;
      const timeFile = this.fresh('time-m');
      const grade = [this.graderBin, 'grade', '--target', 'solutions', '--format', 'json', '--output', output];
      const [command, args] = gnuTime ? [gnuTime, ['-f', '%M', '-o', timeFile, process.execPath, ...grade]] : [process.execPath, grade];
      let sampler: ReturnType<typeof sampleTreeRss> | undefined;
      const what = `memory run ${i + 1}`;
      let result: Awaited<ReturnType<typeof run>>;
      try {
        result = await run(command, args, {
          cwd: this.kit.rootDir,
          env: this.envWithCache(this.warmCache),
          timeoutMs: GRADE_TIMEOUT_MS,
          // Every 50 ms; /usr/bin/time itself is left out of the sum.
          onSpawn: (child) => (sampler = sampleTreeRss(child.pid!, 50, Boolean(gnuTime))),
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
      let single = '';
      if (gnuTime) {
        const kib = Number(fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop());
        if (!Number.isFinite(kib)) throw new BenchFailure(`GNU time wrote no %M figure: ${fs.readFileSync(timeFile, 'utf8')}`);
        singleKiB.push(kib);
        single = `, largest single process ${mb(kib)}`;
      }
      log(`${what}: tree peak ${mb(peak.peakKiB)} RSS, ${mb(peak.peakPssKiB)} PSS, over ${peak.samples} samples (up to ${peak.peakProcesses} processes)${single}`);
    }
    const tree = median(treeKiB);
    this.rows.push({
      measure: '(e) peak RSS of a full grade, process tree sum',
      medians: `${mb(tree)} (sampled every 50 ms, ≤ ${mostProcesses} processes)`,
      ratio: '—',
      target: `≤ ${TARGETS.rssMB} MB`,
      met: (tree * 1024) / 1e6 <= TARGETS.rssMB,
    });
    if (median(treePssKiB) > 0) {
      this.rows.push({
        measure: '(e) peak PSS of a full grade, process tree sum',
        medians: `${mb(median(treePssKiB))} (shared pages counted once)`,
        ratio: '—',
        target: 'info',
        met: undefined,
      });
    }
    if (gnuTime) {
      this.rows.push({
        measure: '(e) peak RSS, largest single process (GNU time %M)',
        medians: mb(median(singleKiB)),
        ratio: '—',
        target: 'info',
        met: undefined,
      });
      this.notes.push(
        '(e): GNU time\'s %M is the peak of the largest single process among the grader and its children, not their sum; ' +
          'the tree sum adds every process\'s VmRSS at the same instant, sampled every 50 ms (a short peak between samples can be missed). ' +
          'RSS counts the pages the processes share (Node.js itself, above all) in each of them; PSS shares them out.',
      );
    }
  }

  /** GNU time, if /usr/bin/time is it: BSD or busybox time take other flags. */
  private async findGnuTime(): Promise<string | undefined> {
    const candidate = '/usr/bin/time';
    if (!fs.existsSync(candidate)) return undefined;
    const file = this.fresh('time-probe');
    try {
      const result = await run(candidate, ['-f', '%M', '-o', file, process.execPath, '-e', '0'], { cwd: this.work, timeoutMs: 30_000 });
      return result.code === 0 && /^\d+$/.test(fs.readFileSync(file, 'utf8').trim()) ? candidate : undefined;
    } catch {
      return undefined;
    }
  }
}

/** KiB as decimal megabytes (10⁶ bytes), the unit of the target. */
function mb(kib: number): string {
  return `${Math.round((kib * 1024) / 1e6)} MB`;
}

async function main(argv: string[]): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
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
      `Runs per median: ${options.runs}; sections: ${[...options.only].join(',')}` +
      `${options.only.has('c') ? `; batch: ${options.submissions} submissions, ${options.samples} sequential samples` : ''}\n` +
      `Kit: ${source.rootDir} (${course.exercises.length} exercises, ${course.exercises.reduce((n, e) => n + e.tests, 0)} tests), ` +
      `${options.inPlace ? 'graded in place' : `graded from a frozen copy of its build in ${kit.rootDir}`}; temp: ${work}\n`,
  );

  const bench = new Bench(kit, course, options, work);
  try {
    const { only } = options;
    if (only.has('a') || only.has('b')) await bench.section(`(a${only.has('b') ? '/b' : ''}) warm: grade vs ${[only.has('a') && 'naive ts-jest', only.has('b') && 'bare jest'].filter(Boolean).join(' and ')}`, () => bench.warmComparison());
    if (only.has('a')) await bench.section('(a) cold caches: grade vs naive ts-jest', () => bench.coldComparison());
    if (only.has('c')) await bench.section(`(c) batch of ${options.submissions} vs sequential grades`, () => bench.batchComparison());
    if (only.has('d')) await bench.section('(d) watch mode: save → new score', () => bench.watchLatency());
    if (only.has('e')) await bench.section('(e) peak memory of a full grade', () => bench.peakMemory());
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }

  machine.loadEnd = os.loadavg()[0]!;
  process.stdout.write(`\n== Results (${machine.date})\nMachine: ${machineLine(machine)}\n\n${renderTable(bench.rows)}\n`);
  for (const note of bench.notes) process.stdout.write(`${note}\n`);
  const missed = bench.rows.filter((r) => r.met === false).length;
  process.stdout.write(
    `\n${
      bench.rows.length === 0
        ? 'No figures: nothing was measured.'
        : missed === 0
          ? 'Every target met.'
          : `${missed} target${missed === 1 ? '' : 's'} missed (reported, not a failure of the bench).`
    }\n`,
  );
  process.stdout.write(`\n---- Markdown for the README ----\n\n${renderMarkdown(bench.rows, machine, bench.notes)}---- end ----\n`);

  if (bench.failures.length > 0) {
    process.stdout.write(
      `\n!!!! THE BENCH DID NOT RUN CLEANLY (${bench.failures.length} problem${bench.failures.length === 1 ? '' : 's'}); see above, the figures may be incomplete:\n` +
        bench.failures.map((f) => `!!!! - ${f.split('\n')[0]}`).join('\n') +
        '\n',
    );
    return 1;
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: crashed: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
