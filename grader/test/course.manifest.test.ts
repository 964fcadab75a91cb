import fs from 'node:fs';
import path from 'node:path';
import { inRecommendedOrder, parseCourse, selectExercises } from '../src/course';
import { UsageError } from '../src/errors';
import { KIT_ROOT } from './helpers';

const exercise = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Title of ${id}`,
  points: 5,
  timeoutSeconds: 5,
  tests: 3,
  exports: ['x'],
  ...extra,
});
const manifest = (exercises: unknown[], top: Record<string, unknown> = {}) =>
  JSON.stringify({ formatVersion: 1, title: 'Course', exercises, ...top });
/** The fields a student sees before starting: difficulty, buildsOn, minutes. */
const guide = (extra: Record<string, unknown> = {}) => ({ difficulty: 2, buildsOn: [], minutes: 20, ...extra });
const course = parseCourse(manifest([exercise('01-generator-basics'), exercise('05-summer'), exercise('06-averager')]), 'course.json');

describe('parseCourse', () => {
  test('reads a well-formed manifest', () => {
    expect(course.exercises.map((e) => e.id)).toEqual(['01-generator-basics', '05-summer', '06-averager']);
  });

  test.each([
    ['not JSON', '{', /not valid JSON/],
    ['a wrong format version', manifest([exercise('01-a')], { formatVersion: 2 }), /formatVersion must be 1/],
    ['no exercises', manifest([]), /exercises must be a non-empty list/],
    ['a bad id', manifest([exercise('five')]), /exercises\[0\]\.id must look like "05-summer"/],
    ['zero points', manifest([exercise('01-a', { points: 0 })]), /01-a: points must be a positive number/],
    ['a fractional test count', manifest([exercise('01-a', { tests: 1.5 })]), /01-a: tests must be a whole number/],
    ['no exports', manifest([exercise('01-a', { exports: [] })]), /01-a: exports must be a non-empty list/],
    ['a bad weight', manifest([exercise('01-a', { weights: { t: -1 } })]), /weights must map test names to positive numbers/],
    ['a duplicate slug', manifest([exercise('01-a'), exercise('02-a')]), /"a" names two exercises/],
    ['a difficulty of 4', manifest([exercise('01-a', guide({ difficulty: 4 }))]), /01-a: difficulty must be 1, 2 or 3, found 4/],
    ['a difficulty in words', manifest([exercise('01-a', guide({ difficulty: 'hard' }))]), /01-a: difficulty must be 1, 2 or 3, found "hard"/],
    ['a fractional difficulty', manifest([exercise('01-a', guide({ difficulty: 1.5 }))]), /01-a: difficulty must be 1, 2 or 3/],
    ['zero minutes', manifest([exercise('01-a', guide({ minutes: 0 }))]), /01-a: minutes must be a positive whole number/],
    ['minutes as text', manifest([exercise('01-a', guide({ minutes: '20' }))]), /01-a: minutes must be a positive whole number/],
    ['buildsOn as a string', manifest([exercise('01-a', guide({ buildsOn: '01-a' }))]), /01-a: buildsOn must be a list of exercise ids/],
    ['buildsOn with a number', manifest([exercise('01-a'), exercise('02-b', guide({ buildsOn: [1] }))]), /02-b: buildsOn must be a list of exercise ids/],
    ['buildsOn naming no exercise', manifest([exercise('01-a', guide()), exercise('02-b', guide({ buildsOn: ['01-x'] }))]),
      /02-b: buildsOn names "01-x", which is not an exercise id of this course/],
    ['buildsOn by number, not id', manifest([exercise('01-a', guide()), exercise('02-b', guide({ buildsOn: ['01'] }))]),
      /02-b: buildsOn names "01", which is not an exercise id/],
    ['buildsOn naming a later exercise', manifest([exercise('01-a', guide({ buildsOn: ['02-b'] })), exercise('02-b', guide())]),
      /01-a: buildsOn names "02-b", which does not come before it/],
    ['buildsOn naming itself', manifest([exercise('01-a', guide({ buildsOn: ['01-a'] }))]), /01-a: buildsOn names "01-a", which does not come before it/],
    ['buildsOn naming one twice', manifest([exercise('01-a', guide()), exercise('02-b', guide({ buildsOn: ['01-a', '01-a'] }))]),
      /02-b: buildsOn names "01-a" twice/],
    ['one exercise without the guide the others have', manifest([exercise('01-a', guide()), exercise('02-b', { minutes: 10 })]),
      /02-b: difficulty and buildsOn missing; 01-a has difficulty, buildsOn and minutes, so every exercise needs all three/],
    ['an empty Korean title', manifest([exercise('01-a', { titleKo: ' ' })]), /01-a: titleKo must be a non-empty string/],
    ['a recommended order that is not a list', manifest([exercise('01-a')], { recommendedOrder: '01-a' }),
      /recommendedOrder must be a list of exercise ids/],
    ['a recommended order naming no exercise', manifest([exercise('01-a')], { recommendedOrder: ['01-a', '02-b'] }),
      /recommendedOrder names "02-b", which is not an exercise id of this course/],
    ['a recommended order naming one twice', manifest([exercise('01-a'), exercise('02-b')], { recommendedOrder: ['01-a', '01-a', '02-b'] }),
      /recommendedOrder names "01-a" twice/],
    ['a recommended order that leaves one out', manifest([exercise('01-a'), exercise('02-b'), exercise('03-c')], { recommendedOrder: ['02-b'] }),
      /recommendedOrder leaves out 01-a, 03-c; it must name every exercise once/],
    ['buildsOn naming one that comes later on the recommended path', manifest(
      [exercise('01-a', guide()), exercise('02-b', guide({ buildsOn: ['01-a'] }))], { recommendedOrder: ['02-b', '01-a'] }),
      /02-b: buildsOn names "01-a", which does not come before it in the recommended order/],
  ])('rejects %s with a one-line usage error', (_what, text, pattern) => {
    expect(() => parseCourse(text, 'grader/course.json')).toThrow(UsageError);
    expect(() => parseCourse(text, 'grader/course.json')).toThrow(pattern);
    try {
      parseCourse(text, 'grader/course.json');
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
      expect((error as Error).message).toContain('grader/course.json is malformed');
    }
  });
});

describe('parseCourse: difficulty, buildsOn and minutes', () => {
  test('reads them when every exercise has them', () => {
    const guided = parseCourse(
      manifest([
        exercise('01-a', guide({ difficulty: 1, minutes: 15 })),
        exercise('02-b', guide({ buildsOn: ['01-a'] })),
        exercise('03-c', guide({ difficulty: 3, buildsOn: ['01-a', '02-b'], minutes: 90 })),
      ]),
      'course.json',
    );
    expect(guided.exercises.map(({ id, difficulty, buildsOn, minutes }) => ({ id, difficulty, buildsOn, minutes }))).toEqual([
      { id: '01-a', difficulty: 1, buildsOn: [], minutes: 15 },
      { id: '02-b', difficulty: 2, buildsOn: ['01-a'], minutes: 20 },
      { id: '03-c', difficulty: 3, buildsOn: ['01-a', '02-b'], minutes: 90 },
    ]);
  });

  test('a course may leave all of them out', () => {
    expect(course.exercises[0]).not.toHaveProperty('difficulty');
    expect(course.exercises[0]).not.toHaveProperty('buildsOn');
    expect(course.exercises[0]).not.toHaveProperty('minutes');
  });

  test('the kit\'s own manifest gives every exercise all three', () => {
    const manifestPath = path.join(KIT_ROOT, 'grader', 'course.json');
    const kit = parseCourse(fs.readFileSync(manifestPath, 'utf8'), manifestPath);
    for (const e of kit.exercises) {
      expect({ id: e.id, difficulty: e.difficulty, minutes: e.minutes, buildsOn: Array.isArray(e.buildsOn) }).toEqual({
        id: e.id,
        difficulty: expect.any(Number),
        minutes: expect.any(Number),
        buildsOn: true,
      });
    }
  });
});

describe('parseCourse: the recommended order and Korean titles', () => {
  const ordered = parseCourse(
    manifest(
      [
        exercise('01-a', guide()),
        exercise('02-b', guide({ buildsOn: ['03-c'], titleKo: '비: 두 번째' })),
        exercise('03-c', guide({ buildsOn: ['01-a'] })),
      ],
      { recommendedOrder: ['01-a', '03-c', '02-b'] },
    ),
    'course.json',
  );

  test('keeps the numbers in the manifest and the path beside them; buildsOn may name a higher number that comes earlier on the path', () => {
    expect(ordered.exercises.map((e) => e.id)).toEqual(['01-a', '02-b', '03-c']);
    expect(ordered.recommendedOrder).toEqual(['01-a', '03-c', '02-b']);
    expect(ordered.exercises[1]).toMatchObject({ buildsOn: ['03-c'], titleKo: '비: 두 번째' });
    expect(ordered.exercises[0]).not.toHaveProperty('titleKo');
  });

  test('inRecommendedOrder puts exercises (or anything with their ids) on the path, and ones it does not name at the end', () => {
    expect(inRecommendedOrder(ordered.exercises, ordered).map((e) => e.id)).toEqual(['01-a', '03-c', '02-b']);
    expect(inRecommendedOrder([{ id: '02-b' }, { id: '09-x' }, { id: '01-a' }], ordered).map((e) => e.id)).toEqual(['01-a', '02-b', '09-x']);
    expect(inRecommendedOrder(course.exercises, course).map((e) => e.id)).toEqual(['01-generator-basics', '05-summer', '06-averager']);
    expect(course).not.toHaveProperty('recommendedOrder');
  });

  test('the kit\'s own path: every exercise once, each after what it builds on, with a Korean title', () => {
    const manifestPath = path.join(KIT_ROOT, 'grader', 'course.json');
    const kit = parseCourse(fs.readFileSync(manifestPath, 'utf8'), manifestPath);
    const order = kit.recommendedOrder!;
    expect([...order].sort()).toEqual(kit.exercises.map((e) => e.id));
    for (const e of kit.exercises) {
      for (const dep of e.buildsOn!) expect({ [e.id]: order.indexOf(dep) < order.indexOf(e.id) }).toEqual({ [e.id]: true });
      expect(e.titleKo).toMatch(/[가-힣]/);
    }
    // The two cliffs of review 3: 03 needs throw() and return() (07, 08); 14 eases the way to 13.
    expect(order.indexOf('03-generator-state')).toBeGreaterThan(order.indexOf('08-cleanup'));
    expect(order.indexOf('14-taxi-sim')).toBeLessThan(order.indexOf('13-scheduler'));
  });
});

describe('selectExercises', () => {
  test.each(['05', '5', '05-summer', 'summer', 'SUMMER'])('finds 05-summer by "%s"', (name) => {
    expect(selectExercises(course, [name]).map((e) => e.id)).toEqual(['05-summer']);
  });

  test('keeps the course order and drops repeats', () => {
    expect(selectExercises(course, ['06', 'summer', '05', '1']).map((e) => e.id)).toEqual([
      '01-generator-basics',
      '05-summer',
      '06-averager',
    ]);
  });

  test('accepts comma-separated names', () => {
    expect(selectExercises(course, ['01,06']).map((e) => e.id)).toEqual(['01-generator-basics', '06-averager']);
  });

  test('an empty name is a usage error, not every exercise', () => {
    expect(() => selectExercises(course, [''])).toThrow('--exercise needs an exercise name');
    expect(() => selectExercises(course, [' , '])).toThrow(UsageError);
  });

  test('no names means every exercise', () => {
    expect(selectExercises(course, undefined)).toHaveLength(3);
  });

  test('an unknown name is a usage error that suggests the nearest exercise', () => {
    expect(() => selectExercises(course, ['sumer'])).toThrow(UsageError);
    expect(() => selectExercises(course, ['sumer'])).toThrow('Unknown exercise "sumer". Did you mean "05-summer"?');
    expect(() => selectExercises(course, ['averagr'])).toThrow('Did you mean "06-averager"?');
    expect(() => selectExercises(course, ['42'])).toThrow('Unknown exercise "42"');
  });
});
