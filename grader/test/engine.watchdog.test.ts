/**
 * The watchdog's judgement, event by event and verdict by verdict, without a process: what it
 * learns from each event, when it steps in, and how it settles every pair when an attempt ends.
 */
import type { PairJob } from '../src/engine/jobs';
import { applyEvent, newAttempt, settleAttempt, stallOf, type AttemptState, type Limits } from '../src/engine/watchdog';
import type { GradingEvent } from '../src/protocol/events';

const job = (exerciseId: string, budgetMs = 1000, targetIndex = 0): PairJob => ({
  targetIndex,
  targetDir: '/t',
  exerciseId,
  exports: ['x'],
  specFile: `/s/${exerciseId}.spec.ts`,
  budgetMs,
});
const pair = (exercise: string, target = 0) => ({ target: String(target), exercise });
const LIMITS: Limits = { loadingMs: 60_000, finishingMs: 10_000, graceMs: 500 };

/** An attempt over 01 and 02, fed `events`. */
function attempt(events: GradingEvent[], jobs = [job('01-a'), job('02-b')]): AttemptState {
  const state = newAttempt(jobs);
  for (const event of events) applyEvent(state, event);
  return state;
}

const collected: GradingEvent = {
  type: 'collected',
  pairs: [
    { pair: pair('01-a'), tests: ['t1', 't2', 't3'] },
    { pair: pair('02-b'), tests: ['u1', 'u2'] },
  ],
};
const passed = (exercise: string, name: string): GradingEvent => ({ type: 'test-done', pair: pair(exercise), test: { name, status: 'passed' } });
const started = (exercise: string, name: string, time = 1): GradingEvent => ({ type: 'test-start', pair: pair(exercise), name, time });

describe('applyEvent', () => {
  test('follows each pair: its tests, when it started and ended, the test running, the tests done', () => {
    const state = attempt([collected, { type: 'exercise-start', pair: pair('01-a'), time: 100 }, started('01-a', 't1'), passed('01-a', 't1'), started('01-a', 't2')]);
    const a = state.pairs.get('0\u000001-a')!;
    expect(state.collected).toBe(true);
    expect(a).toMatchObject({ tests: ['t1', 't2', 't3'], startedAt: 100, running: 't2' });
    expect([...a.done.keys()]).toEqual(['t1']);
    applyEvent(state, { type: 'exercise-done', pair: pair('01-a'), time: 150 });
    expect(a).toMatchObject({ finishedAt: 150, running: undefined });
  });

  test('ignores events about pairs it was not given', () => {
    const state = attempt([{ type: 'exercise-start', pair: pair('99-z'), time: 1 }, passed('99-z', 'x')]);
    expect([...state.pairs.values()].every((p) => p.startedAt === undefined && p.done.size === 0)).toBe(true);
  });

  test('keeps Jest\'s results, an exit call, a failure to run and the end of the run', () => {
    const state = attempt([
      { type: 'results', pairs: [{ pair: pair('02-b'), tests: [{ name: 'u1', status: 'failed', message: 'no' }] }] },
      { type: 'exit-called', code: '3' },
      { type: 'run-failed', message: 'bad config' },
      { type: 'run-complete' },
    ]);
    expect(state.pairs.get('0\u000002-b')!.results).toEqual([{ name: 'u1', status: 'failed', message: 'no' }]);
    expect(state).toMatchObject({ exitCalled: '3', runFailed: 'bad config', complete: true });
  });
});

describe('stallOf', () => {
  test('loading: only after the loading limit, counted from the start of the process', () => {
    const state = attempt([]);
    expect(stallOf(state, 59_000, 0, LIMITS)).toBeUndefined();
    expect(stallOf(state, 61_000, 0, LIMITS)).toEqual({ kind: 'loading' });
  });

  test('a pair is overdue only past its budget and the grace, counted from its own start', () => {
    const state = attempt([collected, { type: 'exercise-start', pair: pair('01-a'), time: 10_000 }]);
    expect(stallOf(state, 11_400, 0, LIMITS)).toBeUndefined();
    const stall = stallOf(state, 11_600, 0, LIMITS);
    expect(stall).toMatchObject({ kind: 'overdue' });
    expect(stall!.kind === 'overdue' && stall!.pair.job.exerciseId).toBe('01-a');
  });

  test('a pair that finished is never overdue; a run whose pairs all finished must end soon after', () => {
    const state = attempt([
      collected,
      { type: 'exercise-start', pair: pair('01-a'), time: 0 },
      { type: 'exercise-done', pair: pair('01-a'), time: 100 },
      { type: 'exercise-start', pair: pair('02-b'), time: 100 },
      { type: 'exercise-done', pair: pair('02-b'), time: 200 },
    ]);
    expect(stallOf(state, 5_000, 0, LIMITS)).toBeUndefined();
    expect(stallOf(state, 10_300, 0, LIMITS)).toEqual({ kind: 'finishing' });
  });
});

