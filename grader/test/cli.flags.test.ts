/**
 * Every flag either works in every mode it is accepted in, or is refused: argv in, and either
 * the command called with the options it parsed, or exit 2 with one line saying why. The
 * commands are stand-ins that record their call, so this runs in milliseconds.
 */
import type { Commands } from '../src/cli';
import { main } from '../src/index';

interface Call {
  command: keyof Commands;
  options: unknown;
}

async function run(args: string[]): Promise<{ code: number; calls: Call[]; errors: string }> {
  const calls: Call[] = [];
  const record =
    <K extends keyof Commands>(command: K) =>
    (options: unknown) => {
      calls.push({ command, options });
      return (command === 'hint' || command === 'merge' || command === 'render' || command === 'readme' ? 0 : Promise.resolve(0)) as never;
    };
  const commands = Object.fromEntries(
    (['grade', 'watch', 'list', 'hint', 'verify', 'batch', 'merge', 'render', 'release', 'readme', 'bench', 'smoke', 'trace'] as const).map((name) => [name, record(name)]),
  ) as unknown as Commands;
  let errors = '';
  const code = await main(['node', 'grader', ...args], commands, (text) => (errors += text));
  return { code, calls, errors };
}

describe('accepted: the command gets what the flags say', () => {
  test.each<[string, string[], keyof Commands, Record<string, unknown>]>([
    ['grade, defaults', ['grade'], 'grade', { target: 'exercises', format: 'text', visibility: 'visible', typecheck: true, strictTypes: false, sandbox: true }],
    ['grade a submission to a file', ['grade', '--submission', 's', '--format', 'json', '--output', 'r.json'], 'grade', { submission: 's', format: 'json', output: 'r.json' }],
    ['grade a submission without the sandbox', ['grade', '--submission', 's', '--no-sandbox'], 'grade', { submission: 's', sandbox: false }],
    ['gradescope with a visibility', ['grade', '--format', 'gradescope', '--visibility', 'hidden'], 'grade', { format: 'gradescope', visibility: 'hidden' }],
    ['strict types', ['grade', '--strict-types'], 'grade', { strictTypes: true, typecheck: true }],
    ['a timeout and a threshold', ['grade', '--timeout', '2.5', '--fail-under', '60'], 'grade', { timeout: 2.5, failUnder: 60 }],
    ['classroom', ['grade', '--format', 'classroom'], 'grade', { format: 'classroom' }],
    ['prairielearn', ['grade', '--exercise', '05', '--format', 'prairielearn', '--output', 'results.json'], 'grade', { format: 'prairielearn', exercise: ['05'] }],
    ['watch, with what it honours', ['grade', '--watch', '--target', 'mine', '--exercise', '05', '06', '--timeout', '3', '--no-typecheck'], 'watch', {
      target: 'mine',
      exercise: ['05', '06'],
      timeout: 3,
      typecheck: false,
      strictTypes: false,
    }],
    ['watch with strict types', ['grade', '--watch', '--strict-types'], 'watch', { strictTypes: true, typecheck: true }],
    ['watch with the text format named', ['grade', '--watch', '--format', 'text'], 'watch', { target: 'exercises' }],
    ['list', ['list', '--target', 'mine'], 'list', { target: 'mine', status: true }],
    ['list without status', ['list', '--no-status'], 'list', { status: false }],
    ['list in Korean', ['list', '--no-status', '--lang', 'ko'], 'list', { status: false, lang: 'ko' }],
    ['hint', ['hint', '05', '--all', '--lang', 'ko'], 'hint', { exercise: '05', all: true, lang: 'ko', reset: false }],
    ['verify', ['verify'], 'verify', { repeat: 1 }],
    ['verify, repeated', ['verify', '--repeat', '3'], 'verify', { repeat: 3 }],
    ['verify, some exercises', ['verify', '--exercise', '05', 'averager'], 'verify', { repeat: 1, exercise: ['05', 'averager'] }],
    ['batch', ['batch', 'class', '--out', 'g', '--shard', '1/2', '--no-sandbox', '--no-progress'], 'batch', {
      dir: 'class',
      out: 'g',
      shard: '1/2',
      sandbox: false,
      progress: false,
    }],
    ['merge', ['merge', 'a', 'b', '--out', 'g'], 'merge', { dirs: ['a', 'b'], out: 'g', preferNewer: false }],
    ['merge, keeping the newer of conflicting reports', ['merge', 'a', 'b', '--out', 'g', '--prefer-newer'], 'merge', { dirs: ['a', 'b'], out: 'g', preferNewer: true }],
    ['render', ['render', 'r.json', '--format', 'junit', '--output', 'j.xml'], 'render', { report: 'r.json', format: 'junit', output: 'j.xml' }],
    ['render for gradescope', ['render', 'r.json', '--format', 'gradescope', '--visibility', 'after_due_date'], 'render', { visibility: 'after_due_date' }],
    ['release', ['release', '--out', 'h', '--force'], 'release', { out: 'h', force: true, allowChangedStubs: false }],
    ['release, shipping changed stubs', ['release', '--out', 'h', '--allow-changed-stubs'], 'release', { out: 'h', force: false, allowChangedStubs: true }],
    ['readme --check', ['readme', '--check'], 'readme', { check: true }],
    ['trace', ['trace', '05', '--target', 'mine'], 'trace', { exercise: '05', target: 'mine' }],
    ['trace in Korean', ['trace', '05', '--lang', 'ko'], 'trace', { exercise: '05', lang: 'ko' }],
    ['bench, defaults', ['bench'], 'bench', { runs: 3, submissions: 50, slope: '10,50,200', inPlace: false }],
    ['smoke, defaults', ['smoke'], 'smoke', { keep: false }],
    ['smoke, keeping its copies', ['smoke', '--keep'], 'smoke', { keep: true }],
    ['bench, some sections', ['bench', '--only', 'warm,memory', '--runs', '5', '--in-place'], 'bench', { only: 'warm,memory', runs: 5, inPlace: true }],
  ])('%s', async (_what, args, command, options) => {
    const result = await run(args);
    expect(result.errors).toBe('');
    expect(result.code).toBe(0);
    expect(result.calls).toHaveLength(1);
    expect(result.calls[0]!.command).toBe(command);
    expect(result.calls[0]!.options).toMatchObject(options);
  });

  test('watch is never handed a flag it would ignore', async () => {
    const { calls } = await run(['grade', '--watch']);
    expect(Object.keys(calls[0]!.options as object).sort()).toEqual(['strictTypes', 'target', 'typecheck']);
  });
});

