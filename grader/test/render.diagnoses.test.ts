/**
 * Where each format shows a diagnosis ("This looks like a known mistake: …"): text under the
 * exercise before its failing tests, in the student's language; the formats read on a platform
 * in English and Korean; the JSON report as data its schema describes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import schema from '../schemas/report.schema.json';
import { renderCommand } from '../src/commands/render';
import type { Exercise } from '../src/course';
import type { Diagnosis } from '../src/report/diagnose';
import { round2, scoreExercise, type ExerciseResult, type GradeReport } from '../src/report/report';
import { EXPLANATION_MAX_CHARACTERS } from '../src/commands/verify-mistakes';
import { CLASSROOM_JSON_BUDGET, classroomResult, renderClassroom } from '../src/render/classroom';
import { wrapWords } from '../src/render/diagnoses';
import { renderGithub } from '../src/render/github';
import { renderGradescope } from '../src/render/gradescope';
import { renderMarkdown } from '../src/render/markdown';
import { prairielearnResults, renderPrairielearn } from '../src/render/prairielearn';
import { renderText } from '../src/render/text';
import { worstCaseReport } from './worst-case';

const ZERO: Diagnosis = {
  mistake: 'Zero is added like any other number.',
  explanation: {
    en: 'Your summer takes 0 for a value that is not a number and throws on it; 0 is a number, added like any other, and only a value that is not of type `number` throws `TypeError`.',
    ko: '누적 합계기가 0을 숫자가 아닌 값으로 여기고 예외를 던집니다. 0도 숫자이므로 다른 숫자처럼 더하고, `number` 타입이 아닌 값에만 `TypeError`를 던져야 합니다.',
  },
  match: 'exact',
};
/** An explanation edited by hand into a saved report: markup and a pipe must stay text. */
const ODD: Diagnosis = { mistake: 'Every summer has its own total.', explanation: { en: 'Two <b>summers</b> | share a `total`.', ko: '두 누적 합계기가 `total`을 함께 씁니다.' }, match: 'contains' };

function scored(id: string, statuses: Array<'passed' | 'failed'>, diagnoses: Diagnosis[] = []): ExerciseResult {
  const exercise: Exercise = { id, title: `Title of ${id}`, points: 5, timeoutSeconds: 5, tests: statuses.length, exports: ['x'] };
  const tests = statuses.map((status, i) => ({ name: `t${i + 1}`, status, ...(status === 'failed' ? { message: `why ${i + 1}` } : {}) }));
  const result = scoreExercise(exercise, { tests }, (m) => m);
  return diagnoses.length > 0 ? { ...result, diagnoses } : result;
}

const EXERCISES = [
  scored('01-passed', ['passed', 'passed']),
  scored('05-summer', ['passed', 'failed', 'passed'], [ZERO]),
  scored('06-twice', ['passed', 'failed', 'failed', 'failed'], [ODD, { ...ZERO, match: 'contains' }]),
];
const REPORT: GradeReport = { schemaVersion: 1, target: 'exercises', score: round2(EXERCISES.reduce((s, e) => s + e.score, 0)), maxScore: 15, exercises: EXERCISES };

describe('text', () => {
  const section = (text: string, id: string): string[] => {
    const lines = text.split('\n');
    const start = lines.findIndex((l) => l.startsWith(`${id} `));
    const end = lines.findIndex((l, i) => i > start && l.trim() === '');
    return lines.slice(start, end < 0 ? undefined : end);
  };

  test('under the exercise, before its failing tests, in English by default', () => {
    const lines = section(renderText(REPORT, { color: false }), '05-summer');
    const at = lines.findIndex((l) => l.startsWith('  This looks like a known mistake: Your summer takes 0'));
    expect(at).toBe(1);
    expect(lines.findIndex((l) => l.startsWith('  ✗ t2'))).toBeGreaterThan(at);
    expect(lines.map((l) => l.trim()).join(' ')).toContain(`This looks like a known mistake: ${ZERO.explanation.en}`);
    expect(lines.join('\n')).not.toMatch(/알려진|Zero is added/);
  });

  test('in Korean for a Korean locale, wrapped to the width of a terminal, Hangul counting two columns', () => {
    const lines = section(renderText(REPORT, { color: false, lang: 'ko' }), '05-summer');
    const diagnosis = lines.slice(1, lines.findIndex((l) => l.startsWith('  ✗')));
    expect(diagnosis[0]).toMatch(/^ {2}알려진 실수로 보입니다: 누적 합계기가/);
    expect(diagnosis.length).toBeGreaterThan(1);
    const columns = (line: string) => [...line].reduce((n, c) => n + (/[가-힣]/.test(c) ? 2 : 1), 0);
    for (const line of diagnosis) expect(columns(line)).toBeLessThanOrEqual(100);
    expect(diagnosis.map((l) => l.trim()).join(' ')).toBe(`알려진 실수로 보입니다: ${ZERO.explanation.ko}`);
    expect(lines.join('\n')).not.toContain('This looks like');
  });

  test('"among other things" for a contained mistake; nothing for an exercise without diagnoses', () => {
    const text = renderText(REPORT, { color: false });
    expect(section(text, '06-twice').filter((l) => /known mistake/.test(l))).toEqual([
      '  Among other things, this looks like a known mistake: Two <b>summers</b> | share a `total`.',
      expect.stringMatching(/^ {2}Among other things, this looks like a known mistake: Your summer takes 0/),
    ]);
    expect(renderText({ ...REPORT, exercises: [scored('05-summer', ['passed', 'failed'])] }, { color: false })).not.toContain('known mistake');
  });

  test('wrapWords keeps every word, and a word longer than the width on a line of its own', () => {
    expect(wrapWords('a bb ccc dddddddddd e', 6)).toEqual(['a bb', 'ccc', 'dddddddddd', 'e']);
  });
});

