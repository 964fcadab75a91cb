/**
 * The process `trace` runs student code in (./run.ts starts it, and stops it at its time limit):
 * it compiles TypeScript on require with the grader's own `compile`, loads the student's file
 * and the exercise's examples, runs each example with a recorder, and reports the timeline as
 * events (./protocol.ts).
 *
 * The recorder is the hidden specs' own (grader/specs/support/conversation.ts), loaded from its
 * source here: one recorder, one way of describing values safely, in the specs' failure
 * messages and in the trace alike. It lives outside grader/src, so only its shape is known here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import pc from 'picocolors';
import type * as TypeScript from 'typescript';
import { compile } from '../protocol/compile';
import { endWithParent } from '../protocol/lifeline';
import { describeThrown } from '../protocol/thrown';
import { EVENTS_FD, type TraceEvent, type TraceRequest } from './protocol';

/** What the child uses of a recorder entry and a conversation. */
interface Entry {
  number: number;
  depth: number;
  name: string;
  call: string;
  kind: 'created' | 'call' | 'note';
  answer?: { kind: string };
}
interface Conversation {
  readonly entries: readonly Entry[];
  readonly length: number;
  note(text: string): void;
  lines(entries: readonly Entry[], style: Style, widths: { number: number; head: number; answer: number }): string[];
}
interface Style {
  yielded(text: string): string;
  returned(text: string): string;
  threw(text: string): string;
  state(text: string): string;
  dim(text: string): string;
}
interface Recorder {
  Conversation: new (hooks: { onBegin(entry: Entry): void; onEnd(entry: Entry): void }) => Conversation;
}
interface Example {
  title: string;
  titleKo?: string;
  run(module: unknown, talk: Conversation): unknown;
}

/** A timeline longer than this is counted, not shown: a driver gone round in circles. */
const STEPS_SHOWN = 300;
/** Past the steps shown, a begun step is reported at most this often (each report is a write). */
const RUNNING_EVERY_MS = 50;
/** Fixed columns, so that the pieces of a timeline printed as it goes line up. */
const WIDTHS = { number: 3, head: 26, answer: 30 };

function send(event: TraceEvent): void {
  fs.writeSync(EVENTS_FD, `${JSON.stringify(event)}\n`);
}

function oneLine(error: unknown): string {
  const safe = describeThrown(error);
  return `${safe.name}: ${safe.message}`.split('\n')[0]!;
}

/** `require` of a `.ts` file compiles it as a grading run would: transpiled, not type-checked. */
function compileOnRequire(ts: typeof TypeScript): void {
  const extensions = require.extensions as unknown as Record<string, (module: { _compile(code: string, file: string): void }, file: string) => void>;
  extensions['.ts'] = (module, file) => {
    // A syntax error names the file as the student would type it.
    const relative = path.relative(process.cwd(), file);
    const shown = relative && !relative.startsWith('..') ? relative : file;
    module._compile(compile(ts, fs.readFileSync(file, 'utf8'), shown).code, file);
  };
}

function styleOf(color: boolean): Style {
  const c = pc.createColors(color);
  return { yielded: c.green, returned: c.cyan, threw: c.red, state: c.dim, dim: c.dim };
}

/** What the code printed while an example ran becomes a line of its timeline. */
function captureConsole(current: () => Conversation | undefined): void {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      const talk = current();
      if (talk) talk.note(`printed: ${format(...args)}`);
      else original(...args);
    };
  }
}

function loadExamples(request: TraceRequest): Example[] | string {
  let loaded: { default?: unknown };
  try {
    loaded = require(request.examplesFile) as { default?: unknown };
  } catch (error) {
    return `${request.examplesLabel} could not be loaded: ${oneLine(error)}`;
  }
  const examples = loaded.default;
  const valid =
    Array.isArray(examples) &&
    examples.every(
      (e: unknown) =>
        typeof e === 'object' && e !== null && typeof (e as Example).title === 'string' && typeof (e as Example).run === 'function' &&
        ((e as Example).titleKo === undefined || typeof (e as Example).titleKo === 'string'),
    );
  return valid ? (examples as Example[]) : `${request.examplesLabel} must export a default list of examples, each { title, run(m, talk) }.`;
}

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2]!) as TraceRequest;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  compileOnRequire(require('typescript') as typeof TypeScript);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const recorder = require(request.recorderFile) as Recorder;
  const style = styleOf(request.color);
  let current: Conversation | undefined;
  captureConsole(() => current);
  // A timer or callback of the student's code that throws would end the process with a stack.
  process.on('uncaughtException', (error) => {
    send({ type: 'problem', message: `${request.studentLabel} threw outside the examples' own calls (in a timer or a callback?): ${oneLine(error)}` });
    process.exit(1);
  });
  send({ type: 'ready' });

  let module: Record<string, unknown>;
  try {
    module = require(request.studentFile) as Record<string, unknown>;
  } catch (error) {
    send({ type: 'problem', message: `${request.studentLabel} could not be loaded: ${oneLine(error)}` });
    return;
  }
  const missing = request.exports.filter((name) => module[name] === undefined);
  if (missing.length > 0) {
    send({ type: 'problem', message: `${request.studentLabel} does not export ${missing.join(', ')}; the exercise's README says what it must export.` });
    return;
  }
  const examples = loadExamples(request);
  if (typeof examples === 'string') {
    send({ type: 'problem', message: examples });
    return;
  }

  for (const [index, example] of examples.entries()) {
    send({ type: 'example', number: index + 1, title: (request.lang === 'ko' && example.titleKo) || example.title });
    let shown = 0;
    let reportedAt = 0;
    const talk: Conversation = new recorder.Conversation({
      onBegin: (entry) => {
        if (entry.number > STEPS_SHOWN && Date.now() - reportedAt < RUNNING_EVERY_MS) return;
        reportedAt = Date.now();
        send({ type: 'running', what: `${entry.name}.${entry.call}` });
      },
      onEnd: (entry) => {
        // Inner calls finish before the call they are part of: print once the outermost has.
        if (entry.depth > 0) return;
        // An async generator's step is told when its promise settles: print up to the first still waiting.
        let end = shown;
        while (end < STEPS_SHOWN && end < talk.entries.length && !(talk.entries[end]!.kind === 'call' && talk.entries[end]!.answer === undefined)) end++;
        printUpTo(end);
      },
    });
    const printUpTo = (end: number): void => {
      const ready = talk.entries.slice(shown, end);
      shown += ready.length;
      if (ready.length > 0) send({ type: 'lines', lines: talk.lines(ready, style, WIDTHS) });
    };
    current = talk;
    let stopped = false;
    try {
      await example.run(module, talk);
    } catch (error) {
      stopped = true;
      const last = talk.entries.at(-1);
      // An error a step already shows is not told twice.
      const told = last?.kind === 'call' && last.answer?.kind === 'threw' && last.depth === 0;
      talk.note(told ? 'the example stops here: nothing caught that error' : `the example stops here: ${oneLine(error)}`);
    }
    current = undefined;
    // Steps whose promise never settled, shown as still running.
    printUpTo(STEPS_SHOWN);
    if (talk.length > STEPS_SHOWN) send({ type: 'lines', lines: [style.dim(`    … and ${talk.length - STEPS_SHOWN} more steps, not shown`)] });
    send({ type: 'example-done', steps: talk.length, stopped });
  }
  send({ type: 'done' });
}

// Student code may loop forever: this process must not outlive the grader that started it.
endWithParent();
main().catch((error: unknown) => {
  send({ type: 'problem', message: `the trace failed inside: ${oneLine(error)}` });
});
