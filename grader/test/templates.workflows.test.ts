/**
 * The GitHub workflow templates call the grader: every such call must be one the command line
 * accepts as written (a renamed or refused flag would break every class that copied them),
 * and the class template must split by --shard and join with merge, as the README says.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Commands } from '../src/cli';
import { main } from '../src/index';
import { KIT_ROOT } from './helpers';

const TEMPLATES = path.join(KIT_ROOT, '.github', 'templates');

/** The `run:` scripts of a workflow: one line, or a folded (`>-`) or literal (`|`) block. */
function runScripts(yaml: string): string[] {
  const lines = yaml.split('\n');
  const scripts: string[] = [];
  lines.forEach((line, i) => {
    const match = /^(\s*)(?:- )?run: ?(.*)$/.exec(line);
    if (!match) return;
    const [, indent, rest] = match;
    if (rest !== '>-' && rest !== '|' && rest !== '>') {
      scripts.push(rest!);
      return;
    }
    const block: string[] = [];
    for (let j = i + 1; j < lines.length && (lines[j]!.trim() === '' || lines[j]!.search(/\S/) > indent!.length); j++) block.push(lines[j]!.trim());
    scripts.push(block.join(rest === '|' ? '\n' : ' '));
  });
  return scripts;
}

/** The workflow's top-level `env:` values. */
function envOf(yaml: string): Map<string, string> {
  const block = /^env:\n((?: {2}.*\n)+)/m.exec(yaml)?.[1] ?? '';
  return new Map([...block.matchAll(/^ {2}(\w+): (.*)$/gm)].map((m) => [m[1]!, m[2]!.trim()]));
}

/** The arguments of each `npx coroutine-grader …` call, with the workflow's own values for its variables. */
function graderCalls(yaml: string): string[][] {
  const env = envOf(yaml);
  return runScripts(yaml)
    .flatMap((script) => script.split('\n'))
    .filter((command) => command.includes('npx coroutine-grader '))
    .map((command) =>
      command
        .slice(command.indexOf('npx coroutine-grader ') + 'npx coroutine-grader '.length)
        .replace(/\$\{\{[^}]*\}\}/g, '1')
        .replace(/\$(\w+)/g, (_all, name: string) => env.get(name) ?? 'x')
        .match(/"[^"]*"|\S+/g)!
        .map((arg) => arg.replace(/^"|"$/g, '')),
    );
}

async function parse(args: string[]): Promise<{ code: number; command?: string; errors: string }> {
  let command: string | undefined;
  const commands = new Proxy({} as Commands, {
    get: (_target, name) => () => {
      command = String(name);
      return ['hint', 'merge', 'render', 'readme'].includes(command) ? 0 : Promise.resolve(0);
    },
  });
  let errors = '';
  const code = await main(['node', 'grader', ...args], commands, (text) => (errors += text));
  return { code, ...(command ? { command } : {}), errors };
}

const templates = fs.readdirSync(TEMPLATES).filter((f) => f.endsWith('.yml'));

test('there are templates, and each calls the grader', () => {
  expect(templates.sort()).toEqual(['grade-class.yml', 'grade-submission.yml']);
  for (const file of templates) expect(graderCalls(fs.readFileSync(path.join(TEMPLATES, file), 'utf8')).length).toBeGreaterThan(0);
});

test.each(templates)('%s: every grader call is accepted by the command line as written', async (file) => {
  for (const args of graderCalls(fs.readFileSync(path.join(TEMPLATES, file), 'utf8'))) {
    const result = await parse(args);
    expect([args.join(' '), result.errors]).toEqual([args.join(' '), '']);
    expect(result.code).toBe(0);
  }
});

test('the class template shards with batch and joins with merge; the submission template feeds Classroom its result', () => {
  const classCalls = graderCalls(fs.readFileSync(path.join(TEMPLATES, 'grade-class.yml'), 'utf8'));
  expect(classCalls.map((c) => c[0])).toEqual(['batch', 'merge']);
  expect(classCalls[0]).toContain('--shard');
  const submission = fs.readFileSync(path.join(TEMPLATES, 'grade-submission.yml'), 'utf8');
  expect(submission).toContain('classroom-resources/autograding-grading-reporter@v1');
  // The reporter reads <RUNNER ID>_RESULTS; the grader's step (id: grader) writes `result`.
  expect(submission).toMatch(/id: grader\n/);
  expect(submission).toContain('GRADER_RESULTS: ${{ steps.grader.outputs.result }}');
  expect(submission).toMatch(/runners: grader\n/);
  expect(graderCalls(submission).some((c) => c.includes('--format') && c[c.indexOf('--format') + 1] === 'github')).toBe(true);
});

describe("the kit's own workflow", () => {
  const kit = fs.readFileSync(path.join(KIT_ROOT, '.github', 'workflows', 'kit.yml'), 'utf8');
  const scripts = Object.keys((JSON.parse(fs.readFileSync(path.join(KIT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
  /** The list after `key:` in the job `job`. */
  const matrix = (job: string, key: string): string[] => {
    const body = kit.slice(kit.indexOf(`\n  ${job}:\n`));
    return /\[([^\]]*)\]/.exec(body.slice(body.indexOf(`${key}:`)))![1]!.split(',').map((v) => v.trim());
  };

  test('runs only scripts the kit has, npm test through .ci/run', () => {
    const named = [...kit.matchAll(/npm run (\w+)/g)].map((m) => m[1]!);
    expect(named).toEqual(expect.arrayContaining(['grade', 'smoke']));
    for (const name of named) expect(scripts).toContain(name);
    expect(kit).toContain('run: bash .ci/run');
  });

  test('tests every Node.js line in use, and smokes the supported ones on Linux, macOS and Windows', () => {
    expect(matrix('test', 'node')).toEqual(['20', '22', '24', '26']);
    expect(matrix('smoke', 'os').sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest']);
    expect(matrix('smoke', 'node')).toEqual(['22', '24', '26']);
  });
});

/** The workflow's top-level `permissions:` block, as `scope: access` pairs. */
function permissionsOf(yaml: string): Record<string, string> {
  const block = /^permissions:\n((?:(?: {2}.*)?\n)+?)(?=\S)/m.exec(yaml)?.[1] ?? '';
  return Object.fromEntries([...block.matchAll(/^ {2}([\w-]+): (\w+)/gm)].map((m) => [m[1]!, m[2]!]));
}

test("the submission template grants what Classroom's reporter documents, and no more", () => {
  // The reporter's README ("Usage") gives `actions: read` and `contents: read`: it records the
  // points as a notice annotation, and stopped writing to the checks API.
  const submission = fs.readFileSync(path.join(TEMPLATES, 'grade-submission.yml'), 'utf8');
  expect(permissionsOf(submission)).toEqual({ actions: 'read', contents: 'read' });
  expect(permissionsOf(fs.readFileSync(path.join(TEMPLATES, 'grade-class.yml'), 'utf8'))).toEqual({ contents: 'read' });
});
