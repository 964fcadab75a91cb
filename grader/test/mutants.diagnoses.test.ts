/**
 * "This looks like a known mistake", end to end on the kit itself: every known-wrong
 * implementation (grader/mutants/), applied to its solution and graded as a student's file, is
 * diagnosed as itself; two mistakes are both found; correct work (the solutions, the
 * alternatives) and the stubs are never diagnosed. Reads the mutants' own files, so a mutant
 * added later is covered, and fails until `npm run signatures` has recorded it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sourceFileOf, type Exercise } from '../src/course';
import { gradeTargets, type GradeTarget } from '../src/engine/grade';
import { locateKit } from '../src/kit';
import { applyEdits, loadMutantsFile, mutantsFileOf, type LoadedMutant } from '../src/mutants';
import type { Diagnosis } from '../src/report/diagnose';
import type { GradeReport } from '../src/report/report';
import { loadContext } from '../src/commands/context';

jest.setTimeout(240_000);

const { kit, course } = loadContext(locateKit());
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'diagnoses-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const exerciseById = (id: string): Exercise => course.exercises.find((e) => e.id === id)!;
const mutantsOf = (exercise: Exercise): LoadedMutant[] => {
  const loaded = loadMutantsFile(mutantsFileOf(kit.mutantsDir, exercise.id));
  if (!loaded.ok) throw new Error(`grader/mutants/${exercise.id}.ts: ${loaded.problem}`);
  return loaded.mutants;
};
const mutantNamed = (id: string, name: string): LoadedMutant => mutantsOf(exerciseById(id)).find((m) => m.name === name)!;
const solutionOf = (exercise: Exercise): string => fs.readFileSync(path.join(kit.solutionsDir, sourceFileOf(exercise)), 'utf8');

/** A student's folder holding, for each exercise given, the solution with these mutants' edits. */
function studentWith(name: string, files: Array<{ id: string; mutants: string[] }>): GradeTarget {
  const dir = path.join(scratch, name);
  const exercises = files.map(({ id, mutants }) => {
    const exercise = exerciseById(id);
    const edits = mutants.flatMap((m) => mutantNamed(id, m).edits);
    const { text, problems } = applyEdits(solutionOf(exercise), edits);
    if (problems.length > 0) throw new Error(`${name}: the edits of ${mutants.join(' and ')} do not fit together`);
    fs.mkdirSync(path.join(dir, id), { recursive: true });
    fs.writeFileSync(path.join(dir, sourceFileOf(exercise)), text);
    return exercise;
  });
  return { label: name, dir, exercises };
}

const every = course.exercises.flatMap((exercise) => mutantsOf(exercise).map((mutant) => ({ exercise, mutant })));
/** Two mistakes in one exercise, whose edits fit together and which leave some tests passing. */
const pairs = [
  { id: '05-summer', mutants: ['falsy-check', 'ignores-start'] },
  { id: '09-return-value', mutants: ['zero-taken-as-stop', 'stop-iteration-without-name'] },
  { id: '13-scheduler', mutants: ['kill-without-finally', 'no-deadlock-check'] },
];

const targets: GradeTarget[] = [
  ...every.map(({ exercise, mutant }) => studentWith(`${exercise.id}-${mutant.name}`, [{ id: exercise.id, mutants: [mutant.name] }])),
  studentWith('two-exercises', [
    { id: '05-summer', mutants: ['falsy-check'] },
    { id: '12-pipeline', mutants: ['grep-uses-regex'] },
  ]),
  ...pairs.map((pair) => studentWith(`pair-${pair.id}`, [pair])),
  { label: 'solutions', dir: kit.solutionsDir, exercises: course.exercises },
  { label: 'exercises', dir: kit.exercisesDir, exercises: course.exercises },
  ...course.exercises.flatMap((exercise) => {
    const folder = path.join(kit.alternativesDir, exercise.id);
    const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.ts')) : [];
    return files.map((file) => {
      const dir = path.join(scratch, 'alternatives', exercise.id, file);
      fs.mkdirSync(path.join(dir, exercise.id), { recursive: true });
      fs.copyFileSync(path.join(folder, file), path.join(dir, sourceFileOf(exercise)));
      return { label: `alternative ${exercise.id}/${file}`, dir, exercises: [exercise] };
    });
  }),
];

let reports: Map<string, GradeReport>;
beforeAll(async () => {
  const graded = await gradeTargets(kit, targets);
  reports = new Map(graded.map((report, i) => [targets[i]!.label, report]));
});

const diagnosesOf = (label: string, id: string): Diagnosis[] | undefined => reports.get(label)!.exercises.find((e) => e.id === id)!.diagnoses;

test('every known mistake, graded as a student\'s work, is diagnosed as itself, exactly and alone', () => {
  expect(every.length).toBeGreaterThanOrEqual(course.exercises.length * 3);
  const wrong = every.flatMap(({ exercise, mutant }) => {
    const got = diagnosesOf(`${exercise.id}-${mutant.name}`, exercise.id);
    const expected: Diagnosis[] = [{ mistake: mutant.violates, explanation: mutant.explanation!, match: 'exact' }];
    return JSON.stringify(got) === JSON.stringify(expected) ? [] : [`${exercise.id}#${mutant.name}: ${JSON.stringify(got?.map((d) => `${d.match}: ${d.mistake}`))}`];
  });
  // A mutant missing here was added or changed after the signatures were recorded: npm run signatures.
  expect(wrong).toEqual([]);
});

test('two mistakes in two exercises are both diagnosed', () => {
  expect(diagnosesOf('two-exercises', '05-summer')).toEqual([expect.objectContaining({ mistake: mutantNamed('05-summer', 'falsy-check').violates, match: 'exact' })]);
  expect(diagnosesOf('two-exercises', '12-pipeline')).toEqual([expect.objectContaining({ mistake: mutantNamed('12-pipeline', 'grep-uses-regex').violates, match: 'exact' })]);
});

test.each(pairs)('two mistakes in one exercise ($id) give at least one "contains" among them', ({ id, mutants }) => {
  const result = reports.get(`pair-${id}`)!.exercises[0]!;
  expect(result.status).toBe('partial');
  const rules = mutants.map((name) => mutantNamed(id, name).violates);
  const contained = (result.diagnoses ?? []).filter((d) => d.match === 'contains');
  expect(contained.length).toBeGreaterThanOrEqual(1);
  expect(contained.filter((d) => rules.includes(d.mistake)).length).toBeGreaterThanOrEqual(1);
});

test('the solutions, the alternatives and the stubs are never diagnosed', () => {
  const diagnosed = [...reports].flatMap(([label, report]) =>
    label === 'solutions' || label === 'exercises' || label.startsWith('alternative ')
      ? report.exercises.filter((e) => e.diagnoses !== undefined).map((e) => `${label} ${e.id}`)
      : [],
  );
  expect(reports.get('solutions')!.exercises.every((e) => e.status === 'passed')).toBe(true);
  expect(reports.get('exercises')!.exercises.every((e) => e.status === 'failed')).toBe(true);
  expect([...reports.keys()].filter((l) => l.startsWith('alternative ')).length).toBeGreaterThanOrEqual(course.exercises.length);
  expect(diagnosed).toEqual([]);
});
