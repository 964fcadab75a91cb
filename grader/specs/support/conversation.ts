/**
 * A recorder of what passes between a caller and the generators it drives: each call
 * (`next(20)`, `throw(DemoException)`, `return(5)`), what came back (yielded, returned or
 * thrown) and the generator's state afterwards, as Python's `inspect.getgeneratorstate` names it.
 *
 * Two users:
 * - the hidden specs, through `converse`: when a check fails, a student sees Jest's message
 *   followed by the few steps around the first answer that differed from what was expected.
 *   "Expected" comes from a model, a small correct generator the spec drives with the same calls;
 *   without one, the cut ends at the step the failing check came after;
 * - `npm run trace` (grader/src/trace), which loads this file in a process of its own to run an
 *   exercise's public examples (exercises/NN-slug/trace.ts) and print the whole timeline.
 *
 * Everything here may meet hostile student code: yielded values, results and thrown values are
 * described from their own property descriptors only, never by running a getter, a Proxy trap
 * or a `toString` (thrown values through ../../src/protocol/thrown.ts). Values are described
 * when they pass, since an object may change afterwards.
 *
 * An async generator's calls answer with a promise: such a step is told once the promise
 * settles, by what it settled to (`next(10) → yielded 10`), and compared with the model then.
 *
 * Recording keeps a generator's identity: its `next`, `throw` and `return` are shadowed by own
 * properties of the same object, so `toBe`, `instanceof`, `yield*` and `for…of` see the very
 * object the student made (or the test made, for a scheduler to drive).
 */
import { types } from 'node:util';
import { BUDGET_ERROR, TARGET_LOAD_ERROR } from '../../src/protocol/failures';
import { describeThrown } from '../../src/protocol/thrown';

export type GeneratorState = 'GEN_CREATED' | 'GEN_RUNNING' | 'GEN_SUSPENDED' | 'GEN_CLOSED';

type Method = 'next' | 'throw' | 'return';
const METHODS: readonly Method[] = ['next', 'throw', 'return'];

/** What came back from one call, already described. */
interface Answer {
  kind: 'yielded' | 'returned' | 'threw' | 'answered';
  text: string;
  state: GeneratorState;
}

export interface Entry {
  /** 1-based place in the conversation. */
  number: number;
  /** How many recorded calls were running when this one began (a delegate's calls are nested). */
  depth: number;
  kind: 'created' | 'call' | 'note';
  /** The generator, as the recorder was told to name it. */
  name: string;
  /** `next(20)`, `throw(DemoException)`, `return()`; what made the generator; a note's text. */
  call: string;
  /** Set when the call has come back. */
  answer?: Answer;
  /** What the call added to the watched log, described. */
  logged?: string[];
  /** What the model answered instead, when that differs. */
  expected?: string;
}

export interface RecordOptions {
  /** An array the generator writes to: each step shows what it added. */
  log?: readonly unknown[];
  /**
   * A correct generator (or any iterator) to drive with the same calls: the first step whose
   * answer differs from the model's is the one a failure message is cut around.
   */
  model?: Iterator<unknown, unknown, never>;
  /** The model's own log, compared with `log` step by step. */
  modelLog?: readonly unknown[];
  /** The state the generator is in when it is handed over (a primed sink is GEN_SUSPENDED). */
  state?: GeneratorState;
  /** How it was made, when its name is short: `a` made by `summer(1000)` shows as `a = summer(1000)`. */
  madeBy?: string;
}

/** Colours for the trace; the specs' messages are plain text. */
export interface Style {
  yielded(text: string): string;
  returned(text: string): string;
  threw(text: string): string;
  state(text: string): string;
  dim(text: string): string;
}

export const PLAIN: Style = { yielded: String, returned: String, threw: String, state: String, dim: String };

