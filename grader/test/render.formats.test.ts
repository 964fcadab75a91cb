import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { create } from 'xmlbuilder2';
import { validateXML } from 'xmllint-wasm';
import type { Exercise } from '../src/course';
import { round2, scoreExercise, withTypeErrors, type ExerciseResult, type GradeReport, type TestReport } from '../src/report/report';
import { FORMATS, renderReport, sideOutputs, type RenderOptions } from '../src/render';
import { escapeData, escapeProperty, renderGithub } from '../src/render/github';
import { renderGradescope, type GradescopeResults } from '../src/render/gradescope';
import { kitFileOf, renderJunit } from '../src/render/junit';
import { renderMarkdown } from '../src/render/markdown';
import { classroomStepOutput, renderClassroom } from '../src/render/classroom';
import { renderPrairielearn } from '../src/render/prairielearn';
import { KIT_ROOT, runGrader } from './helpers';

const SCHEMA = path.join(KIT_ROOT, 'grader', 'schemas', 'junit.xsd');
/**
 * The SHA-256 of the team's reference copy of the schema, which the kit's copy must equal once
 * its one marked addition (the lines from `kit:start` to `kit:end`) is taken out.
 */
const REFERENCE_SCHEMA_SHA256 = 'e9c83b94d639fbbc07a93100e5b5c2bc865111caa3513cff24a4337d85233b34';

/** Everything a message can hold that could break a format: XML, fences, `%`, CR/LF, a pipe, a control code. */
const NASTY = [
  'expected <a href="x">&amp;</a> and \'quoted\'',
  '```js',
  'break(); ``````',
  '```',
  '100% | done\r\nend ]]> \u0007bell &nbsp; &#0; & done;',
].join('\n');

type Raw = { name: string; status: TestReport['status']; message?: string };
const raw = (name: string, status: TestReport['status'], message?: string): Raw => ({ name, status, ...(message !== undefined ? { message } : {}) });
const same = (message: string): string => message;

/** An exercise scored by the grader's own scoring, so that every format sees consistent points. */
function scored(exercise: Partial<Exercise> & Pick<Exercise, 'id' | 'points'>, tests: Raw[], problem?: { status: 'error' | 'timeout'; message: string }): ExerciseResult {
  const manifest: Exercise = { title: `Title of ${exercise.id}`, timeoutSeconds: 5, tests: tests.length, exports: ['x'], ...exercise };
  return scoreExercise(manifest, { tests, ...(problem ? { problem } : {}) }, same);
}

const strict = scored({ id: '07-strict', points: 4 }, [raw('p', 'passed'), raw('q', 'passed')]);

const EXERCISES: ExerciseResult[] = [
  scored({ id: '01-passed', points: 5 }, [raw('a', 'passed'), raw('b', 'passed'), raw('c', 'passed')]),
  scored({ id: '02-partial', title: 'Pipes | and \\ backslashes', points: 5 }, [
    raw('ok 1', 'passed'),
    raw('bad <one> | *two*', 'failed', NASTY),
    raw('ok 2', 'passed'),
    raw('bad 2', 'failed', 'plain why'),
  ]),
  scored({ id: '03-failed', points: 7 }, [raw('x', 'failed', 'Not implemented'), raw('y', 'failed', 'Not implemented'), raw('z', 'failed')]),
  scored({ id: '04-error', points: 6, tests: 3 }, [], { status: 'error', message: 'SyntaxError: Unexpected token (3:7)' }),
  scored({ id: '05-timeout', points: 8 }, [
    raw('fast', 'passed'),
    raw('loops', 'timeout', 'Stopped after 5 s: it never finished.'),
    raw('later 1', 'not-run', 'Not run: an earlier test of this exercise did not finish.'),
    raw('later 2', 'not-run', 'Not run: an earlier test of this exercise did not finish.'),
  ]),
  // Weighted (t1 counts 3 of 6): one passing test earns half the points.
  scored({ id: '06-weighted', points: 5, weights: { t1: 3 } }, [raw('t1', 'passed'), raw('t2', 'failed', 'w2'), raw('t3', 'failed', 'w3'), raw('t4', 'failed', 'w4')]),
  // Every test passed, but --strict-types took the points.
  withTypeErrors({ schemaVersion: 1, target: 'x', score: 4, maxScore: 4, exercises: [strict] }, [{ file: '07-strict/strict.ts', line: 1, column: 1, message: 'bad' }], true).exercises[0]!,
  // Thirds that do not round evenly: 10/3 = 3.34 for the first, by the largest remainder.
  scored({ id: '08-thirds', points: 10 }, [raw('one', 'passed'), raw('two', 'failed', 'w'), raw('three', 'failed', 'w')]),
];

