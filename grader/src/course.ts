/**
 * The course manifest (`grader/course.json`): the one list of exercises, read into a type
 * and checked, so that a malformed manifest is a clear error rather than a crash later.
 */
import fs from 'node:fs';
import path from 'node:path';
import { closest } from 'fastest-levenshtein';
import { UsageError } from './errors';

export const MANIFEST_FORMAT_VERSION = 1;

export interface Exercise {
  /** `NN-slug`, also the folder name. */
  id: string;
  title: string;
  /** The title in Korean, for README.ko.md's table; the English title stands in where it is absent. */
  titleKo?: string;
  points: number;
  timeoutSeconds: number;
  /** How many tests the exercise's spec must report. */
  tests: number;
  /** Names the exercise file must export. */
  exports: string[];
  /** Optional weights by test name; a test not listed weighs 1. */
  weights?: Record<string, number>;
  /**
   * What a student sees before starting (in `list` and the README's table): how hard it is,
   * which earlier exercises it relies on, and about how long it takes. Optional so that a
   * course may leave them out, but a course that gives them gives all three for every exercise.
   */
  difficulty?: Difficulty;
  /**
   * Ids of exercises whose ideas this one uses; empty when it stands alone. Each comes before
   * it in the course's recommended order.
   */
  buildsOn?: string[];
  /** Estimated minutes for a student, reading included. */
  minutes?: number;
}

export type Difficulty = 1 | 2 | 3;
const GUIDE_FIELDS = ['difficulty', 'buildsOn', 'minutes'] as const;

export interface Course {
  formatVersion: number;
  title: string;
  /** A student handout (see `release`): its specs only check that files load. */
  handout?: boolean;
  exercises: Exercise[];
  /**
   * The order a student is advised to take the exercises in, as ids: every exercise once. The
   * numbers stay (students' work and gradebooks know exercises by them); the order may differ,
   * so that no exercise needs what a later one teaches. `list`, the README tables and the
   * "Next:" of a grade follow it. Absent: the manifest's own order.
   */
  recommendedOrder?: string[];
  /** Where the manifest was read from; the kit's root is two levels up. */
  manifestPath: string;
}

export function slugOf(exercise: Pick<Exercise, 'id'>): string {
  return exercise.id.replace(/^\d+-/, '');
}

export function numberOf(exercise: Pick<Exercise, 'id'>): string {
  return exercise.id.slice(0, exercise.id.indexOf('-'));
}

/** The exercise's source file, relative to a target folder. */
export function sourceFileOf(exercise: Pick<Exercise, 'id'>): string {
  return path.join(exercise.id, `${slugOf(exercise)}.ts`);
}

function fail(manifestPath: string, what: string): never {
  throw new UsageError(`The course manifest ${manifestPath} is malformed: ${what}. Fix it and run again.`);
}