describe('settleAttempt', () => {
  test('a completed run: every pair from Jest\'s results, a load error making its exercise an error', () => {
    const state = attempt([
      collected,
      {
        type: 'results',
        pairs: [
          { pair: pair('01-a'), tests: [{ name: 't1', status: 'passed' }] },
          { pair: pair('02-b'), tests: [{ name: 'u1', status: 'error', message: 'b.ts could not be loaded' }] },
        ],
      },
      { type: 'run-complete' },
    ]);
    const settled = settleAttempt(state, { kind: 'completed' });
    expect(settled.rerun).toEqual([]);
    expect(settled.outcomes.map((o) => [o.exerciseId, o.tests.length, o.problem?.status])).toEqual([
      ['01-a', 1, undefined],
      ['02-b', 1, 'error'],
    ]);
  });

  test('an overdue pair: it keeps what it finished, the running test times out, the rest is not run; the next pair runs again', () => {
    const state = attempt([collected, { type: 'exercise-start', pair: pair('01-a'), time: 0 }, started('01-a', 't1'), passed('01-a', 't1'), started('01-a', 't2')]);
    const stall = stallOf(state, 2_000, 0, LIMITS)!;
    const settled = settleAttempt(state, { kind: 'stopped', stall });
    expect(settled.rerun.map((j) => j.exerciseId)).toEqual(['02-b']);
    const [a] = settled.outcomes;
    expect(a!.problem).toEqual({ status: 'timeout', message: 'Stopped after 1 s while running "t2": it never finished (an endless loop, or a wait for something that never happens).' });
    expect(a!.tests.map((t) => t.status)).toEqual(['passed', 'timeout', 'not-run']);
  });

  test('a death names the pair that was running, with the process.exit it called or the memory it ran out of', () => {
    const events = [collected, { type: 'exercise-start', pair: pair('01-a'), time: 0 } as GradingEvent, started('01-a', 't1')];
    const exited = settleAttempt(attempt([...events, { type: 'exit-called', code: '3' }]), { kind: 'died', how: 'exit code 3', outOfMemory: false, lastWords: '' });
    expect(exited.outcomes[0]!.problem).toEqual({ status: 'error', message: 'process.exit(3) was called while running "t1".' });
    const memory = settleAttempt(attempt(events), { kind: 'died', how: 'signal SIGABRT', outOfMemory: true, lastWords: '' });
    expect(memory.outcomes[0]!.problem!.message).toBe('Ran out of memory while running "t1" (an endless loop that keeps allocating?).');
    const killed = settleAttempt(attempt(events), { kind: 'died', how: 'signal SIGKILL', outOfMemory: false, lastWords: '' });
    expect(killed.outcomes[0]!.problem!.message).toBe('The test process crashed while running "t1" (signal SIGKILL).');
    expect(killed.rerun.map((j) => j.exerciseId)).toEqual(['02-b']);
  });

  test('a pair that finished before a death keeps its live results; the death is not its fault', () => {
    const state = attempt([
      collected,
      { type: 'exercise-start', pair: pair('01-a'), time: 0 },
      passed('01-a', 't1'),
      passed('01-a', 't2'),
      passed('01-a', 't3'),
      { type: 'exercise-done', pair: pair('01-a'), time: 10 },
    ]);
    const settled = settleAttempt(state, { kind: 'died', how: 'signal SIGKILL', outOfMemory: false, lastWords: '' });
    expect(settled.fault).toBeUndefined();
    expect(settled.outcomes).toEqual([{ targetIndex: 0, exerciseId: '01-a', tests: ['t1', 't2', 't3'].map((name) => ({ name, status: 'passed' })), durationMs: 10 }]);
    expect(settled.rerun.map((j) => j.exerciseId)).toEqual(['02-b']);
  });

  test("the grader's own failures are faults, never a student's score", () => {
    expect(settleAttempt(attempt([{ type: 'run-failed', message: 'no environment' }]), { kind: 'completed' }).fault).toMatch(/Jest could not run the specs: no environment/);
    expect(settleAttempt(attempt([]), { kind: 'stopped', stall: { kind: 'loading' } }).fault).toMatch(/took too long to load/);
    // Nothing finished and nobody to blame: another attempt would end the same way.
    expect(settleAttempt(attempt([collected]), { kind: 'died', how: 'exit code 70', outOfMemory: false, lastWords: 'boom' }).fault).toMatch(/before grading anything: boom/);
    // Complete, yet a pair has no results.
    expect(settleAttempt(attempt([collected, { type: 'run-complete' }]), { kind: 'completed' }).fault).toMatch(/without grading 01-a, 02-b/);
  });
});
