/**
 * The matching rule of "this looks like a known mistake" (../src/report/diagnose.ts), on made-up
 * exercises and signatures: exact and contained matches, and the grades that are never diagnosed.
 */
import type { Exercise } from '../src/course';
import { MAX_CONTAINED, diagnose, withDiagnoses, type KnownMistake } from '../src/report/diagnose';
import { buildReport, scoreExercise, withTypeErrors, type ExerciseResult, type GradeReport } from '../src/report/report';

const exercise: Exercise = { id: '05-summer', title: 'Summer', points: 6, timeoutSeconds: 5, tests: 6, exports: ['summer'] };
type Status = 'passed' | 'failed' | 'timeout' | 'error' | 'not-run';

/** A result whose test `t<n>` has the n-th status. */
function resultOf(...statuses: Status[]): ExerciseResult {
  return scoreExercise(exercise, { tests: statuses.map((status, i) => ({ name: `t${i + 1}`, status })) }, (m) => m);
}

/** A result that fails exactly the tests named (of t1…t6) and passes the others. */
function failing(...names: string[]): ExerciseResult {
  return resultOf(...[1, 2, 3, 4, 5, 6].map((n): Status => (names.includes(`t${n}`) ? 'failed' : 'passed')));
}

function mistake(name: string, ...failingTests: string[]): KnownMistake {
  return { mutant: name, violates: `the rule ${name} breaks`, explanation: { en: `what ${name} does`, ko: `${name}이 하는 일입니다.` }, failing: failingTests };
}

const known = [mistake('a', 't1'), mistake('b', 't1', 't2'), mistake('c', 't3'), mistake('d', 't4', 't5'), mistake('e', 't1', 't2', 't3')];
const named = (result: ExerciseResult, list = known) => diagnose(result, list).map((d) => `${d.mistake.replace('the rule ', '').replace(' breaks', '')} ${d.match}`);

describe('diagnose', () => {
  test('failing exactly the tests of a known mistake is an exact match, shown alone', () => {
    expect(named(failing('t1', 't2'))).toEqual(['b exact']);
    expect(named(failing('t3'))).toEqual(['c exact']);
  });

  test('a diagnosis carries the rule broken, the explanation in both languages, and the match; never the mutant', () => {
    const [diagnosis] = diagnose(failing('t3'), known);
    expect(diagnosis).toEqual({ mistake: 'the rule c breaks', explanation: { en: 'what c does', ko: 'c이 하는 일입니다.' }, match: 'exact' });
    expect(Object.keys(diagnosis!)).not.toContain('mutant');
  });

  test('failing more than a mistake is "contains", and only the largest mistakes contained are named', () => {
    // t1, t2, t3 and t6 fail: e (t1–t3) contains a and b and so stands for them; c is inside e too.
    expect(named(failing('t1', 't2', 't3', 't6'))).toEqual(['e contains']);
    // t1 and t3 fail (t2 passes): a and c, neither inside the other.
    expect(named(failing('t1', 't3', 't6'))).toEqual(['a contains', 'c contains']);
  });

  test('at most two are named, the ones that explain most failures first', () => {
    const many = [mistake('x', 't1'), mistake('y', 't2', 't3'), mistake('z', 't4'), mistake('w', 't5')];
    expect(MAX_CONTAINED).toBe(2);
    expect(named(failing('t1', 't2', 't3', 't4', 't5'), many)).toEqual(['y contains', 'x contains']);
  });

  test('failures that contain no known mistake get no diagnosis', () => {
    expect(named(failing('t2'))).toEqual([]);
    expect(named(failing('t4', 't6'))).toEqual([]);
  });

  test('no diagnosis when every test fails (a fresh stub contains every mistake), nor when every test passes', () => {
    expect(named(failing('t1', 't2', 't3', 't4', 't5', 't6'))).toEqual([]);
    // Even when a mistake fails every test, the stub is not it.
    expect(named(failing('t1', 't2', 't3', 't4', 't5', 't6'), [mistake('all', 't1', 't2', 't3', 't4', 't5', 't6')])).toEqual([]);
    expect(named(failing())).toEqual([]);
  });

  test('no diagnosis for an exercise that could not load, or that ran out of time', () => {
    const error = scoreExercise(exercise, { tests: [], problem: { status: 'error', message: 'SyntaxError' } }, (m) => m);
    expect(named(error, [mistake('all', 't1', 't2', 't3', 't4', 't5', 't6')])).toEqual([]);
    // t1 passes, t2 loops, the rest never ran: what t3–t6 would do is not known.
    expect(named(resultOf('passed', 'timeout', 'not-run', 'not-run', 'not-run', 'not-run'), [mistake('f', 't2', 't3', 't4', 't5', 't6')])).toEqual([]);
  });
});

describe('withDiagnoses', () => {
  const report = (...results: ExerciseResult[]): GradeReport => ({ ...buildReport([], [], { label: 'x', dir: '/x' }, '/'), exercises: results });

  test('adds diagnoses where there are some, and leaves the other exercises as they were', () => {
    const passed = failing();
    const unmatched = failing('t6');
    const out = withDiagnoses(report(passed, failing('t3'), unmatched), () => known);
    expect(out.exercises[0]).toBe(passed);
    expect(out.exercises[1]!.diagnoses).toEqual([expect.objectContaining({ match: 'exact', mistake: 'the rule c breaks' })]);
    expect(out.exercises[2]).toBe(unmatched);
  });

  test('does not look the table up when no exercise can be diagnosed', () => {
    const knownOf = jest.fn(() => known);
    const graded = report(failing(), failing('t1', 't2', 't3', 't4', 't5', 't6'));
    expect(withDiagnoses(graded, knownOf)).toBe(graded);
    expect(knownOf).not.toHaveBeenCalled();
  });

  test('a type error under --strict-types makes the exercise an error, and its diagnosis goes', () => {
    const diagnosed = withDiagnoses(report({ ...failing('t3'), id: '05-summer' }), () => known);
    expect(diagnosed.exercises[0]!.diagnoses).toHaveLength(1);
    const typeError = { file: '05-summer/summer.ts', line: 1, column: 1, message: 'Type error' };
    expect(withTypeErrors(diagnosed, [typeError], false).exercises[0]!.diagnoses).toHaveLength(1);
    const strict = withTypeErrors(diagnosed, [typeError], true).exercises[0]!;
    expect(strict.status).toBe('error');
    expect(strict).not.toHaveProperty('diagnoses');
  });
});
