/**
 * The survivors file (grader/mutation/survivors.md): what `verify` checks without running
 * StrykerJS (each row still names a mutant of the current solution, and is triaged), and how
 * the report after a Stryker run rewrites it, keeping the verdicts an author wrote.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Exercise } from '../src/course';
import { parseSurvivors, renderSurvivors, SURVIVORS_FILE, survivorsChecks, type SurvivorEntry } from '../src/survivors';
import { buildEntries, scoreOf } from '../src/tools/mutation/report';

const SOLUTION = ['export function* summer(): Generator<number, never, number> {', '  let total = 0;', '  while (true) {', '    const value = yield total;', "    if (typeof value !== 'number') throw new TypeError('numbers only | please');", '    total += value;', '  }', '}', ''].join('\n');

const exercise = { id: '05-summer' } as Exercise;

/** The `typeof value !== 'number'` of line 5, and the error message beside it. */
function entries(verdict = 'equivalent: the message is not part of the contract'): SurvivorEntry[] {
  return [
    { exercise: '05-summer', start: { line: 5, column: 9 }, end: { line: 5, column: 34 }, mutator: 'EqualityOperator', original: "typeof value !== 'number'", replacement: "typeof value === 'number'", status: 'killed', verdict: 'killed by "summer: values that are not numbers sending a string throws TypeError"' },
    { exercise: '05-summer', start: { line: 5, column: 56 }, end: { line: 5, column: 79 }, mutator: 'StringLiteral', original: "'numbers only | please'", replacement: '""', status: 'survived', verdict },
  ];
}

let scratch: string;
beforeEach(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'survivors-'));
  fs.mkdirSync(path.join(scratch, 'solutions', '05-summer'), { recursive: true });
  fs.writeFileSync(path.join(scratch, 'solutions', '05-summer', 'summer.ts'), SOLUTION);
  fs.mkdirSync(path.join(scratch, path.dirname(SURVIVORS_FILE)), { recursive: true });
});
afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

function writeSurvivors(list: SurvivorEntry[]): void {
  fs.writeFileSync(path.join(scratch, SURVIVORS_FILE), renderSurvivors('# survivors', [{ id: '05-summer', entries: list }]));
}

function faults(): string[] {
  const kit = { rootDir: scratch, solutionsDir: path.join(scratch, 'solutions') };
  return survivorsChecks(kit, { exercises: [exercise] })
    .filter((c) => !c.ok)
    .map((c) => c.what);
}

test('a row reads back as it was written, pipes and backticks in the code included; a table above the first exercise is no row', () => {
  const list = [...entries(), { ...entries()[1]!, original: '`a` || b', replacement: '``', verdict: 'TODO' }];
  const summary = '# survivors\n\n| exercise | score |\n| --- | --- |\n| 05-summer | 90.9 |';
  const text = renderSurvivors(summary, [{ id: '05-summer', entries: list }]);
  expect(parseSurvivors(text)).toEqual({ entries: list, problems: [] });
});

test('rows that name the current solution, each triaged, pass', () => {
  writeSurvivors(entries());
  expect(faults()).toEqual([]);
});

test('a row whose place in the solution now holds other text is stale, and named', () => {
  writeSurvivors(entries());
  // The solution changes under the file: the message moved one column to the right.
  const solution = path.join(scratch, 'solutions', '05-summer', 'summer.ts');
  fs.writeFileSync(solution, SOLUTION.replace("throw new TypeError('", "throw new TypeError( '"));
  expect(faults()).toEqual([
    `${SURVIVORS_FILE}: 05-summer 5:56 StringLiteral is stale: solutions/05-summer/summer.ts has "'numbers only | please" there, not "'numbers only | please'"; run "npm run mutation"`,
    expect.stringContaining('names 2 mutants of the current solutions, each triaged'),
  ]);
});

test('a row past the end of the solution is stale', () => {
  writeSurvivors([{ ...entries()[1]!, start: { line: 40, column: 1 }, end: { line: 40, column: 3 } }]);
  expect(faults()[0]).toMatch(/05-summer 40:1 StringLiteral is stale: solutions\/05-summer\/summer\.ts has nothing there/);
});