const REPORT: GradeReport = {
  schemaVersion: 1,
  target: 'exercises',
  score: round2(EXERCISES.reduce((sum, e) => sum + e.score, 0)),
  maxScore: 50,
  exercises: EXERCISES,
};

const cents = (points: number): number => Math.round(points * 100);
const sumCents = (values: number[]): number => values.reduce((sum, v) => sum + cents(v), 0);

describe('the hand-built report', () => {
  test('adds up, so the formats are checked against a consistent report', () => {
    expect(sumCents(REPORT.exercises.map((e) => e.score))).toBe(cents(REPORT.score));
    expect(sumCents(REPORT.exercises.map((e) => e.maxScore))).toBe(cents(REPORT.maxScore));
    const statuses = new Set(REPORT.exercises.flatMap((e) => [e.status, ...e.tests.map((t) => t.status)]));
    for (const status of ['passed', 'partial', 'failed', 'error', 'timeout', 'not-run']) expect(statuses).toContain(status);
  });
});

describe('renderReport', () => {
  const options: RenderOptions = { color: false, timestamp: new Date(0), hostname: 'ci', visibility: 'visible' };

  test('knows every format, and each renders something of its own', () => {
    expect(FORMATS).toEqual(['text', 'json', 'junit', 'gradescope', 'github', 'markdown', 'classroom', 'prairielearn']);
    expect(JSON.parse(renderReport(REPORT, 'json', options))).toEqual(REPORT);
    expect(renderReport(REPORT, 'junit', options)).toBe(renderJunit(REPORT, options));
    expect(renderReport(REPORT, 'gradescope', options)).toBe(renderGradescope(REPORT, options));
    expect(renderReport(REPORT, 'markdown', options)).toBe(renderMarkdown(REPORT));
    expect(renderReport(REPORT, 'text', options)).toContain(`Total: ${REPORT.score}/50`);
    expect(renderReport(REPORT, 'classroom', options)).toBe(renderClassroom(REPORT));
    expect(renderReport(REPORT, 'prairielearn', options)).toBe(renderPrairielearn(REPORT));
  });

  test('github prints the annotations; the summary goes to $GITHUB_STEP_SUMMARY, and only for github', () => {
    expect(renderReport(REPORT, 'github', options)).toBe(renderGithub(REPORT).annotations);
    expect(sideOutputs(REPORT, 'github', { GITHUB_STEP_SUMMARY: '/tmp/s.md' })).toEqual([
      { file: '/tmp/s.md', variable: 'GITHUB_STEP_SUMMARY', text: renderMarkdown(REPORT) },
    ]);
    expect(sideOutputs(REPORT, 'github', {})).toEqual([]);
    expect(sideOutputs(REPORT, 'json', { GITHUB_STEP_SUMMARY: '/tmp/s.md', GITHUB_OUTPUT: '/tmp/o' })).toEqual([]);
  });

  test("classroom and github leave Classroom's result step output in $GITHUB_OUTPUT", () => {
    for (const format of ['classroom', 'github'] as const) {
      const outputs = sideOutputs(REPORT, format, { GITHUB_OUTPUT: '/tmp/o' });
      expect(outputs).toContainEqual({ file: '/tmp/o', variable: 'GITHUB_OUTPUT', text: classroomStepOutput(REPORT) });
    }
    expect(sideOutputs(REPORT, 'classroom', {})).toEqual([]);
  });
});

/** The little of the DOM the checks read (xmlbuilder2 parses to a DOM; the kit compiles without lib "dom"). */
interface XmlElement {
  tagName: string;
  textContent: string | null;
  firstElementChild: XmlElement | null;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}

/**
 * The elements called `name` in a document, with attributes and text decoded as an XML parser
 * decodes them: once. (xmlbuilder2's own parser decodes some text twice, `&amp;#0;` to NUL, so
 * values are read from the raw document; the DOM is used only for the structure.)
 */
