import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyEdits, loadMutantsFile, mutantsFileOf } from '../src/mutants';

const solution = ['let total = start;', 'while (true) {', '  total += value;', '}', ''].join('\n');

describe('applyEdits', () => {
  test('replaces a from that occurs once, taking to literally', () => {
    const edited = applyEdits(solution, [['let total = start;', "let total = '$&';"]]);
    expect(edited).toEqual({ text: solution.replace('let total = start;', () => "let total = '$&';"), problems: [] });
  });

  test('reports a from that does not occur, and still applies the other edits', () => {
    const edited = applyEdits(solution, [
      ['let total = 0;', 'let total = 1;'],
      ['while (true)', 'for (;;)'],
    ]);
    expect(edited.problems).toEqual([{ edit: 1, from: 'let total = 0;', occurrences: 0 }]);
    expect(edited.text).toContain('let total = start;');
    expect(edited.text).toContain('for (;;) {');
  });

  test('reports a from that occurs more than once, and leaves the text as it was', () => {
    const edited = applyEdits(solution, [['total', 'sum']]);
    expect(edited).toEqual({ text: solution, problems: [{ edit: 1, from: 'total', occurrences: 2 }] });
  });

  test('counts overlapping occurrences as ambiguous', () => {
    expect(applyEdits('aaa', [['aa', 'b']]).problems).toEqual([{ edit: 1, from: 'aa', occurrences: 2 }]);
  });

  test('applies the edits in order, each to the text the earlier ones left', () => {
    const edited = applyEdits(solution, [
      ['let total = start;', 'let sum = start;'],
      ['let sum', 'const sum'],
      ['total += value;', 'sum += value;'],
      ['sum', 'total'],
    ]);
    expect(edited.text).toBe(['const sum = start;', 'while (true) {', '  sum += value;', '}', ''].join('\n'));
    expect(edited.problems).toEqual([{ edit: 4, from: 'sum', occurrences: 2 }]);
  });
});

describe('loadMutantsFile', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mutants-test-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const load = (name: string, text: string) => {
    const file = path.join(dir, `${name}.ts`);
    fs.writeFileSync(file, text);
    return loadMutantsFile(file);
  };
  const mutantsFile = (mutants: string) => `import type { Mutant } from '../src/mutants';\n\nexport default ${mutants} satisfies Mutant[];\n`;
  const wellFormed = "{ name: 'ignores-start', violates: 'Priming yields start.', edits: [['let total = start;', 'let total = 0;']] }";

  test('reads a well-formed file with its type import', () => {
    expect(load('05-summer', mutantsFile(`[${wellFormed}]`))).toEqual({
      ok: true,
      mutants: [{ name: 'ignores-start', violates: 'Priming yields start.', edits: [['let total = start;', 'let total = 0;']] }],
    });
  });

  test('takes a missing file for an exercise with no mutants', () => {
    expect(loadMutantsFile(mutantsFileOf(dir, '15-missing'))).toEqual({ ok: true, mutants: [] });
  });

  test.each([
    ['a syntax error', mutantsFile('[{ name: }]'), /^line 3: /],
    ['no default export', 'export const mutants = [];\n', /default export must be an array/],
    ['an object instead of a list', mutantsFile(wellFormed), /default export must be an array/],
    ['a name that is not kebab-case', mutantsFile(`[${wellFormed.replace('ignores-start', 'Ignores start')}]`), /mutant 1 needs a kebab-case name/],
    ['two mutants of one name', mutantsFile(`[${wellFormed}, ${wellFormed}]`), /two mutants are named "ignores-start"/],
    ['no violates', mutantsFile(`[${wellFormed.replace("'Priming yields start.'", "''")}]`), /ignores-start: violates must name the contract line/],
    ['no edits', mutantsFile("[{ name: 'a', violates: 'b', edits: [] }]"), /a: edits must be a non-empty list/],
    ['an edit that is not a pair', mutantsFile("[{ name: 'a', violates: 'b', edits: [['x']] }]"), /a: edit 1 must be a \[from, to\] pair/],
    ['an empty from', mutantsFile("[{ name: 'a', violates: 'b', edits: [['x', 'y'], ['', 'y']] }]"), /a: edit 2 must be .* non-empty from/],
    ['a value import', `import fs from 'node:fs';\nexport default [fs];\n`, /loading it threw: require\("node:fs"\): a mutants file may import only types/],
    ['a throw at load', 'throw new Error("boom");\n', /loading it threw: boom/],
  ])('reports %s as a one-line problem', (_what, text, pattern) => {
    const loaded = load('malformed', text);
    expect(loaded.ok).toBe(false);
    const problem = loaded.ok ? '' : loaded.problem;
    expect(problem).toMatch(pattern);
    expect(problem).not.toContain('\n');
  });
});