test('markdown (and the GitHub job summary): a quote in English and Korean before the failures, code kept, markup escaped', () => {
  const markdown = renderMarkdown(REPORT);
  const summer = markdown.slice(markdown.indexOf('05-summer · partial'), markdown.indexOf('</details>', markdown.indexOf('05-summer · partial')));
  expect(summer).toContain(`> **This looks like a known mistake:** ${ZERO.explanation.en}\n>\n> **알려진 실수로 보입니다:** ${ZERO.explanation.ko}`);
  expect(summer.indexOf('> **This looks like')).toBeLessThan(summer.indexOf('- **t2**'));
  expect(markdown).toContain('> **Among other things, this looks like a known mistake:** Two \\<b>summers\\</b> \\| share a `total`.');
  expect(renderGithub(REPORT).summaryMarkdown).toBe(markdown);
});

test('github annotations carry it in both languages', () => {
  const annotation = renderGithub(REPORT).annotations.split('\n').find((l) => l.startsWith('::error title=05-summer::'))!;
  expect(annotation).toContain(`%0AThis looks like a known mistake: ${ZERO.explanation.en}%0A알려진 실수로 보입니다: ${ZERO.explanation.ko}%0A`);
});

test('classroom: first in the exercise\'s message, both languages, before the failures', () => {
  const [, summer, twice] = classroomResult(REPORT).tests;
  expect(summer!.message).toBe(`This looks like a known mistake: ${ZERO.explanation.en}\n알려진 실수로 보입니다: ${ZERO.explanation.ko}\n1 of 3 tests fail: t2`);
  expect(twice!.message.split('\n')).toHaveLength(5);
  expect(classroomResult(REPORT).tests[0]!.message).toBe('');
});

test("gradescope: in the summary a student reads first, each line named by its exercise", () => {
  const output = (JSON.parse(renderGradescope(REPORT, { visibility: 'visible' })) as { output: string }).output.split('\n');
  expect(output).toEqual(
    expect.arrayContaining([`05-summer: This looks like a known mistake: ${ZERO.explanation.en}`, `05-summer: 알려진 실수로 보입니다: ${ZERO.explanation.ko}`]),
  );
  expect(output.filter((l) => l.startsWith('06-twice: '))).toHaveLength(4);
});

test("prairielearn: under the exercise's line of the output", () => {
  const lines = prairielearnResults(REPORT).output.split('\n');
  const at = lines.indexOf('05-summer: partial, 3.33/5');
  expect(lines.slice(at + 1, at + 3)).toEqual([`  This looks like a known mistake: ${ZERO.explanation.en}`, `  알려진 실수로 보입니다: ${ZERO.explanation.ko}`]);
  expect(lines[at + 3]).toMatch(/^06-twice: partial/);
});

describe('the JSON report', () => {
  const validate = new Ajv({ allErrors: true }).compile(schema);

  test('its schema takes diagnoses as data', () => {
    expect([validate(JSON.parse(JSON.stringify(REPORT))), validate.errors]).toEqual([true, null]);
  });

  test.each([
    ['without a match', { mistake: 'm', explanation: { en: 'e', ko: 'k' } }],
    ['with a match it does not know', { ...ZERO, match: 'close' }],
    ['without its Korean', { ...ZERO, explanation: { en: 'e' } }],
    ['an empty list', undefined],
  ])('its schema refuses a diagnosis %s', (_, diagnosis) => {
    const exercises = [{ ...EXERCISES[1]!, diagnoses: diagnosis === undefined ? [] : [diagnosis] }];
    expect(validate({ ...REPORT, exercises })).toBe(false);
  });

  test('render refuses a saved report whose diagnosis is not whole, naming where', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'render-diagnoses-'));
    try {
      const file = path.join(dir, 'report.json');
      fs.writeFileSync(file, JSON.stringify({ ...REPORT, exercises: [{ ...EXERCISES[1]!, diagnoses: [{ mistake: 'm', match: 'exact' }] }] }));
      expect(() => renderCommand({ report: file, format: 'markdown', visibility: 'visible' })).toThrow(
        /is not a whole grade report: exercises\[0\]\.diagnoses\[0\] has no mistake, explanation \(en, ko\) or match/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

test("the size limits hold when every exercise carries two diagnoses as long as verify allows", () => {
  const longest = (c: string): string => c.repeat(EXPLANATION_MAX_CHARACTERS);
  const diagnosis: Diagnosis = { mistake: 'm'.repeat(400), explanation: { en: longest('\u0001'), ko: longest('한') }, match: 'contains' };
  const worst = worstCaseReport();
  // Partial work, which alone is diagnosed, has no message of its own.
  const report = { ...worst, exercises: worst.exercises.map(({ message: _none, ...e }) => ({ ...e, status: 'partial' as const, diagnoses: [diagnosis, diagnosis] })) };
  expect(Buffer.byteLength(JSON.stringify(classroomResult(report)))).toBeLessThanOrEqual(CLASSROOM_JSON_BUDGET);
  expect(renderClassroom(report)).toContain('알려진 실수');
  expect(Buffer.byteLength(renderPrairielearn(report))).toBeLessThan(1024 * 1024);
});
