import { parseCourse, selectExercises } from '../src/course';
import { UsageError } from '../src/errors';

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