describe('refused: exit 2, one line saying why, and no command runs', () => {
  test.each<[string, string[], RegExp]>([
    ['watch with a submission', ['grade', '--watch', '--submission', 's'], /--watch cannot be combined with --submission/],
    ['watch with a format', ['grade', '--watch', '--format', 'json'], /--watch cannot be combined with --format/],
    ['watch with an output', ['grade', '--watch', '--output', 'r.txt'], /--watch cannot be combined with --output/],
    ['watch with a threshold', ['grade', '--watch', '--fail-under', '50'], /--watch cannot be combined with --fail-under/],
    ['watch with a visibility', ['grade', '--watch', '--visibility', 'hidden'], /--visibility only applies to --format gradescope/],
    ['watch without the sandbox', ['grade', '--watch', '--no-sandbox'], /--no-sandbox only applies with --submission/],
    ['no sandbox to turn off', ['grade', '--no-sandbox'], /--no-sandbox only applies with --submission/],
    ['a visibility for another format', ['grade', '--format', 'json', '--visibility', 'hidden'], /--visibility only applies to --format gradescope/],
    ['strict types without the type check', ['grade', '--strict-types', '--no-typecheck'], /--strict-types needs the type check/],
    ['a target and a submission', ['grade', '--target', 'x', '--submission', 's'], /cannot be used with option '--target/],
    ['a status target without status', ['list', '--no-status', '--target', 'x'], /--target has no use with --no-status/],
    ['render with a visibility for another format', ['render', 'r.json', '--visibility', 'hidden'], /--visibility only applies to --format gradescope/],
    ['verify repeated zero times', ['verify', '--repeat', '0'], /whole number of at least 1/],
    ['verify repeated a fraction of times', ['verify', '--repeat', '1.5'], /whole number of at least 1/],
    ['bench with no runs', ['bench', '--runs', '0'], /whole number of at least 1/],
  ])('%s', async (_what, args, reason) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.calls).toEqual([]);
    expect(result.errors).toMatch(reason);
    expect(result.errors.trim().split('\n')).toHaveLength(1);
  });
});
