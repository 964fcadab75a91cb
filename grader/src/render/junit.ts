/**
 * The report as JUnit XML, for CI systems that show test results (Jenkins, GitLab, Azure …).
 * It follows the Ant JUnit schema kept in grader/schemas/junit.xsd: one <testsuite> per
 * exercise, one <testcase> per test. Each testcase also names, in `file`, the student's exercise
 * file relative to the kit (the schema's one addition), which readers that annotate code take as
 * the place of a failure; without it they point at a made-up path from the classname. Built with xmlbuilder2, which does the escaping (given
 * text prepared by `literal`).
 * Pure: the time and the host name come in as options.
 */
import { create } from 'xmlbuilder2';
import { slugOf } from '../course';
import type { ExerciseResult, GradeReport, TestReport } from '../report/report';

type XMLBuilder = ReturnType<typeof create>;

export interface JunitOptions {
  /** When grading ran; written in UTC, without a zone, as the schema's pattern demands. */
  timestamp: Date;
  /** The schema wants a non-empty token; an empty name becomes 'localhost', as it advises. */
  hostname: string;
}

/**
 * Text as xmlbuilder2 must be given it to write it unchanged. It leaves alone any `&` that already
 * looks like an entity (`&amp;`, `&nbsp;`, `&#0;`: its "no double encoding", oozcitak/xmlbuilder2#117),
 * which would turn a message's `&amp;` into `&` and its `&nbsp;` into an undefined entity, breaking
 * the document. Encoding every `&` first gives it only `&amp;`s, which it keeps. The tests read
 * such a message back, so a change in the library would be caught. Line ends become `\n`, as
 * any XML parser would make them.
 */
function literal(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/\r\n?/g, '\n');
}

/** `YYYY-MM-DDTHH:MM:SS`: the schema's dateTime pattern allows no zone and no fraction. */
function schemaTimestamp(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/** Attribute values collapse their newlines anyway; the whole message goes in the element text. */
function firstLine(message: string): string {
  return message.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
}

/**
 * The exercise's file relative to the kit, `/`-separated, where a copy of the kit has it:
 * `exercises/NN-slug/slug.ts`, whatever folder was graded (a student's copy through
 * `--submission`, a batch's submission), except the kit's own `solutions/`.
 */
export function kitFileOf(report: GradeReport, result: ExerciseResult): string {
  const folder = report.target.replace(/[\\/]+$/, '') === 'solutions' ? 'solutions' : 'exercises';
  return `${folder}/${result.id}/${slugOf(result)}.ts`;
}

function count(result: ExerciseResult, ...statuses: TestReport['status'][]): number {
  return result.tests.filter((t) => statuses.includes(t.status)).length;
}

function addTestcase(suite: XMLBuilder, result: ExerciseResult, test: TestReport, file: string): void {
  // The report carries no durations: 0 says "not measured" and keeps the schema's decimal.
  const testcase = suite.ele('testcase', { name: literal(test.name), classname: literal(result.id), time: '0', file: literal(file) });
  const problem = (element: 'failure' | 'error', type: string): void => {
    const attributes = test.message ? { message: literal(firstLine(test.message)), type } : { type };
    testcase.ele(element, attributes).txt(literal(test.message ?? ''));
  };
  switch (test.status) {
    case 'passed':
      break;
    case 'failed':
      problem('failure', 'failure');
      break;
    case 'timeout':
    case 'error':
      problem('error', test.status);
      break;
    case 'not-run':
      testcase.ele('skipped');
      break;
  }
}

export function renderJunit(report: GradeReport, options: JunitOptions): string {
  const timestamp = schemaTimestamp(options.timestamp);
  const hostname = literal(options.hostname.trim() || 'localhost');
  // Characters XML 1.0 cannot carry (NUL, most control codes) become U+FFFD instead of breaking the document.
  const doc = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' });
  const root = doc.ele('testsuites');
  report.exercises.forEach((result, index) => {
    const suite = root.ele('testsuite', {
      name: literal(result.id),
      package: literal(result.id),
      id: String(index),
      timestamp,
      hostname,
      tests: String(result.tests.length),
      failures: String(count(result, 'failed')),
      errors: String(count(result, 'error', 'timeout')),
      skipped: String(count(result, 'not-run')),
      time: '0',
    });
    // The schema fixes the order: properties, testcases, system-out, system-err.
    const properties = suite.ele('properties');
    const property = (name: string, value: string): void => void properties.ele('property', { name, value: literal(value) });
    property('title', result.title);
    property('target', report.target);
    property('score', String(result.score));
    property('maxScore', String(result.maxScore));
    property('status', result.status);
    // Why an exercise could not be graded is not any one test's failure: it is kept here.
    if (result.message !== undefined) property('message', result.message);
    // Ant's schema gives a testcase no properties: each test's points are kept with its suite.
    for (const test of result.tests) property(`points: ${test.name}`, `${test.points}/${test.maxPoints}`);
    for (const test of result.tests) addTestcase(suite, result, test, kitFileOf(report, result));
    // Required by the schema; the grader never passes a student's output through, so they stay empty.
    suite.ele('system-out');
    suite.ele('system-err');
  });
  return `${doc.end({ prettyPrint: true, wellFormed: true })}\n`;
}