function checkExercise(raw: unknown, index: number, manifestPath: string): Exercise {
  const where = `exercises[${index}]`;
  if (typeof raw !== 'object' || raw === null) fail(manifestPath, `${where} is not an object`);
  const e = raw as Record<string, unknown>;
  if (typeof e.id !== 'string' || !/^\d{2}-[a-z0-9]+(-[a-z0-9]+)*$/.test(e.id)) {
    fail(manifestPath, `${where}.id must look like "05-summer"`);
  }
  const id = e.id;
  if (typeof e.title !== 'string' || e.title.trim() === '') fail(manifestPath, `${id}: title must be a non-empty string`);
  if (e.titleKo !== undefined && (typeof e.titleKo !== 'string' || e.titleKo.trim() === '')) {
    fail(manifestPath, `${id}: titleKo must be a non-empty string (the title in Korean) when given`);
  }
  for (const key of ['points', 'timeoutSeconds'] as const) {
    if (typeof e[key] !== 'number' || !(Number(e[key]) > 0)) fail(manifestPath, `${id}: ${key} must be a positive number`);
  }
  if (typeof e.tests !== 'number' || !Number.isInteger(e.tests) || e.tests < 0) {
    fail(manifestPath, `${id}: tests must be a whole number (how many tests its spec has)`);
  }
  if (!Array.isArray(e.exports) || e.exports.length === 0 || !e.exports.every((x) => typeof x === 'string')) {
    fail(manifestPath, `${id}: exports must be a non-empty list of names`);
  }
  if (e.weights !== undefined) {
    const weights = e.weights as Record<string, unknown>;
    if (typeof weights !== 'object' || weights === null || !Object.values(weights).every((w) => typeof w === 'number' && w > 0)) {
      fail(manifestPath, `${id}: weights must map test names to positive numbers`);
    }
  }
  if (e.difficulty !== undefined && !(e.difficulty === 1 || e.difficulty === 2 || e.difficulty === 3)) {
    fail(manifestPath, `${id}: difficulty must be 1, 2 or 3, found ${JSON.stringify(e.difficulty)}`);
  }
  if (e.minutes !== undefined && (typeof e.minutes !== 'number' || !Number.isInteger(e.minutes) || e.minutes <= 0)) {
    fail(manifestPath, `${id}: minutes must be a positive whole number (the estimated time for a student)`);
  }
  if (e.buildsOn !== undefined && (!Array.isArray(e.buildsOn) || !e.buildsOn.every((x) => typeof x === 'string'))) {
    fail(manifestPath, `${id}: buildsOn must be a list of exercise ids, e.g. ["05-summer"] (or [] for none)`);
  }
  return {
    id,
    title: e.title as string,
    ...(e.titleKo !== undefined ? { titleKo: e.titleKo as string } : {}),
    points: e.points as number,
    timeoutSeconds: e.timeoutSeconds as number,
    tests: e.tests,
    exports: e.exports as string[],
    ...(e.weights ? { weights: e.weights as Record<string, number> } : {}),
    ...(e.difficulty !== undefined ? { difficulty: e.difficulty as Difficulty } : {}),
    ...(e.buildsOn !== undefined ? { buildsOn: e.buildsOn as string[] } : {}),
    ...(e.minutes !== undefined ? { minutes: e.minutes } : {}),
  };
}

/**
 * The recommended order, when the manifest gives one: a list naming every exercise id once.
 * Returned as given, or the manifest's own order when absent.
 */
function checkOrder(raw: unknown, exercises: Exercise[], manifestPath: string): string[] {
  const ids = exercises.map((e) => e.id);
  if (raw === undefined) return ids;
  if (!Array.isArray(raw) || !raw.every((x) => typeof x === 'string')) {
    fail(manifestPath, 'recommendedOrder must be a list of exercise ids, e.g. ["01-generator-basics", "02-two-way-send"]');
  }
  const seen = new Set<string>();
  for (const id of raw as string[]) {
    if (!ids.includes(id)) fail(manifestPath, `recommendedOrder names "${id}", which is not an exercise id of this course`);
    if (seen.has(id)) fail(manifestPath, `recommendedOrder names "${id}" twice`);
    seen.add(id);
  }
  const missing = ids.filter((id) => !seen.has(id));
  if (missing.length > 0) fail(manifestPath, `recommendedOrder leaves out ${missing.join(', ')}; it must name every exercise once`);
  return raw as string[];
}

/**
 * The fields that need the whole course: `buildsOn` names exercises that exist and come
 * earlier in the recommended order (so the course can be done in that order), and the guide
 * is given for all or for none.
 */
function checkGuide(exercises: Exercise[], order: string[], manifestPath: string): void {
  const described = exercises.find((e) => GUIDE_FIELDS.some((key) => e[key] !== undefined));
  if (described) {
    for (const e of exercises) {
      const missing = GUIDE_FIELDS.filter((key) => e[key] === undefined);
      if (missing.length > 0) {
        fail(manifestPath, `${e.id}: ${missing.join(' and ')} missing; ${described.id} has difficulty, buildsOn and minutes, so every exercise needs all three`);
      }
    }
  }
  const position = new Map(order.map((id, i) => [id, i]));
  for (const e of exercises) {
    const i = position.get(e.id)!;
    const seen = new Set<string>();
    for (const dep of e.buildsOn ?? []) {
      const at = position.get(dep);
      if (at === undefined) fail(manifestPath, `${e.id}: buildsOn names "${dep}", which is not an exercise id of this course`);
      if (at >= i) fail(manifestPath, `${e.id}: buildsOn names "${dep}", which does not come before it in the recommended order; list only earlier exercises`);
      if (seen.has(dep)) fail(manifestPath, `${e.id}: buildsOn names "${dep}" twice`);
      seen.add(dep);
    }
  }
}

