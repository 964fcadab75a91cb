/**
 * The Jest environment of a grading run: Node's, plus what the grader needs from inside the
 * test realm. It reports each exercise and test live (../protocol/events.ts), holds each
 * exercise to its time budget, replaces whatever student code throws with a safe description
 * (../protocol/thrown.ts), locks the realm's built-ins before student code runs (./realm-lock.ts), and
 * clears the timers an exercise leaves behind so that they cannot fire in the next one.
 */
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import type { Circus } from '@jest/types';
import NodeEnvironment from 'jest-environment-node';
import { COURSE_PLAN_KEY } from '../protocol/env';
import { emit } from '../protocol/events';
import { BUDGET_ERROR, failureOf, NOT_RUN_AFTER_TIMEOUT, secondsText, SKIPPED_BY_SPEC, type RawTestResult } from '../protocol/failures';
import { pairKey, pairOfLabel, testName, type PairRef } from '../protocol/names';
import type { PairPlan } from '../protocol/plan';
import { pairsOfRun } from './current-run';
import { lockDown } from './realm-lock';
import { describeThrown } from '../protocol/thrown';

const ROOT_BLOCK = 'ROOT_DESCRIBE_BLOCK';
/** Jest's message for a test or hook that outlived its timeout. */
const JEST_TIMEOUT = /^Exceeded timeout of \d+ ms/;

type Timer = ReturnType<typeof setTimeout> | ReturnType<typeof setImmediate>;

/** This realm's own, whatever the test realm's globals become. */
const realSetImmediate = setImmediate;

interface RunningPair {
  plan: PairPlan;
  startedAt: number;
  /** Set once the exercise has run out of time: its remaining tests are skipped. */
  timedOut?: string;
  timers: Set<Timer>;
}

function titlesOf(test: Circus.TestEntry): string[] {
  const titles = [test.name];
  for (let block: Circus.DescribeBlock | undefined = test.parent; block; block = block.parent) {
    if (block.name !== ROOT_BLOCK) titles.unshift(block.name);
  }
  return titles;
}

function eachTest(block: Circus.DescribeBlock, visit: (test: Circus.TestEntry) => void): void {
  for (const child of block.children) {
    if (child.type === 'test') visit(child);
    else eachTest(child, visit);
  }
}

function testsUnder(block: Circus.DescribeBlock): string[] {
  const names: string[] = [];
  eachTest(block, (test) => names.push(testName(titlesOf(test))));
  return names;
}

/** The realm lock's own getters (see ./realm-lock.ts), which describing a thrown value may read through. */
const lockGetters = new WeakSet<object>();

/** A plain error of this realm standing for whatever was thrown (see ../protocol/thrown.ts). */
function safeErrorOf(value: unknown): Error {
  const safe = describeThrown(value, lockGetters);
  const error = new Error(safe.message);
  error.name = safe.name;
  error.stack = safe.stack ?? `${safe.name}: ${safe.message}`;
  return error;
}

/** Circus keeps a test's errors as values or [error, asyncError] pairs; each value is made safe. */
function sanitize(errors: Circus.TestEntry['errors']): void {
  errors.forEach((entry, i) => {
    errors[i] = (Array.isArray(entry) ? [safeErrorOf(entry[0]), entry[1]] : safeErrorOf(entry)) as typeof entry;
  });
}

type TestFn = (this: unknown, ...args: unknown[]) => unknown;

/**
 * A test or hook function whose failures reach Jest already made safe: Jest's own handlers look
 * at a failure (its `stack`, its `message`) before any environment handler can, so the thrown
 * value must never reach them. Same `length`, as Jest reads it to tell a `done` callback.
 */
function safeguarded(fn: TestFn): TestFn {
  const wrapped = function (this: unknown, ...args: unknown[]): unknown {
    let returned: unknown;
    try {
      returned = fn.apply(this, args);
    } catch (error) {
      throw safeErrorOf(error);
    }
    // The spec's own promise (of the test realm, so `instanceof` would not know it).
    const promise = returned as PromiseLike<unknown> | undefined;
    if (typeof promise?.then === 'function') {
      return promise.then(undefined, (error: unknown) => {
        throw safeErrorOf(error);
      });
    }
    return returned;
  };
  Object.defineProperty(wrapped, 'length', { value: fn.length });
  return wrapped;
}

function rawFirstError(test: Circus.TestEntry): unknown {
  const entry: unknown = test.errors[0];
  return Array.isArray(entry) ? (entry[0] as unknown) : entry;
}

