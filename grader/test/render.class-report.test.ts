import type { ExerciseResult, GradeReport, TestReport } from '../src/report/report';
import { escapeHtml, renderClassReport } from '../src/render/class-report';
import { compareNatural, renderGradebookCsv, type Gradebook, type SubmissionResult } from '../src/render/gradebook';

/** A folder name a student could choose: markup, a quote, a comma, a formula and a line break. */
const HOSTILE = '=1+2,"<i>x</i>"\nnext';
/** A test name with markup in it, shared by every submission. */
const B3 = 'b3 <sums> & "more"';
const PROBLEM = 'No exercises/ folder, "quoted", here';

const t = (name: string, status: TestReport['status'], message?: string): TestReport => ({
  name,
  status,
  points: status === 'passed' ? 1 : 0,
  maxPoints: 1,
  ...(message !== undefined ? { message } : {}),
});

const result = (id: string, score: number, maxScore: number, status: ExerciseResult['status'], tests: TestReport[], message?: string): ExerciseResult => ({
  id,
  title: `Title of ${id}`,
  score,
  maxScore,
  status,
  ...(message !== undefined ? { message } : {}),
  tests,
});

/** 01-alpha (5 points, 2 tests), 02-beta (10 points, 4 tests), 03-gamma (5 points, 2 tests). */
const alpha = (status: 'passed' | 'error'): ExerciseResult =>
  status === 'passed'
    ? result('01-alpha', 5, 5, 'passed', [t('a1', 'passed'), t('a2', 'passed')])
    : result(
        '01-alpha',
        0,
        5,
        'error',
        [1, 2].map((n) => t(`01-alpha test ${n} of 2`, 'error', 'Not run: the exercise could not be graded (see its message).')),
        'SyntaxError: <unexpected> "token" & more',
      );
const beta = (...statuses: TestReport['status'][]): ExerciseResult => {
  const tests = ['b1', 'b2', B3, 'b4'].map((name, i) => t(name, statuses[i]!, statuses[i] === 'passed' ? undefined : 'expected 3, received undefined'));
  const passed = statuses.filter((s) => s === 'passed').length;
  const status = statuses.includes('timeout') ? 'timeout' : passed === 4 ? 'passed' : passed > 0 ? 'partial' : 'failed';
  return result('02-beta', (10 * passed) / 4, 10, status, tests, status === 'timeout' ? 'Stopped after 5 s: it never finished.' : undefined);
};
const gamma = (...statuses: TestReport['status'][]): ExerciseResult => {
  const passed = statuses.filter((s) => s === 'passed').length;
  const status = passed === 2 ? 'passed' : passed > 0 ? 'partial' : 'failed';
  return result('03-gamma', (5 * passed) / 2, 5, status, [t('g1', statuses[0]!), t('g2', statuses[1]!)]);
};

const report = (name: string, exercises: ExerciseResult[]): GradeReport => ({
  schemaVersion: 1,
  target: name,
  score: exercises.reduce((sum, e) => sum + e.score, 0),
  maxScore: 20,
  exercises,
});

const graded = (name: string, ...exercises: ExerciseResult[]): SubmissionResult => ({ name, report: report(name, exercises) });

/** Listed out of order on purpose: every view must sort them. */
const SUBMISSIONS: SubmissionResult[] = [
  // 20/20: full marks.
  graded('student10', alpha('passed'), beta('passed', 'passed', 'passed', 'passed'), gamma('passed', 'passed')),
  // 10/20: partial.
  graded('student2', alpha('passed'), beta('passed', 'passed', 'failed', 'failed'), gamma('failed', 'failed')),
  // 12.5/20: 01 could not be loaded.
  graded('carol', alpha('error'), beta('passed', 'passed', 'failed', 'passed'), gamma('passed', 'passed')),
  // 10/20: 02 ran past its budget in b2.
  graded('dave', alpha('passed'), beta('passed', 'timeout', 'not-run', 'not-run'), gamma('passed', 'failed')),
  // Not graded at all.
  { name: 'erin', problem: PROBLEM },
  // 7.5/20.
  graded(HOSTILE, alpha('passed'), beta('failed', 'failed', 'failed', 'failed'), gamma('failed', 'passed')),
];

const GRADEBOOK: Gradebook = {
  courseTitle: 'Coroutines & <friends>',
  exercises: [
    { id: '01-alpha', title: 'Title of 01-alpha', points: 5 },
    { id: '02-beta', title: 'Title of 02-beta', points: 10 },
    { id: '03-gamma', title: 'Title of 03-gamma', points: 5 },
  ],
  generatedAt: '2025-03-04T05:06:07.000Z',
  submissions: SUBMISSIONS,
};

