/**
 * The self-check's own checks on a small kit made for each case: a reference solution that
 * needs more than half its budget, and a spec whose verdict changes from run to run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyCommand } from '../src/commands/verify';
import { loadCourse } from '../src/course';
import { locateKit } from '../src/kit';
import { FIXTURE_KIT, FIXTURE_TARGETS } from './helpers';

jest.setTimeout(120_000);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-checks-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A copy of the fixture kit with both solutions, and `change` applied to it. */
function kitWith(name: string, change: (root: string) => void): string {
  const root = path.join(scratch, name);
  fs.cpSync(FIXTURE_KIT, root, { recursive: true });
  const loader = path.resolve(FIXTURE_KIT, '..', '..', '..', 'specs', 'support', 'target');
  for (const spec of fs.readdirSync(path.join(root, 'grader', 'specs'))) {
    const file = path.join(root, 'grader', 'specs', spec);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace("'../../../../../specs/support/target'", JSON.stringify(loader)));
  }
  fs.cpSync(path.join(FIXTURE_TARGETS, 'pass', '02-beta'), path.join(root, 'solutions', '02-beta'), { recursive: true });
  change(root);
  return root;
}

async function verifyLines(root: string, repeat: number, exercise?: string[], updateSignatures = false): Promise<string[]> {
  const kit = locateKit(root);
  let printed = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed += String(chunk);
    return true;
  });
  try {
    await verifyCommand({ repeat, ...(exercise ? { exercise } : {}), updateSignatures }, { kit, course: loadCourse(kit.manifestPath) }).catch(() => 1);
  } finally {
    write.mockRestore();
  }
  return printed.split('\n');
}

test('a reference solution that uses more than half its budget is a fault, named with its time', async () => {
  const root = kitWith('slow', (kit) => {
    // Beta's budget is 2 s; each of its three tests waits 0.5 s.
    fs.writeFileSync(
      path.join(kit, 'solutions', '02-beta', 'beta.ts'),
      'export function later(n: number): Promise<number> {\n  return new Promise((resolve) => setTimeout(() => resolve(n * 10), 500));\n}\n',
    );
  });
  const lines = await verifyLines(root, 1);
  expect(lines.find((l) => l.includes('02-beta solution runs within half its budget'))).toMatch(/^✗ 02-beta solution runs within half its budget \(1\.\d\d s of 2 s\)$/);
  // The quick one is not flagged.
  expect(lines.some((l) => l.includes('01-alpha solution runs within half'))).toBe(false);
});

test('verify --repeat names a test whose status changes between runs', async () => {
  const counter = path.join(scratch, 'runs.txt');
  const root = kitWith('flaky', (kit) => {
    // Alpha's first test passes on odd runs only: a spec that depends on something outside it.
    const spec = path.join(kit, 'grader', 'specs', '01-alpha.spec.ts');
    const text = fs.readFileSync(spec, 'utf8').replace(
      "test('doubles one', () => expect(m.double(1)).toBe(2));",
      [
        "test('doubles one', () => {",
        // Loaded first, so that only the runs that reach the solution are counted.
        '  const value = m.double(1);',
        `  const file = ${JSON.stringify(counter)};`,
        "  const runs = Number(require('node:fs').existsSync(file) ? require('node:fs').readFileSync(file, 'utf8') : 0) + 1;",
        "  require('node:fs').writeFileSync(file, String(runs));",
        '  expect(runs % 2 === 1 ? value : 0).toBe(2);',
        '});',
      ].join('\n'),
    );
    expect(text).toContain('runs % 2');
    fs.writeFileSync(spec, text);
  });
  const lines = await verifyLines(root, 2);
  expect(lines).toContain('✗ flaky: solutions › 01-alpha › double > doubles one was passed, then failed in run 2');
  expect(lines).toContain('✗ every test of the solutions and known-wrong implementations kept its status over 2 runs');
});

test('verify --exercise checks only those exercises, and the kit-wide checks still', async () => {
  const root = kitWith('one-broken', (kit) => {
    // Beta's stub passes its tests: a fault of 02 that only a check of 02 finds.
    fs.cpSync(path.join(kit, 'solutions', '02-beta'), path.join(kit, 'exercises', '02-beta'), { recursive: true });
  });
  const faults = (lines: string[]) => lines.filter((l) => l.startsWith('✗'));
  const about = (lines: string[], id: string) => faults(lines).filter((l) => l.includes(id));
  const all = await verifyLines(root, 1);
  expect(faults(all)).toContain('✗ 02-beta stub earns zero (3 tests pass)');
  // Among an exercise's files: its trace examples.
  expect(about(all, '02-beta has its files')).toEqual([expect.stringContaining('exercises/02-beta/trace.ts')]);
  const kitWide = faults(all).filter((l) => !l.includes('01-alpha') && !l.includes('02-beta'));
  expect(kitWide.length).toBeGreaterThan(0);

  const alpha = await verifyLines(root, 1, ['01']);
  expect(about(alpha, '02-beta')).toEqual([]);
  expect(about(alpha, '01-alpha')).toEqual(about(all, '01-alpha'));
  expect(faults(alpha)).toEqual(expect.arrayContaining(kitWide));
  expect(alpha.at(-2)).toMatch(/^verify: \d+ passed, \d+ failed \(01-alpha and the kit-wide checks\)$/);

  const beta = await verifyLines(root, 1, ['beta']);
  expect(about(beta, '01-alpha')).toEqual([]);
  expect(about(beta, '02-beta')).toEqual(about(all, '02-beta'));
});