function rawElements(xml: string, name: string): Array<{ attributes: Record<string, string>; text: string }> {
  // An element with child elements yields its attributes and no text.
  const decode = (text: string): string =>
    text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, ref: string) => {
      const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
      if (named[ref]) return named[ref];
      return String.fromCodePoint(ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    });
  const pattern = new RegExp(`<${name}((?:\\s+[\\w:-]+="[^"]*")*)\\s*(?:/>|>(?:([^<]*)</${name}>)?)`, 'g');
  return Array.from(xml.matchAll(pattern), (match) => ({
    attributes: Object.fromEntries(Array.from(match[1]!.matchAll(/([\w:-]+)="([^"]*)"/g), (a) => [a[1]!, decode(a[2]!)])),
    text: decode(match[2] ?? ''),
  }));
}

async function validate(xml: string, schemaFile = SCHEMA) {
  return validateXML({
    xml: [{ fileName: 'report.xml', contents: xml }],
    schema: [{ fileName: 'junit.xsd', contents: fs.readFileSync(schemaFile, 'utf8') }],
  });
}

describe('junit', () => {
  const xml = renderJunit(REPORT, { timestamp: new Date(Date.UTC(2025, 2, 4, 5, 6, 7, 890)), hostname: 'runner-1' });
  const dom = create(xml).root().node as unknown as XmlElement;
  const suites = Array.from(dom.getElementsByTagName('testsuite'));
  const suite = (id: string): XmlElement => suites.find((s) => s.getAttribute('name') === id)!;

  test('validates against the Ant JUnit schema', async () => {
    const result = await validate(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('a document the schema forbids fails validation, so the check above can fail', async () => {
    // system-out before properties, and no system-err: the order and the presence both matter.
    const reordered = xml.replace(/<system-err\/>/g, '').replace(/<properties>/, '<system-out/><properties>');
    const broken = await validate(reordered);
    expect(broken.valid).toBe(false);
    expect(broken.errors.length).toBeGreaterThan(0);
    // A timestamp with a zone is refused too.
    const zoned = await validate(xml.replace(/timestamp="([^"]+)"/, 'timestamp="$1Z"'));
    expect(zoned.valid).toBe(false);
  });

  test('the in-repo schema is the reference copy, byte for byte, license header included, but for its one marked addition', () => {
    const copy = fs.readFileSync(SCHEMA, 'utf8');
    expect(copy).toContain('Apache License 2.0');
    expect(copy).toContain('Copyright © 2011, Windy Road Technology Pty. Limited');
    const additions = [...copy.matchAll(/[^\n]*<!-- kit:start[\s\S]*?<!-- kit:end -->\n/g)].map((m) => m[0]);
    expect(additions).toHaveLength(1);
    // The addition is an optional `file` attribute of <testcase>, and nothing else.
    expect(additions[0]!.replace(/<!--[\s\S]*?-->/g, '').match(/<xs:attribute [^>]*>/g)).toEqual(['<xs:attribute name="file" type="xs:token" use="optional">']);
    const reference = copy.replace(additions[0]!, '');
    expect(crypto.createHash('sha256').update(reference).digest('hex')).toBe(REFERENCE_SCHEMA_SHA256);
  });

  test("each testcase names the student's file, relative to the kit; the schema takes it, and still refuses an attribute it does not know", async () => {
    for (const s of suites) {
      const id = s.getAttribute('name')!;
      for (const c of Array.from(s.getElementsByTagName('testcase'))) expect(c.getAttribute('file')).toBe(`exercises/${id}/${id.replace(/^\d+-/, '')}.ts`);
    }
    const unknown = await validate(xml.replace('<testcase ', '<testcase line="3" '));
    expect(unknown.valid).toBe(false);
  });

  test.each([
    ['exercises', 'exercises/05-summer/summer.ts'],
    ['solutions/', 'solutions/05-summer/summer.ts'],
    ['/tmp/class/ana/exercises', 'exercises/05-summer/summer.ts'],
    ['../class/ana/exercises', 'exercises/05-summer/summer.ts'],
    ['C:\\class\\ana\\exercises', 'exercises/05-summer/summer.ts'],
    ['ana', 'exercises/05-summer/summer.ts'],
  ])('the file of a report whose target is %s: %s', (target, file) => {
    const summer = { ...EXERCISES[0]!, id: '05-summer' };
    expect(kitFileOf({ ...REPORT, target }, summer)).toBe(file);
  });

  test('one suite per exercise, numbered, stamped without a zone, with the host', () => {
    expect(dom.tagName).toBe('testsuites');
    expect(suites.map((s) => [s.getAttribute('name'), s.getAttribute('package'), s.getAttribute('id')])).toEqual(
      REPORT.exercises.map((e, i) => [e.id, e.id, String(i)]),
    );
    for (const s of suites) {
      expect(s.getAttribute('timestamp')).toBe('2025-03-04T05:06:07');
      expect(s.getAttribute('hostname')).toBe('runner-1');
    }
  });

  test('counts tests, failures, errors (error and timeout) and skipped (not-run) per suite', () => {
    const counts = (id: string) => ['tests', 'failures', 'errors', 'skipped'].map((a) => Number(suite(id).getAttribute(a)));
    expect(counts('01-passed')).toEqual([3, 0, 0, 0]);
    expect(counts('02-partial')).toEqual([4, 2, 0, 0]);
    expect(counts('03-failed')).toEqual([3, 3, 0, 0]);
    expect(counts('04-error')).toEqual([3, 0, 3, 0]);
    expect(counts('05-timeout')).toEqual([4, 0, 1, 2]);
    for (const s of suites) {
      const cases = Array.from(s.getElementsByTagName('testcase'));
      expect(cases).toHaveLength(Number(s.getAttribute('tests')));
      expect(s.getElementsByTagName('failure')).toHaveLength(Number(s.getAttribute('failures')));
      expect(s.getElementsByTagName('error')).toHaveLength(Number(s.getAttribute('errors')));
      expect(s.getElementsByTagName('skipped')).toHaveLength(Number(s.getAttribute('skipped')));
    }
  });

  test('each outcome has its element and type; the message survives as text', () => {
    const cases = Array.from(suite('05-timeout').getElementsByTagName('testcase'));
    expect(cases.map((c) => c.firstElementChild?.tagName ?? null)).toEqual([null, 'error', 'skipped', 'skipped']);
    expect(cases[1]!.firstElementChild!.getAttribute('type')).toBe('timeout');
    expect(suite('04-error').getElementsByTagName('error')[0]!.getAttribute('type')).toBe('error');

    // The first failure is 02-partial's, with the message that has everything in it.
    const failure = rawElements(xml, 'failure')[0]!;
    expect(failure.attributes).toEqual({ message: 'expected <a href="x">&amp;</a> and \'quoted\'', type: 'failure' });
    // The bell cannot be carried by XML 1.0, and CRLF is a parser's LF; everything else comes back as written.
    expect(failure.text).toBe(NASTY.replace('\u0007', '\uFFFD').replace('\r\n', '\n'));
    expect(xml).not.toContain('\r');
    expect(cases[0]!.getAttribute('classname')).toBe('05-timeout');
  });

  test('properties hold the points, the status and why an exercise could not run', () => {
    const properties = Object.fromEntries(
      Array.from(suite('04-error').getElementsByTagName('property')).map((p) => [p.getAttribute('name'), p.getAttribute('value')]),
    );
    expect(properties).toMatchObject({ score: '0', maxScore: '6', status: 'error', message: 'SyntaxError: Unexpected token (3:7)' });
  });

  test('text that looks like an entity is written as text, not taken for one', async () => {
    const title = 'R&amp;D & <co> &nbsp;';
    const one = renderJunit({ ...REPORT, exercises: [{ ...EXERCISES[0]!, title }] }, { timestamp: new Date(0), hostname: 'h&amp;' });
    expect((await validate(one)).valid).toBe(true);
    expect(rawElements(one, 'property')[0]!.attributes).toEqual({ name: 'title', value: title });
    expect(rawElements(one, 'testsuite')[0]!.attributes.hostname).toBe('h&amp;');
  });

  test('an empty host name becomes localhost, as the schema advises', async () => {
    const empty = renderJunit({ ...REPORT, exercises: [] }, { timestamp: new Date(0), hostname: '' });
    expect(empty).toContain('<testsuites/>');
    const one = renderJunit({ ...REPORT, exercises: [EXERCISES[0]!] }, { timestamp: new Date(0), hostname: ' ' });
    expect(one).toContain('hostname="localhost"');
    expect((await validate(one)).valid).toBe(true);
  });
});

describe('gradescope', () => {
  const results = JSON.parse(renderGradescope({ ...REPORT, durationSeconds: 12.6 }, { visibility: 'after_due_date' })) as GradescopeResults;
  const testsOf = (id: string) => results.tests.filter((t) => t.name.startsWith(`${id}: `));

  test('has exactly the documented fields, with their types', () => {
    expect(Object.keys(results).sort()).toEqual(['execution_time', 'extra_data', 'output', 'score', 'stdout_visibility', 'tests', 'visibility']);
    expect(results).toMatchObject({ score: 15.34, execution_time: 13, visibility: 'after_due_date', stdout_visibility: 'hidden' });
    expect(results.extra_data).toEqual({ max_score: 50, target: 'exercises', schema_version: 1 });
    expect(results.output).toContain('Total: 15.34/50 (31%). 1 of 8 exercises pass.');
    for (const t of results.tests) {
      expect(Object.keys(t).sort()).toEqual(['max_score', 'name', 'output', 'score', 'status', 'visibility']);
      expect(typeof t.name).toBe('string');
      expect(typeof t.score).toBe('number');
      expect(typeof t.max_score).toBe('number');
      expect(typeof t.output).toBe('string');
      expect(['passed', 'failed']).toContain(t.status);
      expect(t.visibility).toBe('after_due_date');
      // Two decimals at most, and never negative.
      expect(cents(t.score) / 100).toBe(t.score);
      expect(cents(t.max_score) / 100).toBe(t.max_score);
      expect(t.score).toBeGreaterThanOrEqual(0);
    }
  });

  test('lists every test, named by exercise and test', () => {
    expect(results.tests).toHaveLength(REPORT.exercises.reduce((n, e) => n + e.tests.length, 0));
    expect(results.tests[0]!.name).toBe('01-passed: a');
  });

  test('the tests add up to the report, to the cent, exercise by exercise', () => {
    expect(sumCents(results.tests.map((t) => t.score))).toBe(cents(REPORT.score));
    expect(sumCents(results.tests.map((t) => t.max_score))).toBe(cents(REPORT.maxScore));
    for (const e of REPORT.exercises) {
      const tests = testsOf(e.id);
      expect([e.id, sumCents(tests.map((t) => t.max_score))]).toEqual([e.id, cents(e.maxScore)]);
      expect([e.id, sumCents(tests.map((t) => t.score))]).toEqual([e.id, cents(e.score)]);
      expect([e.id, sumCents(tests.filter((t) => t.status === 'passed').map((t) => t.score))]).toEqual([e.id, cents(e.score)]);
    }
  });

  test("each test carries the report's own points for it", () => {
    for (const e of REPORT.exercises) {
      expect(testsOf(e.id).map((t) => [t.score, t.max_score])).toEqual(e.tests.map((t) => [t.points, t.maxPoints]));
    }
    expect(testsOf('02-partial').map((t) => [t.score, t.max_score, t.status])).toEqual([
      [1.25, 1.25, 'passed'],
      [0, 1.25, 'failed'],
      [1.25, 1.25, 'passed'],
      [0, 1.25, 'failed'],
    ]);
    // Weighted: t1 weighs 3 of 6; the spare hundredth goes to the first of the equal remainders.
    expect(testsOf('06-weighted').map((t) => t.max_score)).toEqual([2.5, 0.84, 0.83, 0.83]);
  });

  test('tests that passed in an exercise that scored nothing earn nothing, and say why', () => {
    for (const t of testsOf('07-strict')) {
      expect(t).toMatchObject({ score: 0, max_score: 2, status: 'failed' });
      expect(t.output).toContain('--strict-types');
    }
    const notRun = testsOf('04-error')[0]!;
    expect(notRun.output).toBe('Not run: the exercise could not be graded (see its message).\n\nSyntaxError: Unexpected token (3:7)');
    expect(testsOf('02-partial')[1]!.output).toBe(NASTY);
  });

  test('execution time is whole seconds, never negative', () => {
    const quick = JSON.parse(renderGradescope({ ...REPORT, durationSeconds: -0.2 }, { visibility: 'visible' })) as GradescopeResults;
    expect(quick.execution_time).toBe(0);
  });
});

/** Undoes GitHub's workflow-command escaping, to compare with what was meant. */
const unescapeData = (text: string): string => text.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');

describe('github', () => {
  const { annotations, summaryMarkdown } = renderGithub(REPORT);
  const lines = annotations.replace(/\n$/, '').split('\n');

  test('escapes data and properties as GitHub reads them', () => {
    expect(escapeData('50%\r\ndone: a, b')).toBe('50%25%0D%0Adone: a, b');
    expect(escapeProperty('50%\r\ndone: a, b')).toBe('50%25%0D%0Adone%3A a%2C b');
    expect(renderGithub({ ...REPORT, exercises: [{ ...EXERCISES[0]!, id: 'odd:id,x' }] }).annotations).toContain('::notice title=odd%3Aid%2Cx::');
  });

  test('one command per line: the grade\'s notice, an annotation per exercise, and the Points line last', () => {
    expect(annotations.endsWith('\n')).toBe(true);
    expect(annotations).not.toContain('\r');
    expect(lines).toHaveLength(REPORT.exercises.length + 2);
    // "Autograding complete" is the title of Classroom's reporter's notice, which records the points.
    expect(lines[0]).toBe('::notice title=Grade::Points 15.34/50');
    expect(lines.at(-1)).toBe('Points 15.34/50');
    REPORT.exercises.forEach((e, i) => {
      const level = e.status === 'passed' ? 'notice' : 'error';
      expect(lines[i + 1]!.startsWith(`::${level} title=${e.id}::`)).toBe(true);
    });
  });

  test('at most 10 annotations of each level, as GitHub shows them: the rest in one annotation, and all in the summary', () => {
    const many = (count: number, from: ExerciseResult, offset: number): ExerciseResult[] =>
      Array.from({ length: count }, (_, i) => ({ ...from, id: `${String(offset + i).padStart(2, '0')}-x` }));
    const crowded: GradeReport = { ...REPORT, exercises: [...many(16, EXERCISES[2]!, 1), ...many(12, EXERCISES[0]!, 17)] };
    const out = renderGithub(crowded);
    const levels = out.annotations.split('\n').map((l) => /^::(\w+) title=([^:]*)::/.exec(l)).filter((m) => m !== null);
    const of = (level: string) => levels.filter((m) => m![1] === level).map((m) => m![2]);
    expect(of('error')).toEqual([...crowded.exercises.slice(0, 9).map((e) => e.id), '7 more exercises']);
    expect(of('notice')).toEqual(['Grade', ...crowded.exercises.slice(16, 24).map((e) => e.id), '4 more exercises']);
    const rest = unescapeData(out.annotations.split('\n').find((l) => l.startsWith('::error title=7 more exercises::'))!);
    for (const e of crowded.exercises.slice(9, 16)) expect(rest).toContain(`${e.id}: failed, 0/7 points.`);
    expect(rest).toContain('job summary');
    for (const e of crowded.exercises) expect(out.summaryMarkdown).toContain(e.id);
    // Exactly ten fit as they are.
    const ten = renderGithub({ ...REPORT, exercises: many(10, EXERCISES[2]!, 1) }).annotations;
    expect(ten.match(/^::error /gm)).toHaveLength(10);
    expect(ten).not.toContain('more exercises');
  });

  test('a message full of %, CR and LF arrives whole, inside its own command', () => {
    const partial = lines.find((l) => l.startsWith('::error title=02-partial::'))!;
    expect(partial).toContain('100%25 | done%0D%0Aend');
    const message = unescapeData(partial.slice('::error title=02-partial::'.length));
    expect(message).toContain(NASTY);
    expect(message.startsWith('Pipes | and \\ backslashes: partial, 2.5/5 points.')).toBe(true);
  });

  test('an exercise that could not run gives its reason once', () => {
    const error = unescapeData(lines.find((l) => l.startsWith('::error title=04-error::'))!);
    expect(error).toContain('SyntaxError: Unexpected token (3:7)');
    expect(error).not.toContain('Not run');
  });

  test('the job summary is the Markdown report', () => {
    expect(summaryMarkdown).toBe(renderMarkdown(REPORT));
  });
});

describe('markdown', () => {
  const markdown = renderMarkdown(REPORT);
  const lines = markdown.split('\n');

  test('a heading with the total, and a table row per exercise with its points and status', () => {
    expect(lines[0]).toBe('## Grade: 15.34/50 (31%)');
    const rows = lines.filter((l) => l.startsWith('|'));
    expect(rows).toHaveLength(REPORT.exercises.length + 2);
    for (const row of rows) {
      // Three cells, whatever the titles hold: no pipe is left unescaped inside a cell.
      expect(row.split(/(?<!\\)\|/)).toHaveLength(5);
    }
    expect(rows[2]).toBe('| 01-passed · Title of 01-passed | 5/5 | ✅ passed |');
    expect(rows[3]).toBe('| 02-partial · Pipes \\| and \\\\ backslashes | 2.50/5 | 🟡 partial |');
    expect(rows.slice(2).map((r) => r.split(' | ').at(-1))).toEqual([
      '✅ passed |',
      '🟡 partial |',
      '❌ failed |',
      '💥 error |',
      '⏱️ timeout |',
      '🟡 partial |',
      '💥 error |',
      '🟡 partial |',
    ]);
  });

  /** The fenced blocks of a document, read as CommonMark does: a fence closes only on a line of at least as many backticks. */
  function fencedBlocks(text: string): string[] {
    const blocks: string[] = [];
    const all = text.split('\n');
    for (let i = 0; i < all.length; i++) {
      const open = /^(`{3,})[^`]*$/.exec(all[i]!);
      if (!open) continue;
      const closes = (line: string) => new RegExp(`^ {0,3}\`{${open[1]!.length},}\\s*$`).test(line);
      const end = all.findIndex((line, j) => j > i && closes(line));
      expect(end).toBeGreaterThan(i);
      blocks.push(all.slice(i + 1, end).join('\n'));
      i = end;
    }
    return blocks;
  }

  test('a message with fences inside stays inside its own, longer fence', () => {
    const blocks = fencedBlocks(markdown);
    expect(blocks).toContain(NASTY.replace('\r\n', '\n'));
    expect(markdown).toContain('```````text\nexpected <a href="x">');
    expect(blocks).toContain('plain why');
  });

  test('details for each exercise that did not pass, with its failing tests', () => {
    const opened = lines.filter((l) => l === '<details>').length;
    expect(opened).toBe(REPORT.exercises.filter((e) => e.status !== 'passed').length);
    expect(lines.filter((l) => l === '</details>')).toHaveLength(opened);
    expect(markdown).toContain('<summary>🟡 02-partial · partial · 2.50/5</summary>');
    expect(markdown).toContain('- **bad \\<one> \\| \\*two\\*** (failed, 0/1.25)');
    expect(markdown).not.toContain('01-passed · passed');
    // A shared message (a stub's "Not implemented") is shown once, under the tests it fails.
    expect(markdown).toContain('- **x** (failed, 0/2.34)\n- **y** (failed, 0/2.33)\n\n```text\nNot implemented\n```');
    // An exercise that could not run: its reason, once.
    expect(markdown).toContain('```text\nSyntaxError: Unexpected token (3:7)\n```\n\nAll 3 tests of this exercise are counted as failing.');
  });

  test('all passing: no details at all', () => {
    const done = renderMarkdown({ ...REPORT, score: 5, maxScore: 5, exercises: [EXERCISES[0]!] });
    expect(done).not.toContain('<details>');
    expect(done).toContain('1 of 1 exercises pass.');
  });
});

describe('the grade command with the new formats', () => {
  const args = ['grade', '--target', 'solutions', '--exercise', '05', '--no-typecheck'];

  test('junit from a real run validates', async () => {
    const run = await runGrader([...args, '--format', 'junit']);
    expect(run.code).toBe(0);
    expect((await validate(run.stdout)).valid).toBe(true);
    expect(run.stdout).toMatch(/<testsuite name="05-summer" package="05-summer" id="0" timestamp="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d" hostname="[^"]+"/);
  }, 60_000);

  test('gradescope takes --visibility, and refuses a value it does not know', async () => {
    const run = await runGrader([...args, '--format', 'gradescope', '--visibility', 'hidden']);
    expect(run.code).toBe(0);
    const results = JSON.parse(run.stdout) as GradescopeResults;
    expect(results).toMatchObject({ score: 5, visibility: 'hidden', extra_data: { max_score: 5 } });
    expect(results.execution_time).toBeGreaterThanOrEqual(0);
    const bad = await runGrader([...args, '--format', 'gradescope', '--visibility', 'everyone']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('after_due_date');
  }, 60_000);

  test('github prints annotations and appends the summary to $GITHUB_STEP_SUMMARY', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'grader-summary-'));
    const summary = path.join(dir, 'summary.md');
    fs.writeFileSync(summary, 'an earlier step\n');
    try {
      const run = await runGrader([...args, '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
      expect(run.code).toBe(0);
      expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('Points 5/5');
      const written = fs.readFileSync(summary, 'utf8');
      expect(written.startsWith('an earlier step\n## Grade: 5/5 (100%)')).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