describe('the hand-built gradebook', () => {
  test('adds up: each total is the sum of its exercises, out of 20', () => {
    const totals = Object.fromEntries(SUBMISSIONS.filter((s) => s.report).map((s) => [s.name, s.report!.score]));
    expect(totals).toEqual({ student10: 20, student2: 10, carol: 12.5, dave: 10, [HOSTILE]: 7.5 });
  });
});

describe('compareNatural', () => {
  test('counts runs of digits by value, ignores case, and is total', () => {
    const names = ['student10', 'student2', 'Student1', 'student1', 'b', 'A', 'student02b', 'x9y10', 'x9y9'];
    expect([...names].sort(compareNatural)).toEqual(['A', 'b', 'Student1', 'student1', 'student2', 'student02b', 'student10', 'x9y9', 'x9y10']);
    expect(compareNatural('same', 'same')).toBe(0);
    expect(Math.sign(compareNatural('a07', 'a7'))).toBe(-Math.sign(compareNatural('a7', 'a07')));
  });
});

/** RFC 4180, read strictly: CRLF ends a record, a quoted field may hold anything, `""` is a quote. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
      if (i < text.length && text[i] !== ',' && !text.startsWith('\r\n', i)) throw new Error(`stray text after a quoted field at ${i}`);
    } else if (text[i] === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      if (text[i] === '"' || text[i] === '\n' || text[i] === '\r') throw new Error(`unquoted ${JSON.stringify(text[i])} at ${i}`);
      field += text[i++];
    }
  }
  if (field !== '' || record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}

describe('renderGradebookCsv', () => {
  const csv = renderGradebookCsv(GRADEBOOK);
  const lines = csv.split('\r\n');

  test('exact lines: header, natural order, a quoted and guarded name, empty cells for the ungraded', () => {
    expect(lines).toEqual([
      'submission,total,max,01-alpha,02-beta,03-gamma,problem',
      '"\'=1+2,""<i>x</i>""\nnext",7.5,20,5,0,2.5,',
      'carol,12.5,20,0,7.5,5,',
      'dave,10,20,5,2.5,2.5,',
      'erin,,20,,,,"No exercises/ folder, ""quoted"", here"',
      'student2,10,20,5,5,0,',
      'student10,20,20,5,10,5,',
      '',
    ]);
  });

  test('every line ends in CRLF; a bare LF only inside a quoted field', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').match(/\n/g)).toHaveLength(1);
  });

  test('parses back to the names and numbers it was given', () => {
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual(['submission', 'total', 'max', '01-alpha', '02-beta', '03-gamma', 'problem']);
    expect(rows.every((r) => r.length === header!.length)).toBe(true);
    const byName = new Map(rows.map((r) => [r[0]!, r]));
    expect([...byName.keys()]).toEqual([`'${HOSTILE}`, 'carol', 'dave', 'erin', 'student2', 'student10']);
    for (const submission of SUBMISSIONS) {
      const row = byName.get(submission.name.startsWith('=') ? `'${submission.name}` : submission.name)!;
      if (!submission.report) {
        expect(row.slice(1)).toEqual(['', '20', '', '', '', PROBLEM]);
        continue;
      }
      const numbers = row.slice(1, 6).map(Number);
      expect(numbers[0]).toBe(submission.report.score);
      expect(numbers[1]).toBe(20);
      expect(numbers.slice(2)).toEqual(submission.report.exercises.map((e) => e.score));
      // The exercise columns add up to the total.
      expect(numbers[2]! + numbers[3]! + numbers[4]!).toBeCloseTo(numbers[0]!, 10);
      expect(row[6]).toBe('');
    }
  });

  test('a cell that a spreadsheet would run as a formula starts with a quote', () => {
    const names = ['+SUM(A1)', '-2+3', '@cmd', '\tTAB', '\r=CR', 'plain=ok', 'a,b'];
    const csvOf = renderGradebookCsv({ ...GRADEBOOK, submissions: names.map((name) => ({ name, problem: '=bad()' })) });
    const parsed = parseCsv(csvOf).slice(1);
    expect(parsed.map((r) => r[0])).toEqual(["'\tTAB", "'\r=CR", "'+SUM(A1)", "'-2+3", "'@cmd", 'a,b', 'plain=ok']);
    // The problem column is text from the grader, but guarded the same way.
    expect(parsed.every((r) => r[6] === "'=bad()")).toBe(true);
    expect(csvOf.split('\r\n')).toContain('"\'\r=CR",,20,,,,\'=bad()');
  });

  test('scores keep two decimals at most; an exercise missing from a report is an empty cell', () => {
    const thirds = report('t', [result('01-alpha', 10 / 3, 5, 'partial', [])]);
    const row = renderGradebookCsv({ ...GRADEBOOK, submissions: [{ name: 't', report: thirds }] }).split('\r\n')[1];
    expect(row).toBe('t,3.33,20,3.33,,,');
  });
});

/** The attributes of each element carrying `data-<key>`, decoded. */
function dataRows(html: string, key: string): Array<Record<string, string>> {
  const decode = (v: string): string =>
    v.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!);
  const tags = html.match(new RegExp(`<[a-z]+\\s[^>]*\\bdata-${key}="[^"]*"[^>]*>`, 'g')) ?? [];
  return tags.map((tag) => Object.fromEntries(Array.from(tag.matchAll(/\bdata-([\w-]+)="([^"]*)"/g), (m) => [m[1]!, decode(m[2]!)])));
}

describe('renderClassReport', () => {
  const html = renderClassReport(GRADEBOOK);

  test('is one HTML5 document with a language, a charset and a title', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Class report · Coroutines &amp; &lt;friends&gt;</title>');
    expect(html).toContain('<h1>Coroutines &amp; &lt;friends&gt;</h1>');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    for (const tag of ['section', 'table', 'thead', 'tbody', 'tr', 'svg', 'g']) {
      const opened = html.match(new RegExp(`<${tag}[\\s>]`, 'g'))?.length ?? 0;
      expect([tag, opened]).toEqual([tag, html.match(new RegExp(`</${tag}>`, 'g'))?.length ?? 0]);
    }
  });

  test('loads nothing and runs nothing: no script, no network address, no CSS url()', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\bon[a-z]+\s*=/i);
    expect(html).not.toMatch(/\b(?:src|href|xlink:href|action)\s*=\s*["']?\s*(?:[a-z]+:)?\/\//i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/url\(|@import/);
    // The one link there is stays in the page.
    expect(html.match(/href="[^"]*"/g)).toEqual(['href="#submissions"']);
  });

  test('the header: how many, when, and the mean, median, lowest and highest total', () => {
    expect(html).toContain('6 submissions · 3 exercises · 20 points · generated <time datetime="2025-03-04T05:06:07.000Z">2025-03-04 05:06 UTC</time>');
    const stats = Object.fromEntries(dataRows(html, 'stat').map((d) => [d.stat, d.value]));
    // Totals of the five graded: 20, 10, 12.5, 10, 7.5.
    expect(stats).toEqual({ submissions: '6', mean: '12', median: '10', min: '7.5', max: '20' });
    expect(html).toContain('5 graded, <a href="#submissions">1 not graded</a>');
  });

  test('the histogram counts each graded submission in its 10-point bucket', () => {
    const bars = dataRows(html, 'bucket');
    expect(bars.map((b) => b.bucket)).toEqual(['0-10', '10-20', '20-30', '30-40', '40-50', '50-60', '60-70', '70-80', '80-90', '90-100']);
    // 37.5% → 30–40; 50% twice → 50–60; 62.5% → 60–70; 100% → 90–100.
    expect(bars.map((b) => Number(b.count))).toEqual([0, 0, 0, 1, 0, 2, 1, 0, 0, 1]);
    const svg = /<svg class="histogram" role="img" aria-label="([^"]*)"/.exec(html);
    expect(svg?.[1]).toContain('30–40%: 1, 40–50%: 0, 50–60%: 2, 60–70%: 1');
    // The bar's count is written on it.
    expect(html).toMatch(/data-bucket="50-60" data-count="2"><title>50–60%: 2 submissions<\/title><rect [^>]*\/><text class="count"[^>]*>2<\/text>/);
  });

  test('a score at a bucket boundary goes up; 0 and 100 stay in range', () => {
    const at = (score: number) => graded(`s${score}`, result('01-alpha', score, 20, 'partial', []));
    const edges = renderClassReport({ ...GRADEBOOK, submissions: [at(0), at(2), at(19.99), at(20)] });
    expect(dataRows(edges, 'bucket').map((b) => Number(b.count))).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 2]);
  });

  test('per exercise: mean score, full marks, errors and timeouts as shares of the graded', () => {
    const rows = dataRows(html, 'full-marks').map(({ exercise, graded: n, mean, ...rest }) => [exercise, n, mean, rest['full-marks'], rest.error, rest.timeout]);
    expect(rows).toEqual([
      // 4 of 5 full marks (carol's errored); carol's error is 1 of 5.
      ['01-alpha', '5', '4', '80', '20', '0'],
      // Only student10 has all of 02; dave ran out of time.
      ['02-beta', '5', '5', '20', '0', '20'],
      ['03-gamma', '5', '3', '40', '0', '0'],
    ]);
    expect(html).toMatch(/<td class="num full" title="4 of 5">80%<\/td>/);
  });

  test('the most-failed tests: the worst first, placeholders of an exercise that could not load left out', () => {
    const rows = dataRows(html, 'failures').map((r) => [r.exercise, r.test, Number(r.failures), Number(r.rate)]);
    expect(rows[0]).toEqual(['02-beta', B3, 3, 60]);
    // Ties at two failures keep the exercises' order, then the order the tests were met.
    expect(rows).toEqual([
      ['02-beta', B3, 3, 60],
      ['02-beta', 'b2', 2, 40],
      ['02-beta', 'b4', 2, 40],
      ['03-gamma', 'g1', 2, 40],
      ['03-gamma', 'g2', 2, 40],
      ['02-beta', 'b1', 1, 20],
    ]);
    expect(html).toContain('<th scope="row" class="test-name">b3 &lt;sums&gt; &amp; &quot;more&quot;</th>');
    expect(html).not.toContain('01-alpha test 1 of 2');
  });

  test('at most 15 failing tests are listed', () => {
    const many = Array.from({ length: 20 }, (_, i) => t(`t${i}`, 'failed'));
    const wide = renderClassReport({ ...GRADEBOOK, submissions: [graded('x', result('01-alpha', 0, 5, 'failed', many))] });
    expect(dataRows(wide, 'failures')).toHaveLength(15);
  });

  test('a row per submission in natural order, each cell with its status and score', () => {
    const rows = dataRows(html, 'submission');
    expect(rows.map((r) => r.submission)).toEqual([HOSTILE, 'carol', 'dave', 'erin', 'student2', 'student10']);
    expect(rows.map((r) => r.total)).toEqual(['7.5', '12.5', '10', undefined, '10', '20']);
    const carol = /<tr data-submission="carol"[^>]*>(.*?)<\/tr>/s.exec(html)![1]!;
    expect(Array.from(carol.matchAll(/data-status="(\w+)"[^>]*>([\d.]+)</g), (m) => [m[1], m[2]])).toEqual([
      ['error', '0'],
      ['partial', '7.5'],
      ['passed', '5'],
    ]);
    // Why it errored is in the cell's tooltip, escaped.
    expect(carol).toContain('title="01-alpha: error, 0/5 — SyntaxError: &lt;unexpected&gt; &quot;token&quot; &amp; more"');
    const dave = /<tr data-submission="dave"[^>]*>(.*?)<\/tr>/s.exec(html)![1]!;
    expect(dave).toContain('class="cell s-timeout" data-status="timeout"');
  });

  test('a submission that could not be graded is listed with its problem, across the exercise columns', () => {
    expect(html).toContain(
      '<tr class="ungraded" data-submission="erin"><th scope="row" class="name">erin</th><td class="num total">—</td><td class="problem" colspan="3"><strong>Could not be graded:</strong> No exercises/ folder, &quot;quoted&quot;, here</td></tr>',
    );
  });

  test('the hostile name is text, wherever it appears', () => {
    const escaped = '=1+2,&quot;&lt;i&gt;x&lt;/i&gt;&quot;\nnext';
    expect(escapeHtml(HOSTILE)).toBe(escaped);
    expect(html).toContain(`<th scope="row" class="name">${escaped}</th>`);
    expect(html).toContain(`data-submission="${escaped}"`);
    expect(html).not.toContain('<i>');
  });

  test('a submission named <script>alert(1)</script> is shown, escaped, and never runs', () => {
    const name = '<script>alert(1)</script>';
    const page = renderClassReport({ ...GRADEBOOK, submissions: [...SUBMISSIONS, graded(name, alpha('passed'))] });
    expect(page).toContain('<th scope="row" class="name">&lt;script&gt;alert(1)&lt;/script&gt;</th>');
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toContain('</script>');
  });

  test('accessible: scoped table headers, a labelled chart', () => {
    expect(html.match(/<th scope="col"/g)!.length).toBeGreaterThanOrEqual(6 + 5 + 2 + 3);
    expect(html).toMatch(/<svg class="histogram" role="img" aria-label="Histogram of total scores/);
    expect(html).toMatch(/<span class="sr"> error<\/span>/);
  });

  test('nothing graded, nothing submitted: still a page, with dashes for the numbers', () => {
    const empty = renderClassReport({ ...GRADEBOOK, submissions: [] });
    expect(empty).toContain('0 submissions');
    expect(dataRows(empty, 'bucket').map((b) => b.count)).toEqual(Array(10).fill('0'));
    expect(dataRows(empty, 'stat').map((d) => [d.stat, d.value])).toEqual([
      ['submissions', '0'],
      ['mean', undefined],
      ['median', undefined],
      ['min', undefined],
      ['max', undefined],
    ]);
    expect(empty).toContain('No submissions.');
    expect(empty).toContain('No test failed in any graded submission.');
    expect(empty).not.toContain('NaN');
    expect(html).not.toContain('NaN');
  });
});
