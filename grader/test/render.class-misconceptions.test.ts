/**
 * The class's misconceptions (../src/report/class-stats.ts) and how the class report and
 * misconceptions.csv show them, on hand-built reports whose diagnoses are known.
 */
import { misconceptions, unexplainedWork } from '../src/report/class-stats';
import type { Diagnosis } from '../src/report/diagnose';
import type { ExerciseResult, GradeReport } from '../src/report/report';
import { renderClassReport, TOP_MISCONCEPTIONS } from '../src/render/class-report';
import { gradedSubmissions, renderMisconceptionsCsv, type Gradebook, type SubmissionResult } from '../src/render/gradebook';

const HOSTILE_RULE = 'summer yields <b>"numbers"</b> & nothing else';
const diagnosis = (mistake: string, match: Diagnosis['match'], en = `what ${mistake} does`): Diagnosis => ({ mistake, explanation: { en, ko: `${mistake} 설명입니다.` }, match });

/** An exercise result of the given status (scores do not matter here), with these diagnoses. */
function result(id: string, status: ExerciseResult['status'], diagnoses: Diagnosis[] = []): ExerciseResult {
  return { id, title: `Title of ${id}`, score: status === 'passed' ? 5 : status === 'partial' ? 2 : 0, maxScore: 5, status, tests: [], ...(diagnoses.length > 0 ? { diagnoses } : {}) };
}

function submission(name: string, ...exercises: ExerciseResult[]): SubmissionResult {
  const report: GradeReport = { schemaVersion: 1, target: name, score: exercises.reduce((s, e) => s + e.score, 0), maxScore: 10, exercises };
  return { name, report };
}

const GRADEBOOK: Gradebook = {
  courseTitle: 'Misconceptions',
  exercises: [
    { id: '05-summer', title: 'Summer', points: 5 },
    { id: '06-averager', title: 'Averager', points: 5 },
  ],
  generatedAt: '2025-03-04T05:06:07.000Z',
  submissions: [
    submission('s1', result('05-summer', 'partial', [diagnosis('zero', 'exact')]), result('06-averager', 'passed')),
    submission('s2', result('05-summer', 'partial', [diagnosis('zero', 'exact')]), result('06-averager', 'partial', [diagnosis('null', 'exact')])),
    submission('s3', result('05-summer', 'partial', [diagnosis('zero', 'contains'), diagnosis(HOSTILE_RULE, 'contains')]), result('06-averager', 'partial')),
    submission('s4', result('05-summer', 'partial'), result('06-averager', 'partial', [diagnosis('null', 'exact')])),
    // Two mistakes breaking one rule, told apart by what the code does.
    submission('s5', result('05-summer', 'partial', [diagnosis('zero', 'exact', 'another way to get zero wrong')]), result('06-averager', 'failed')),
    submission('s6', result('05-summer', 'failed'), result('06-averager', 'error')),
    { name: 'ungraded', problem: 'no exercises/ folder' },
  ],
};
const graded = gradedSubmissions(GRADEBOOK);

test('each known mistake is counted by the submissions that make it, exact and contained, most made first', () => {
  expect(misconceptions(GRADEBOOK.exercises, graded)).toEqual([
    { exerciseId: '05-summer', mistake: 'zero', explanation: 'what zero does', exact: 2, contains: 1, graded: 6 },
    { exerciseId: '06-averager', mistake: 'null', explanation: 'what null does', exact: 2, contains: 0, graded: 6 },
    // Made as often: the one made exactly comes first.
    { exerciseId: '05-summer', mistake: 'zero', explanation: 'another way to get zero wrong', exact: 1, contains: 0, graded: 6 },
    { exerciseId: '05-summer', mistake: HOSTILE_RULE, explanation: `what ${HOSTILE_RULE} does`, exact: 0, contains: 1, graded: 6 },
  ]);
});

test('per exercise, the partial work that matches no known mistake; work that passes nothing, or could not load, is not counted', () => {
  expect(unexplainedWork(GRADEBOOK.exercises, graded)).toEqual([
    { exerciseId: '05-summer', partial: 5, unmatched: 1 },
    { exerciseId: '06-averager', partial: 3, unmatched: 1 },
  ]);
});

describe('the class report', () => {
  const html = renderClassReport(GRADEBOOK);
  const rows = [...html.matchAll(/<tr data-exercise="([^"]*)" data-mistake="([^"]*)" data-exact="(\d+)" data-contains="(\d+)">/g)].map((m) => m.slice(1));

  test('lists the known mistakes the class makes, in order, with their counts', () => {
    expect(rows).toEqual([
      ['05-summer', 'zero', '2', '1'],
      ['06-averager', 'null', '2', '0'],
      ['05-summer', 'zero', '1', '0'],
      ['05-summer', 'summer yields &lt;b&gt;&quot;numbers&quot;&lt;/b&gt; &amp; nothing else', '0', '1'],
    ]);
    expect(html).not.toContain('<b>"numbers"</b>');
    expect(html.indexOf('id="misconceptions"')).toBeLessThan(html.indexOf('id="exercises"'));
  });

  test('and the partial work that looks like none of them', () => {
    const unexplained = [...html.matchAll(/<tr data-exercise="([^"]*)" data-partial="(\d+)" data-unmatched="(\d+)">/g)].map((m) => m.slice(1));
    expect(unexplained).toEqual([
      ['05-summer', '5', '1'],
      ['06-averager', '3', '1'],
    ]);
  });

  test('a submission cell says which known mistake it looks like', () => {
    expect(html).toMatch(/<td class="cell s-partial" data-status="partial" title="06-averager: partial, 2\/5 — looks like a known mistake: null">/);
  });

  test(`lists at most ${TOP_MISCONCEPTIONS}, and says how many more the CSV has`, () => {
    const many: Gradebook = {
      ...GRADEBOOK,
      submissions: Array.from({ length: TOP_MISCONCEPTIONS + 3 }, (_, i) => submission(`s${i}`, result('05-summer', 'partial', [diagnosis(`rule ${i}`, 'exact')]))),
    };
    const page = renderClassReport(many);
    expect(page.match(/data-mistake=/g)).toHaveLength(TOP_MISCONCEPTIONS);
    expect(page).toContain('And 3 more known mistakes, each made by fewer submissions: misconceptions.csv lists every one.');
  });

  test('a class without diagnoses says so', () => {
    const none = renderClassReport({ ...GRADEBOOK, submissions: [submission('s1', result('05-summer', 'passed'))] });
    expect(none).toContain('No graded submission looks like a known mistake.');
  });
});

test('misconceptions.csv: a row per known mistake made, then the unexplained partial work per exercise', () => {
  expect(renderMisconceptionsCsv(GRADEBOOK).split('\r\n')).toEqual([
    'exercise,mistake,explanation,submissions,exact,contains,graded',
    '05-summer,zero,what zero does,3,2,1,6',
    '06-averager,null,what null does,2,2,0,6',
    '05-summer,zero,another way to get zero wrong,1,1,0,6',
    '05-summer,"summer yields <b>""numbers""</b> & nothing else","what summer yields <b>""numbers""</b> & nothing else does",1,0,1,6',
    '05-summer,,partial work that looks like no known mistake (1 of 5 partial),1,,,6',
    '06-averager,,partial work that looks like no known mistake (1 of 3 partial),1,,,6',
    '',
  ]);
});