test('verify fails on a Korean text that slips into 해요체 or uses a banned variant, naming file and line', async () => {
  const root = kitWith('korean-voice', (kit) => {
    fs.writeFileSync(path.join(kit, 'grader', 'korean-voice.json'), JSON.stringify({ banned: [{ variant: '쓰레드', use: '스레드' }] }));
    fs.mkdirSync(path.join(kit, 'exercises', '01-alpha'), { recursive: true });
    fs.writeFileSync(path.join(kit, 'exercises', '01-alpha', 'README.ko.md'), '# 알파\n\n제너레이터는 멈출 수 있어요.\n\n쓰레드 하나로 충분합니다.\n');
  });
  const faults = (await verifyLines(root, 1, ['01'])).filter((l) => l.startsWith('✗'));
  expect(faults).toEqual(
    expect.arrayContaining([
      '✗ exercises/01-alpha/README.ko.md:3: 해요체 ending "있어요.": write it in 합니다체',
      '✗ exercises/01-alpha/README.ko.md:5: "쓰레드": the course writes "스레드"',
    ]),
  );
});

test("verify names what keeps a known mistake from being told to a student, and --update-signatures records the mistakes' failing tests", async () => {
  const mutant = (name: string, to: string, explanation?: { en: string; ko: string }) =>
    `  { name: '${name}', violates: 'double(n) is n times two.', ${explanation ? `explanation: ${JSON.stringify(explanation)}, ` : ''}edits: [['return n * 2;', ${JSON.stringify(to)}]] },`;
  const mutantsFile = (zeroKo: string) =>
    [
      'export default [',
      mutant('absolute-value', 'return Math.abs(n) * 2;', { en: 'Your double drops the sign of a negative number.', ko: '음수의 부호를 버려요.' }),
      mutant('root-of-square', 'return Math.sqrt(n * n) * 2;', { en: 'Your double loses the sign on the way.', ko: '계산하는 도중에 부호를 잃습니다.' }),
      mutant('adds-two', 'return n + 2;'),
      mutant('returns-zero', 'return 0;', { en: 'It is returns-zero.', ko: zeroKo }),
      '];',
      '',
    ].join('\n');
  const root = kitWith('known-mistakes', (kit) => {
    fs.mkdirSync(path.join(kit, 'grader', 'mutants'));
    fs.writeFileSync(path.join(kit, 'grader', 'mutants', '01-alpha.ts'), mutantsFile('언제나 0을 돌려줍니다.'));
  });
  const signatures = path.join(root, 'grader', 'mutants', 'signatures.json');
  const faults = (lines: string[]) => lines.filter((l) => l.startsWith('✗'));

  const first = faults(await verifyLines(root, 1, ['01']));
  expect(first).toEqual(
    expect.arrayContaining([
      '✗ grader/mutants/01-alpha.ts#absolute-value (Korean explanation): 해요체 ending "버려요.": write it in 합니다체',
      expect.stringMatching(/^✗ grader\/mutants\/01-alpha\.ts#adds-two has no explanation in English or Korean/),
      '✗ grader/mutants/01-alpha.ts#returns-zero: its English explanation names the mutant; say which rule the code breaks',
      '✗ every known-wrong implementation has an explanation in English and Korean (3 of 4)',
      '✗ grader/mutants/01-alpha.ts: absolute-value and root-of-square fail the same tests, so a student\'s grade cannot tell them apart: merge them, or add the test of the README that separates them',
      '✗ grader/mutants/signatures.json is missing: regenerate it with npm run signatures',
    ]),
  );
  expect(fs.existsSync(signatures)).toBe(false);

  const updated = faults(await verifyLines(root, 1, ['01'], true));
  expect(updated.filter((l) => l.includes('signatures.json'))).toEqual([]);
  const written = JSON.parse(fs.readFileSync(signatures, 'utf8')) as { generated: string; exercises: Record<string, Array<{ mutant: string; failing: string[] }>> };
  expect(written.generated).toMatch(/^Generated by `npm run signatures`/);
  // The one without an explanation cannot be shown to a student, so it is not recorded.
  expect(written.exercises['01-alpha']!.map((m) => [m.mutant, m.failing])).toEqual([
    ['absolute-value', ['double > doubles a negative number']],
    ['root-of-square', ['double > doubles a negative number']],
    ['returns-zero', ['double > doubles one', 'double > doubles two', 'double > doubles a negative number']],
  ]);
  expect(faults(await verifyLines(root, 1, ['01'])).filter((l) => l.includes('signatures.json'))).toEqual([]);

  // An explanation changed since: the file no longer says what a student would read.
  fs.writeFileSync(path.join(root, 'grader', 'mutants', '01-alpha.ts'), mutantsFile('언제나 0만 돌려줍니다.'));
  expect(faults(await verifyLines(root, 1, ['01']))).toContain('✗ grader/mutants/signatures.json is stale for 01-alpha: regenerate it with npm run signatures');
});