/** After `sanitize`, every error is a plain one. */
function firstError(test: Circus.TestEntry): Error | undefined {
  return rawFirstError(test) as Error | undefined;
}

function budgetError(message: string): Error {
  const error = new Error(message);
  error.name = BUDGET_ERROR;
  error.stack = `${BUDGET_ERROR}: ${message}`;
  return error;
}

export default class GradingEnvironment extends NodeEnvironment {
  private readonly plans = new Map<string, PairPlan>();
  private running?: RunningPair;
  /** Spec-given timeouts, kept before the budget narrows them. */
  private readonly ownTimeouts = new WeakMap<object, number | null | undefined>();
  /** Test and hook entries whose function is already safeguarded (hooks serve many tests). */
  private readonly guarded = new WeakSet<object>();

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    // Record a student's process.exit before it happens, so the crash can be explained.
    const proc = this.global.process;
    const realExit = proc.exit.bind(proc);
    proc.exit = ((code?: string | number | null) => {
      emit({ type: 'exit-called', code: String(code ?? '') });
      return realExit(code);
    }) as typeof proc.exit;
    this.trackTimers();
  }

  /** Timers made while an exercise runs are its own: they are cleared when it ends. */
  private trackTimers(): void {
    const global = this.global as unknown as Record<string, unknown>;
    const track = <T extends Timer>(timer: T): T => {
      this.running?.timers.add(timer);
      return timer;
    };
    const { setTimeout: realTimeout, setInterval: realInterval, setImmediate: realImmediate } = globalThis;
    global.setTimeout = Object.assign((...args: Parameters<typeof setTimeout>) => track(realTimeout(...args)), { __promisify__: realTimeout.__promisify__ });
    global.setInterval = (...args: Parameters<typeof setInterval>) => track(realInterval(...args));
    global.setImmediate = Object.assign((...args: Parameters<typeof setImmediate>) => track(realImmediate(...args)), {
      __promisify__: realImmediate.__promisify__,
    });
  }

  private clearTimers(pair: RunningPair): void {
    for (const timer of pair.timers) {
      clearTimeout(timer as ReturnType<typeof setTimeout>);
      clearImmediate(timer as ReturnType<typeof setImmediate>);
    }
    pair.timers.clear();
  }

  private guard(entry: { fn?: unknown }): void {
    if (this.guarded.has(entry) || typeof entry.fn !== 'function') return;
    this.guarded.add(entry);
    entry.fn = safeguarded(entry.fn as TestFn);
  }

  /** The exercise budget left, for a test or hook about to run; `test` is the one it serves. */
  private narrowTimeout(entry: { timeout?: number | null }): void {
    const pair = this.running;
    if (!pair) return;
    if (!this.ownTimeouts.has(entry)) this.ownTimeouts.set(entry, entry.timeout);
    const own = this.ownTimeouts.get(entry);
    const left = pair.plan.budgetMs - (Date.now() - pair.startedAt);
    entry.timeout = Math.max(1, Math.min(left, own ?? Infinity));
  }

  private pairOf(test: Circus.TestEntry): PairRef | undefined {
    for (let block: Circus.DescribeBlock | undefined = test.parent; block; block = block.parent) {
      const pair = pairOfLabel(block.name);
      if (pair) return pair;
    }
    return undefined;
  }

  private async onTestDone(test: Circus.TestEntry): Promise<void> {
    const pair = this.pairOf(test);
    if (!pair) return;
    // One turn of the event loop before the test counts as done: code that keeps queueing
    // microtasks never lets it come, so the test stays the running one, and the watchdog stops
    // it at its exercise's budget, naming it, instead of a later exercise whose timers starve.
    await new Promise((resolve) => realSetImmediate(resolve));
    // Jest fails a test that outlives its timeout with a bare string of its own.
    const raw = rawFirstError(test);
    const jestTimeout = typeof raw === 'string' && JEST_TIMEOUT.test(raw);
    sanitize(test.errors);
    const name = testName(titlesOf(test));
    const running = this.running;
    if (jestTimeout && running) {
      const outOfTime = Date.now() - running.startedAt >= running.plan.budgetMs;
      const message = outOfTime
        ? `Stopped after ${secondsText(running.plan.budgetMs)} while running "${name}": it never finished (a promise that never settles, or an await that waits forever?).`
        : `Gave up on "${name}" after its own time limit: it never finished (a promise that never settles?).`;
      if (outOfTime) running.timedOut = message;
      test.errors.splice(0, test.errors.length, budgetError(message));
    }
    const error = firstError(test);
    const result: RawTestResult = error ? { name, ...failureOf(error) } : { name, status: 'passed' };
    emit({ type: 'test-done', pair, test: result });
  }

  /** The plan arrives now, just before the course file loads (see ./current-run.ts). */
  private async receivePlan(): Promise<void> {
    const pairs = await pairsOfRun();
    if (!pairs) throw new Error('This run was abandoned for one with another configuration.');
    for (const plan of pairs) this.plans.set(pairKey(plan), plan);
    // The course file (./course-file.ts) reads which pairs to register from here.
    Object.defineProperty(this.global, COURSE_PLAN_KEY, { value: pairs.map((p) => ({ ...p })), configurable: true });
  }

  async handleTestEvent(event: Circus.Event, state: Circus.State): Promise<void> {
    switch (event.name) {
      case 'setup':
        await this.receivePlan();
        break;
      case 'run_start': {
        // Every spec is loaded and its tests registered; no student code has run yet (specs
        // load the exercise inside their tests).
        const context = this.getVmContext();
        if (context) lockDown(context, this.global, lockGetters);
        const pairs = state.rootDescribeBlock.children.flatMap((block) => {
          const pair = block.type === 'describeBlock' ? pairOfLabel(block.name) : undefined;
          return pair ? [{ pair, tests: testsUnder(block as Circus.DescribeBlock) }] : [];
        });
        emit({ type: 'collected', pairs });
        break;
      }
      case 'run_describe_start': {
        const pair = pairOfLabel(event.describeBlock.name);
        const plan = pair && this.plans.get(pairKey(pair));
        if (plan) {
          this.running = { plan, startedAt: Date.now(), timers: new Set() };
          emit({ type: 'exercise-start', pair: plan, time: this.running.startedAt });
        }
        break;
      }
      case 'run_describe_finish': {
        const pair = pairOfLabel(event.describeBlock.name);
        if (pair && this.running && pairKey(this.running.plan) === pairKey(pair)) {
          this.clearTimers(this.running);
          this.running = undefined;
          emit({ type: 'exercise-done', pair, time: Date.now() });
        }
        break;
      }
      case 'test_start': {
        const running = this.running;
        if (!running || !this.pairOf(event.test)) break;
        if (running.timedOut) {
          event.test.mode = 'skip';
          break;
        }
        const name = testName(titlesOf(event.test));
        if (Date.now() - running.startedAt >= running.plan.budgetMs) {
          // The tests before it used the whole budget between them: this one fails for it.
          running.timedOut = `Stopped after ${secondsText(running.plan.budgetMs)}, before "${name}": the exercise's earlier tests used up its time.`;
          const error = budgetError(running.timedOut);
          event.test.fn = () => {
            throw error;
          };
        }
        this.guard(event.test);
        this.narrowTimeout(event.test);
        emit({ type: 'test-start', pair: running.plan, name, time: Date.now() });
        break;
      }
      case 'hook_start':
        this.guard(event.hook);
        this.narrowTimeout(event.hook);
        break;
      case 'error': {
        // An uncaught exception or rejection, already filed under a test or a promise by Jest:
        // made safe where it was filed, before Jest formats it.
        const safe = safeErrorOf(event.error);
        if (event.promise) state.unhandledRejectionErrorByPromiseTarget.get(event.promise)?.set(event.promise, safe);
        else eachTest(state.rootDescribeBlock, (test) => sanitize(test.errors));
        break;
      }
      case 'test_skip': {
        const pair = this.pairOf(event.test);
        if (pair) {
          const message = this.running?.timedOut ? NOT_RUN_AFTER_TIMEOUT : SKIPPED_BY_SPEC;
          emit({ type: 'test-done', pair, test: { name: testName(titlesOf(event.test)), status: 'not-run', message } });
        }
        break;
      }
      case 'test_done':
        await this.onTestDone(event.test);
        break;
      case 'run_finish':
        // Errors can reach a test after it ended (a timer of its own firing later); Jest formats
        // them all next, so every one is made safe first.
        eachTest(state.rootDescribeBlock, (test) => sanitize(test.errors));
        state.unhandledErrors.splice(0, state.unhandledErrors.length, ...state.unhandledErrors.map(safeErrorOf));
        break;
      default:
        break;
    }
  }
}