test('an untriaged row, or a loop or killed verdict on a mutant that did not time out, is a fault', () => {
  writeSurvivors(entries('TODO'));
  expect(faults()[0]).toMatch(/05-summer 5:56 StringLiteral \(survived\) is not triaged: its verdict is "TODO"$/);
  writeSurvivors(entries('loop: the summer loops'));
  expect(faults()[0]).toMatch(/is not triaged: its verdict is "loop: the summer loops"$/);
  writeSurvivors(entries('killed: "some test" fails on it'));
  expect(faults()[0]).toMatch(/is not triaged: its verdict is "killed: \\"some test\\" fails on it"$/);
});

test('a missing file or an unreadable row is a fault', () => {
  expect(faults()).toEqual([`${SURVIVORS_FILE} is missing; run "npm run mutation" to write it`]);
  fs.writeFileSync(path.join(scratch, SURVIVORS_FILE), '## 05-summer\n\n| 5:9 | EqualityOperator | no code here | `x` | survived | TODO |\n');
  expect(faults()[0]).toBe(`${SURVIVORS_FILE} line 3: not a row of | at | mutator | original | replacement | status | verdict |`);
});

describe("the report after Stryker's run", () => {
  const mutant = (status: string, line = 5, killedBy?: string[]) => ({
    mutatorName: 'StringLiteral',
    replacement: '""',
    status,
    location: { start: { line, column: 56 }, end: { line, column: 79 } },
    ...(killedBy ? { killedBy } : {}),
  });
  const reportWith = (mutants: ReturnType<typeof mutant>[], source = SOLUTION) => ({
    files: { 'solutions/05-summer/summer.ts': { source, mutants } },
    testFiles: { 'grader/specs/05-summer.spec.ts': { tests: [{ id: '7', name: 'summer: the message' }] } },
  });

  test('keeps a verdict an author wrote, and lists a new survivor as TODO, in the order of the source', () => {
    const old = entries().slice(1);
    // Stryker lists the later one first; the file lists them as they come in the source.
    const block = { ...mutant('NoCoverage', 3), mutatorName: 'BlockStatement' };
    const built = buildEntries(reportWith([mutant('Survived'), block]), [exercise], old).get('05-summer')!;
    expect(built.map((e) => [e.mutator, e.status, e.verdict])).toEqual([
      ['BlockStatement', 'no coverage', 'TODO'],
      ['StringLiteral', 'survived', old[0]!.verdict],
    ]);
  });

  test('a listed mutant that a test now kills says which test; an unlisted killed one is left out', () => {
    const built = buildEntries(reportWith([mutant('Killed', 5, ['7'])]), [exercise], entries().slice(1)).get('05-summer')!;
    expect(built.map((e) => e.verdict)).toEqual(['killed by "summer: the message"']);
    expect(buildEntries(reportWith([mutant('Killed', 5, ['7'])]), [exercise], []).get('05-summer')).toEqual([]);
  });

  test('a verdict follows its mutant when the code around it moves down a line', () => {
    const moved = `// a comment\n${SOLUTION}`;
    const built = buildEntries(reportWith([mutant('Survived', 6)], moved), [exercise], entries().slice(1)).get('05-summer')!;
    expect(built[0]).toMatchObject({ start: { line: 6, column: 56 }, verdict: entries()[1]!.verdict });
  });

  test('the triaged score leaves equivalents out and counts a timeout only with a loop or killed verdict', () => {
    const report = reportWith([mutant('Killed'), mutant('Survived'), mutant('Timeout'), mutant('Timeout'), mutant('Timeout')]);
    const listed: SurvivorEntry[] = [
      { ...entries()[1]!, status: 'survived', verdict: 'equivalent: wording' },
      { ...entries()[1]!, status: 'timeout', verdict: 'loop: the README says the summer loops until closed' },
      { ...entries()[1]!, status: 'timeout', verdict: 'killed: "summer: the message" fails on it' },
      { ...entries()[1]!, status: 'timeout', verdict: 'TODO' },
    ];
    const score = scoreOf('05-summer', report, exercise, listed);
    expect(score).toMatchObject({ mutants: 5, killed: 1, timeout: 3, loops: 2, equivalent: 1, untriaged: 1, strykerScore: 80 });
    // (1 killed + 2 timeouts triaged as killed) of (5 - 1 equivalent)
    expect(score.triagedScore).toBe(75);
  });
});