/** The exercises in the recommended order; any the order does not name (a narrowed course) keep their place at the end. */
export function inRecommendedOrder<E extends Pick<Exercise, 'id'>>(exercises: readonly E[], course: Pick<Course, 'recommendedOrder'>): E[] {
  const order = course.recommendedOrder ?? [];
  const position = new Map(order.map((id, i) => [id, i]));
  const rank = (e: E) => position.get(e.id) ?? order.length + exercises.indexOf(e);
  return [...exercises].sort((a, b) => rank(a) - rank(b));
}

export function parseCourse(text: string, manifestPath: string): Course {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    fail(manifestPath, `it is not valid JSON (${(error as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null) fail(manifestPath, 'the top level must be an object');
  const top = raw as Record<string, unknown>;
  if (top.formatVersion !== MANIFEST_FORMAT_VERSION) {
    fail(manifestPath, `formatVersion must be ${MANIFEST_FORMAT_VERSION}, found ${JSON.stringify(top.formatVersion)}`);
  }
  if (typeof top.title !== 'string') fail(manifestPath, 'title must be a string');
  if (!Array.isArray(top.exercises) || top.exercises.length === 0) fail(manifestPath, 'exercises must be a non-empty list');
  const exercises = top.exercises.map((e, i) => checkExercise(e, i, manifestPath));
  const seen = new Set<string>();
  for (const e of exercises) {
    for (const name of [e.id, numberOf(e), slugOf(e)]) {
      if (seen.has(name)) fail(manifestPath, `"${name}" names two exercises`);
      seen.add(name);
    }
  }
  const order = checkOrder(top.recommendedOrder, exercises, manifestPath);
  checkGuide(exercises, order, manifestPath);
  if (top.handout !== undefined && typeof top.handout !== 'boolean') fail(manifestPath, 'handout must be true or false');
  return {
    formatVersion: MANIFEST_FORMAT_VERSION,
    title: top.title,
    ...(top.handout ? { handout: true } : {}),
    exercises,
    ...(top.recommendedOrder !== undefined ? { recommendedOrder: order } : {}),
    manifestPath,
  };
}

export function loadCourse(manifestPath: string): Course {
  let text: string;
  try {
    text = fs.readFileSync(manifestPath, 'utf8');
  } catch {
    throw new UsageError(`The course manifest ${manifestPath} cannot be read. Run the grader from the kit's folder.`);
  }
  return parseCourse(text, manifestPath);
}

/**
 * Finds exercises by any of their names: `05`, `5`, `05-summer` or `summer`.
 * An unknown name is a usage error that suggests the nearest known one.
 */
export function selectExercises(course: Course, names: string[] | undefined): Exercise[] {
  if (!names || names.length === 0) return course.exercises;
  const byName = new Map<string, Exercise>();
  for (const e of course.exercises) {
    byName.set(e.id, e);
    byName.set(numberOf(e), e);
    byName.set(String(Number(numberOf(e))), e);
    byName.set(slugOf(e), e);
  }
  const wanted = names.flatMap((n) => n.split(',')).map((n) => n.trim().toLowerCase()).filter(Boolean);
  if (wanted.length === 0) throw new UsageError('--exercise needs an exercise name, e.g. --exercise 05 (or 05-summer, or summer).');
  const chosen = new Set<Exercise>();
  for (const name of wanted) {
    const exercise = byName.get(name);
    if (!exercise && /^\d+$/.test(name)) {
      // A number near no other name: suggesting the nearest slug by spelling ("99" → "summer") would mislead.
      const numbers = course.exercises.map(numberOf);
      throw new UsageError(`Unknown exercise "${name}": the exercises are numbered ${numbers[0]} to ${numbers.at(-1)}. Run "list" to see them all.`);
    }
    if (!exercise) {
      const nearest = closest(name, [...byName.keys()].filter((k) => !/^\d+$/.test(k)));
      throw new UsageError(
        `Unknown exercise "${name}". Did you mean "${byName.get(nearest)?.id ?? nearest}"? Run "list" to see them all.`,
      );
    }
    chosen.add(exercise);
  }
  return course.exercises.filter((e) => chosen.has(e));
}