/** A described value stays short: the message around it is capped at 1200 characters. */
const VALUE_LIMIT = 60;
const ITEMS_SHOWN = 4;
/** Past this many entries only the count goes on (an endless driver must not fill the memory). */
const ENTRIES_KEPT = 5000;
/** Around the step a failure is cut at: at most this many steps before it and after it. */
const BEFORE = 6;
const AFTER = 2;
/** The transcript's share of a failure message; Jest's own message gets the rest of the budget. */
export const TRANSCRIPT_LIMIT = 520;
/** Jest's message and the transcript together; the student's stack frames follow within the cap. */
export const MESSAGE_BUDGET = 1000;
const LINE_LIMIT = 110;
const STATE_WIDTH = 'GEN_SUSPENDED'.length;

// ---------------------------------------------------------------------------------------------
// Describing values without running any of their code

function capped(text: string, limit = VALUE_LIMIT): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

type Found = { kind: 'data'; value: unknown } | { kind: 'absent' } | { kind: 'unsafe' };

/** A property found along the prototype chain by its descriptor alone (as thrown.ts does). */
function dataOf(object: object, key: PropertyKey): Found {
  let current: object | null = object;
  for (let depth = 0; current !== null && depth < 64; depth++) {
    if (types.isProxy(current)) return { kind: 'unsafe' };
    const descriptor = Reflect.getOwnPropertyDescriptor(current, key);
    if (descriptor) return 'value' in descriptor ? { kind: 'data', value: descriptor.value } : { kind: 'unsafe' };
    current = Reflect.getPrototypeOf(current);
  }
  return current === null ? { kind: 'absent' } : { kind: 'unsafe' };
}

function isObject(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/**
 * The realm's own promise prototype, as an async function's promise has it (the global
 * `Promise` may be another realm's), and its `then`: taken when this module loads, so that
 * what student code does to `Promise.prototype` later does not reach the recorder.
 */
const promisePrototype = Reflect.getPrototypeOf((async () => undefined)()) as object;
const promiseThen = (promisePrototype as Promise<unknown>).then;

/**
 * A promise the recorder may wait on without running any student code: a native promise of
 * this realm whose `then` and `constructor`, which waiting reads, are the built-in ones (no own
 * property of either name). Anything else is described as it is, like any other answer.
 */
function isPlainPromise(value: unknown): value is Promise<unknown> {
  return (
    types.isPromise(value) &&
    !types.isProxy(value) &&
    Reflect.getPrototypeOf(value) === promisePrototype &&
    Reflect.getOwnPropertyDescriptor(value, 'then') === undefined &&
    Reflect.getOwnPropertyDescriptor(value, 'constructor') === undefined
  );
}

/**
 * The realm's own classes, known by their prototypes. In a grading run the realm is locked
 * (../../src/jest-side/realm-lock.ts), which turns the built-in prototypes' `constructor`, `name`
 * and `message` into accessors; they cannot be read as data then, but a prototype can still be
 * recognised by identity, and the realm's globals cannot be replaced.
 */
const BUILT_IN_CLASSES = new Map<object, string>(
  [Object, Array, Map, Set, Promise, Date, RegExp, Error, TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError, AggregateError].map(
    (constructor) => [constructor.prototype as object, constructor.name],
  ),
);
const BUILT_IN_ERRORS = [Error, TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError, AggregateError].map((c) => c.prototype as object);

/** The first object along the prototype chain (the object itself included) that satisfies `test`. */
function alongChain(object: object, test: (current: object) => boolean): object | undefined {
  let current: object | null = object;
  for (let depth = 0; current !== null && depth < 64 && !types.isProxy(current); depth++) {
    if (test(current)) return current;
    current = Reflect.getPrototypeOf(current);
  }
  return undefined;
}

/** The name of the class that made an object: a built-in by its prototype, any other by a plain-data `constructor`. */
function classNameOf(object: object): string | undefined {
  let name: string | undefined;
  alongChain(object, (current) => {
    const builtIn = BUILT_IN_CLASSES.get(current);
    if (builtIn !== undefined) {
      name = builtIn;
      return true;
    }
    const constructor = Reflect.getOwnPropertyDescriptor(current, 'constructor');
    if (!constructor) return false;
    if (!('value' in constructor) || typeof constructor.value !== 'function' || types.isProxy(constructor.value)) return true;
    const own = Reflect.getOwnPropertyDescriptor(constructor.value, 'name');
    if (own && 'value' in own && typeof own.value === 'string' && own.value !== '') name = capped(own.value, 40);
    return true;
  });
  return name;
}

/** An error, or what looks like one (a `message` of its own kind): described as `Class: message`. */
function isErrorLike(value: unknown): value is object {
  if (!isObject(value) || types.isProxy(value)) return false;
  return types.isNativeError(value) || dataOf(value, 'message').kind !== 'absent';
}

/**
 * An error's class and the first line of its message. A message of the error's own, or the
 * built-in empty one, is read here; any other kind (a getter, a prototype of the student's) is
 * left to `describeThrown`.
 */
function errorParts(value: object): { name: string; message: string } {
  const holder = alongChain(value, (current) => Reflect.getOwnPropertyDescriptor(current, 'message') !== undefined);
  const own = holder === value ? Reflect.getOwnPropertyDescriptor(value, 'message') : undefined;
  let message: string;
  if (own && 'value' in own && typeof own.value === 'string') message = own.value;
  else if (holder !== undefined && BUILT_IN_ERRORS.includes(holder)) message = '';
  else message = describeThrown(value).message;
  return { name: classNameOf(value) ?? describeThrown(value).name, message: message.split('\n')[0]! };
}

/** `Class: message`, or the class alone when the message is empty. */
function describeError(value: object): string {
  const { name, message } = errorParts(value);
  return message ? `${name}: ${message}` : name;
}

/** Names the recorder gave to generators, so that a yielded generator shows by its name. */
type Names = WeakMap<object, string>;

function describe(value: unknown, names: Names, depth = 0): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(capped(value, 40));
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${capped(String(value), 30)}n`;
    case 'symbol':
      // `description` is read from Symbol.prototype, a built-in student code cannot replace.
      return `Symbol(${capped(value.description ?? '', 30)})`;
    case 'undefined':
    case 'boolean':
      return String(value);
    default:
      break;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (types.isProxy(object)) return '[a Proxy]';
  const named = names.get(object);
  if (named !== undefined) return named;
  if (typeof object === 'function') {
    const name = Reflect.getOwnPropertyDescriptor(object, 'name');
    return name && typeof name.value === 'string' && name.value !== '' ? `[function ${capped(name.value, 30)}]` : '[function]';
  }
  if (types.isGeneratorObject(object)) return '[a generator]';
  if (types.isPromise(object)) return '[a Promise]';
  if (isErrorLike(object)) return capped(describeError(object));
  if (depth >= 2) return Array.isArray(object) ? '[…]' : '{…}';
  if (Array.isArray(object)) {
    // An array's length is always plain data (never a getter), so reading it runs nothing.
    const length = (object as unknown[]).length;
    const items = Array.from({ length: Math.min(length, ITEMS_SHOWN) }, (_, i) => describeProperty(object, String(i), names, depth));
    return `[${items.join(', ')}${length > ITEMS_SHOWN ? ', …' : ''}]`;
  }
  const keys = ownKeys(object);
  const shown = keys
    .filter((key): key is string => typeof key === 'string')
    .slice(0, ITEMS_SHOWN)
    .map((key) => `${capped(key, 20)}: ${describeProperty(object, key, names, depth)}`);
  const body = shown.length > 0 ? `{ ${shown.join(', ')}${keys.length > ITEMS_SHOWN ? ', …' : ''} }` : '{}';
  const className = classNameOf(object);
  return className && className !== 'Object' ? `${className} ${body}` : body;
}

function ownKeys(object: object): PropertyKey[] {
  try {
    return Reflect.ownKeys(object);
  } catch {
    return [];
  }
}

function describeProperty(object: object, key: PropertyKey, names: Names, depth: number): string {
  const descriptor = Reflect.getOwnPropertyDescriptor(object, key);
  if (!descriptor) return 'undefined';
  return 'value' in descriptor ? capped(describe(descriptor.value, names, depth + 1), 30) : '(a getter)';
}

/** What a call was given, as the student would write it: `DemoException` for `new DemoException()`. */
function describeArgument(value: unknown, names: Names): string {
  if (isErrorLike(value)) {
    const { name, message } = errorParts(value);
    return message ? `${name}(${describe(message, names)})` : name;
  }
  return capped(describe(value, names));
}

/** What a thrown value is called in a step: `threw TypeError: …`, `threw 0`. */
function describeThrownValue(value: unknown, names: Names): string {
  return capped(isErrorLike(value) ? describeError(value) : describe(value, names), 80);
}

/**
 * Whether two answers are the same, for telling where a student's first differs from the
 * model's: the same primitive (numbers to nine places), or plain data of the same shape with
 * the same prototype.
 */
function sameValue(a: unknown, b: unknown, depth = 0): boolean {
  if (Object.is(a, b)) return true;
  // Another order of the same arithmetic (a running mean, say) is not a difference.
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (!isObject(a) || !isObject(b) || depth > 4 || types.isProxy(a) || types.isProxy(b)) return false;
  if (Reflect.getPrototypeOf(a) !== Reflect.getPrototypeOf(b)) return false;
  const keysA = ownKeys(a);
  const keysB = ownKeys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => {
    const da = Reflect.getOwnPropertyDescriptor(a, key);
    const db = Reflect.getOwnPropertyDescriptor(b, key);
    return !!da && !!db && 'value' in da && 'value' in db && sameValue(da.value, db.value, depth + 1);
  });
}

// ---------------------------------------------------------------------------------------------
// The recorder

/** How a call came back, before it is described: kept only long enough to compare with the model. */
type Raw = { threw: true; value: unknown } | { threw: false; value: unknown };

/** One generator's bookkeeping: its state as seen from outside, and whether a call is running it. */
interface Tracked {
  name: string;
  state: GeneratorState;
  running: boolean;
}

/** The state after a call: what the answer says, unless the call came from inside a running body. */
function stateAfter(before: Tracked, wasRunning: boolean, answer: Omit<Answer, 'state'>): GeneratorState {
  if (wasRunning) return 'GEN_RUNNING';
  if (answer.kind === 'yielded') return 'GEN_SUSPENDED';
  if (answer.kind === 'answered') return before.state;
  return 'GEN_CLOSED';
}

/** A model and its state, kept beside the generator it shadows. */
interface Model {
  methods: Iterator<unknown, unknown, never>;
  state: Tracked;
}

export interface ConversationHooks {
  /** A recorded call begins (the trace reports it if the call never comes back). */
  onBegin?(entry: Entry): void;
  /** An entry is complete; `depth` 0 means nothing recorded is running any more. */
  onEnd?(entry: Entry): void;
}

export class Conversation {
  private readonly kept: Entry[] = [];
  /** Once `kept` is full, the last few entries, so that a cut at the end still has its steps. */
  private readonly recent: Entry[] = [];
  private count = 0;
  private depth = 0;
  private readonly names: Names = new WeakMap();
  private readonly order: string[] = [];
  /** The number of the first step whose answer differs from the model's. */
  private firstDifference?: number;

  constructor(private readonly hooks: ConversationHooks = {}) {}

  /** Every entry so far (up to the first 5000), in order. */
  get entries(): readonly Entry[] {
    return this.kept;
  }

  get length(): number {
    return this.count;
  }

  /**
   * Records every call on `gen` from now on and returns `gen` itself. Anything that is not an
   * object with a `next` method, or that cannot take the recording (a Proxy, a frozen object),
   * comes back untouched: the test then fails as it would have without the recorder.
   */
  record<G>(gen: G, name: string, options: RecordOptions = {}): G {
    if (!isObject(gen) || types.isProxy(gen) || this.names.has(gen) || !Object.isExtensible(gen)) return gen;
    const originals = new Map<Method, (...args: unknown[]) => unknown>();
    for (const method of METHODS) {
      // A method it cannot take over would leave it half recorded.
      if (Reflect.getOwnPropertyDescriptor(gen, method)?.configurable === false) return gen;
      let found: unknown;
      try {
        found = Reflect.get(gen, method);
      } catch {
        return gen;
      }
      if (typeof found === 'function') originals.set(method, found as (...args: unknown[]) => unknown);
    }
    if (!originals.has('next')) return gen;
    const tracked: Tracked = { name, state: options.state ?? 'GEN_CREATED', running: false };
    const model: Model | undefined = options.model && { methods: options.model, state: { name, state: tracked.state, running: false } };
    // The recorded methods are called with the generator as `this`, which they pass on.
    const conversation = this;
    for (const [method, original] of originals) {
      const recorded = function (this: unknown, ...args: unknown[]): unknown {
        return conversation.call(tracked, method, original, this, args, options, model);
      };
      if (!Reflect.defineProperty(gen, method, { value: recorded, writable: true, enumerable: false, configurable: true })) return gen;
    }
    this.names.set(gen, name);
    if (!this.order.includes(name)) this.order.push(name);
    const made = options.madeBy === undefined ? name : `${name} = ${options.madeBy}`;
    if (tracked.state === 'GEN_CREATED') this.add({ kind: 'created', name, call: made, answer: { kind: 'answered', text: '', state: 'GEN_CREATED' } }, true);
    return gen;
  }

  /** A line of its own in the conversation: what the code printed, say. */
  note(text: string): void {
    this.add({ kind: 'note', name: '', call: capped(text.replace(/\s+/g, ' ').trim(), LINE_LIMIT - 10) }, true);
  }

  private add(fields: Omit<Entry, 'number' | 'depth'>, complete: boolean): Entry {
    this.count += 1;
    const entry: Entry = { number: this.count, depth: this.depth, ...fields };
    if (this.kept.length < ENTRIES_KEPT) this.kept.push(entry);
    else {
      this.recent.push(entry);
      if (this.recent.length > BEFORE + 1) this.recent.shift();
    }
    if (complete) this.hooks.onEnd?.(entry);
    else this.hooks.onBegin?.(entry);
    return entry;
  }

  private call(
    tracked: Tracked,
    method: Method,
    original: (...args: unknown[]) => unknown,
    self: unknown,
    args: unknown[],
    options: RecordOptions,
    model: Model | undefined,
  ): unknown {
    // A generator's methods take one argument; `next()` and `next(undefined)` are told apart.
    const call = `${method}(${args.slice(0, 1).map((a) => describeArgument(a, this.names)).join('')})`;
    const entry = this.add({ kind: 'call', name: tracked.name, call }, false);
    const logBefore = options.log?.length ?? 0;
    const modelLogBefore = options.modelLog?.length ?? 0;
    const wasRunning = tracked.running;
    tracked.running = true;
    this.depth += 1;
    let raw: Raw;
    try {
      raw = { threw: false, value: Reflect.apply(original, self, args) };
    } catch (error) {
      raw = { threw: true, value: error };
    } finally {
      this.depth -= 1;
      tracked.running = wasRunning;
    }
    const settle = (settled: Raw): void => {
      const answer = this.answerOf(settled, tracked, wasRunning);
      tracked.state = answer.state;
      entry.answer = answer;
      if (options.log) entry.logged = this.loggedSince(options.log, logBefore);
      if (model) this.compare(entry, model, method, args, options, modelLogBefore, settled);
      this.hooks.onEnd?.(entry);
    };
    if (!raw.threw && isPlainPromise(raw.value)) {
      // An async generator answers with a promise: the step is told once it settles, with what
      // it settled to. Until then the transcript shows the call as still running.
      const told = (settled: Raw): void => {
        try {
          settle(settled);
        } catch {
          // Telling must never turn into an unhandled rejection of its own.
        }
      };
      Reflect.apply(promiseThen, raw.value, [(value: unknown) => told({ threw: false, value }), (error: unknown) => told({ threw: true, value: error })]);
      return raw.value;
    }
    settle(raw);
    if (raw.threw) throw raw.value;
    return raw.value;
  }

  private answerOf(raw: Raw, tracked: Tracked, wasRunning: boolean): Answer {
    let described: Omit<Answer, 'state'>;
    if (raw.threw) described = { kind: 'threw', text: `threw ${describeThrownValue(raw.value, this.names)}` };
    else if (!isObject(raw.value) || types.isProxy(raw.value) || types.isPromise(raw.value)) {
      described = { kind: 'answered', text: `answered ${describe(raw.value, this.names)} (not a { value, done } result)` };
    } else {
      const done = dataOf(raw.value, 'done');
      const value = dataOf(raw.value, 'value');
      const shown = value.kind === 'data' ? describe(value.value, this.names) : value.kind === 'absent' ? 'undefined' : '(a getter)';
      described =
        done.kind !== 'data' && done.kind !== 'absent'
          ? { kind: 'answered', text: `answered a result whose done is a getter` }
          : done.kind === 'data' && done.value
            ? { kind: 'returned', text: `returned ${shown}` }
            : { kind: 'yielded', text: `yielded ${shown}` };
    }
    return { ...described, state: stateAfter(tracked, wasRunning, described) };
  }

  private loggedSince(log: readonly unknown[], before: number): string[] {
    if (log.length < before) return [`(the log lost ${before - log.length} lines)`];
    return log.slice(before).map((line) => describe(line, this.names));
  }

  /** Drives the model with the same call and marks the entry when the answers differ. */
  private compare(
    entry: Entry,
    model: Model,
    method: Method,
    args: unknown[],
    options: RecordOptions,
    modelLogBefore: number,
    actual: Raw,
  ): void {
    const fn: unknown = model.methods[method];
    if (typeof fn !== 'function') return;
    let expected: Raw;
    try {
      expected = { threw: false, value: Reflect.apply(fn, model.methods, args) };
    } catch (error) {
      expected = { threw: true, value: error };
    }
    const expectedAnswer = this.answerOf(expected, model.state, false);
    model.state.state = expectedAnswer.state;
    const expectedLogged = options.modelLog ? this.loggedSince(options.modelLog, modelLogBefore) : undefined;
    const sameState = entry.answer?.state === expectedAnswer.state;
    const sameAnswer = this.sameRaw(actual, expected) && sameState;
    const sameLog = !expectedLogged || !entry.logged || sameValue(entry.logged, expectedLogged);
    if (sameAnswer && sameLog) return;
    // The model's own error messages are its business: only the class it threw is expected.
    const expectedText = expected.threw && isErrorLike(expected.value) ? `threw ${errorParts(expected.value).name}` : expectedAnswer.text;
    const parts = [
      ...(sameAnswer ? [] : [sameState ? expectedText : `${expectedText}, ${expectedAnswer.state}`]),
      ...(sameLog ? [] : [expectedLogged!.length ? `logged ${expectedLogged!.join(', ')}` : 'nothing logged']),
    ];
    entry.expected = parts.join('; ');
    this.firstDifference ??= entry.number;
  }

  private sameRaw(actual: Raw, expected: Raw): boolean {
    if (actual.threw !== expected.threw) return false;
    if (actual.threw) {
      if (!isErrorLike(actual.value) || !isErrorLike(expected.value)) return sameValue(actual.value, expected.value);
      return classNameOf(actual.value) === classNameOf(expected.value);
    }
    const a = actual.value;
    const b = expected.value;
    if (!isObject(a) || !isObject(b) || types.isProxy(a)) return sameValue(a, b);
    const field = (object: object, key: string): unknown => {
      const found = dataOf(object, key);
      return found.kind === 'data' ? found.value : found.kind === 'absent' ? undefined : found;
    };
    return sameValue(Boolean(field(a, 'done')), Boolean(field(b, 'done'))) && sameValue(field(a, 'value'), field(b, 'value'));
  }

  // -------------------------------------------------------------------------------------------
  // Telling it

  /** Who the conversation is with: `summer()`, or `a, b, c`. */
  private withWhom(): string {
    const shown = this.order.slice(0, 3).join(', ');
    return this.order.length > 3 ? `${shown}, …` : shown;
  }

  /**
   * Lines for entries, columns aligned among them, or at the given widths (the trace prints a
   * timeline in pieces as it goes, so it fixes them). Names prefix calls when there are several.
   */
  lines(entries: readonly Entry[], style: Style = PLAIN, widths?: { number: number; head: number; answer: number }): string[] {
    const several = this.order.length > 1;
    const numberWidth = widths?.number ?? String(entries.at(-1)?.number ?? 1).length;
    const heads = entries.map((entry) => {
      const indent = '  '.repeat(entry.depth);
      if (entry.kind === 'call') return `${indent}${several ? `${entry.name}.` : ''}${entry.call}`;
      return `${indent}${entry.call}`;
    });
    const answers = entries.map((entry) => (entry.kind === 'created' ? 'created' : (entry.answer?.text ?? '(still running)')));
    // Notes (printed lines) run on; only steps are lined up.
    const steps = entries.flatMap((entry, i) => (entry.kind === 'note' ? [] : [i]));
    const headWidth = widths?.head ?? Math.min(32, Math.max(0, ...steps.map((i) => heads[i]!.length)));
    const answerWidth = widths?.answer ?? Math.min(36, Math.max(0, ...steps.map((i) => answers[i]!.length)));
    return entries.map((entry, i) => {
      const number = style.dim(`${String(entry.number).padStart(numberWidth)}.`);
      if (entry.kind === 'note') return `${number} ${style.dim(heads[i]!)}`;
      const answer = entry.answer;
      const text = answers[i]!;
      const paint = answer?.kind === 'yielded' ? style.yielded : answer?.kind === 'returned' ? style.returned : answer?.kind === 'threw' ? style.threw : String;
      const arrow = entry.kind === 'call' ? '→' : ' ';
      const gap = ' '.repeat(Math.max(1, answerWidth - text.length + 2));
      const logged = entry.logged?.length ? style.dim(`  logged ${capped(entry.logged.join(', '), 100)}`) : '';
      // The state is padded only when the log follows it, so that the logs line up too.
      const state = answer ? `${gap}${style.state(answer.state)}${logged ? ' '.repeat(STATE_WIDTH - answer.state.length) : ''}` : '';
      return `${number} ${heads[i]!.padEnd(headWidth)} ${arrow} ${paint(text)}${state}${logged}`;
    });
  }

  /**
   * The part of the conversation a failure message shows: a few steps around the first answer
   * that differed from the model's, or, without a difference, up to the last step before the
   * failing check. Empty when nothing was recorded.
   */
  transcript(limit = TRANSCRIPT_LIMIT): string {
    if (this.count === 0) return '';
    // The first difference among the entries kept, or else the very last step.
    const kept = this.kept.findIndex((e) => e.number === this.firstDifference);
    const known = kept >= 0 || this.recent.length === 0 ? this.kept : this.recent;
    const at = kept >= 0 ? kept : known.length - 1;
    const focus = known[at]!.number;
    let from = Math.max(0, at - BEFORE);
    let to = Math.min(known.length - 1, at + AFTER);
    const render = (): string => {
      const window = known.slice(from, to + 1);
      const rendered = this.lines(window).map((line) => `  ${line}`);
      const focusLine = window.findIndex((e) => e.number === focus);
      const focusEntry = window[focusLine]!;
      const marker = focusEntry.expected !== undefined ? `✗ expected: ${focusEntry.expected}` : '✗ the failing check came after this step';
      rendered.splice(focusLine + 1, 0, capped(`      ${marker}`, LINE_LIMIT));
      const before = window[0]!.number - 1;
      const after = this.count - window.at(-1)!.number;
      const span = window.length === 1 ? `step ${focus}` : `steps ${window[0]!.number}–${window.at(-1)!.number}`;
      return [
        `Conversation with ${this.withWhom()} (${span} of ${this.count}):`,
        ...(before > 0 ? [`  … ${before} earlier step${before === 1 ? '' : 's'}`] : []),
        ...rendered,
        ...(after > 0 ? [`  … ${after} later step${after === 1 ? '' : 's'}`] : []),
      ].join('\n');
    };
    let text = render();
    // Too long: give up the steps farthest from the focus first, the later ones before the earlier.
    while (text.length > limit && (from < at || to > at)) {
      if (to - at >= at - from && to > at) to -= 1;
      else from += 1;
      text = render();
    }
    return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
  }

  /**
   * The error a failed test reports instead of `error`: its message followed by the transcript.
   * Errors of the grader's own (the target that did not load) and failures before any step are
   * passed on untouched; whatever was thrown is read only through `describeThrown`.
   */
  explain(error: unknown): unknown {
    if (this.count === 0) return error;
    const safe = describeThrown(error);
    if (PASSED_ON.includes(safe.name)) return error;
    // A short assertion message leaves the transcript more room, a long one is cut for it.
    const transcript = this.transcript(Math.max(TRANSCRIPT_LIMIT, MESSAGE_BUDGET - plainLength(safe.message) - 2));
    const message = fitMessage(safe.message, MESSAGE_BUDGET - transcript.length - 2);
    const explained = new Error(`${message}\n\n${transcript}`);
    const frames = (safe.stack ?? '').split('\n').filter((line) => /^\s*at\s/.test(line));
    Object.defineProperty(explained, 'name', { value: safe.name, writable: true, enumerable: false, configurable: true });
    Object.defineProperty(explained, 'stack', {
      value: [`${safe.name}: ${explained.message}`, ...frames].join('\n'),
      writable: true,
      enumerable: false,
      configurable: true,
    });
    return explained;
  }
}

/** Errors that must reach the grader as they are: it classifies them by name. */
const PASSED_ON = [TARGET_LOAD_ERROR, BUDGET_ERROR];

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** The length a message has once the report has removed its colour codes. */
function plainLength(message: string): number {
  return message.replace(ANSI, '').length;
}

const CUT_NOTE = '\n  … (cut to leave room for the conversation)';

/** Jest's message, shortened at a line end when it would crowd the transcript out. */
function fitMessage(message: string, room: number): string {
  const plain = message.replace(ANSI, '');
  if (plain.length <= room) return message;
  const cut = plain.slice(0, room - CUT_NOTE.length);
  const lineEnd = cut.lastIndexOf('\n');
  return `${lineEnd > cut.length / 2 ? cut.slice(0, lineEnd) : cut}${CUT_NOTE}`;
}

/**
 * Runs a test's body with a fresh conversation. When the body fails (an assertion, or an error
 * escaping the student's code), the failure's message gets the transcript around the first
 * unexpected answer. The body's result, or its promise, is passed on.
 */
export function converse<T>(body: (talk: Conversation) => T): T {
  const talk = new Conversation();
  let result: T;
  try {
    result = body(talk);
  } catch (error) {
    throw talk.explain(error);
  }
  const promise = result as unknown as PromiseLike<unknown> | undefined;
  if (isObject(promise) && !types.isProxy(promise) && typeof (promise as { then?: unknown }).then === 'function') {
    return promise.then(undefined, (error: unknown) => {
      throw talk.explain(error);
    }) as unknown as T;
  }
  return result;
}

/**
 * One public example of an exercise, for `npm run trace` (exercises/NN-slug/trace.ts): `run`
 * gets the student's module and a conversation, records the generators it drives, and calls them.
 */
export interface TraceExample<Module> {
  /** What the example shows, in a sentence. */
  title: string;
  /** The same in Korean, shown instead where the trace runs in Korean (`--lang ko`, or a Korean locale). */
  titleKo?: string;
  run(m: Module, talk: Conversation): void | Promise<void>;
}
