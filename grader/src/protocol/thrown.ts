/**
 * A description of whatever student code throws, made without running any of its code.
 *
 * Jest formats a failed test's error after the test: it reads `stack` and `message`, and
 * pretty-prints values that are not errors. Student code can throw something that defeats
 * that: a Proxy whose every trap throws, an error whose `message` getter loops forever, a
 * 50 MB string, a cyclic object, a Symbol. Formatting would then hang the run, crash it, or
 * flood the report, and the watchdog would blame a test that in fact finished at once. So the
 * environment replaces every thrown value with a plain error built here: only own property
 * descriptors are read, never a getter; a Proxy is never touched; every text is capped.
 * Reading an error's `stack` runs its `name` and `message` getters (V8 builds the stack's
 * first line lazily), so `stack` is read only when both are plain data.
 */
import { types } from 'node:util';

/** Longer texts are cut; the report caps messages again, this only bounds the memory held. */
const TEXT_LIMIT = 4000;
/** A thrown string is shown in a message of its own: short enough that its length shows too. */
const THROWN_TEXT_LIMIT = 500;
const KEYS_SHOWN = 5;
const CHAIN_LIMIT = 64;

export interface SafeError {
  name: string;
  message: string;
  stack?: string;
}

function capped(text: string, limit = TEXT_LIMIT): string {
  return text.length > limit ? `${text.slice(0, limit)}… (${text.length} characters in all)` : text;
}

type Lookup = { kind: 'data'; value: unknown } | { kind: 'absent' } | { kind: 'unsafe' };

/**
 * Getters known to only return a value: those the grader's realm lock put in place of the
 * built-ins' writable properties (../jest-side/realm-lock.ts). Any other getter is unsafe.
 */
export type KnownGetters = { has(getter: object): boolean };

const NONE: KnownGetters = { has: () => false };

/**
 * Since Node.js 21, V8 keeps an error's `stack` as an accessor whose getter only formats the
 * stack (from `name` and `message`, which are checked first). Each realm has a getter of its
 * own: this module's realm's is known here; the test realm's is added by the realm lock.
 */
const NATIVE_STACK_GETTER = Reflect.getOwnPropertyDescriptor(new Error(), 'stack')?.get;

/** A property found along the prototype chain by descriptors alone: its value if it is plain data. */
function lookup(object: object, key: PropertyKey, known: KnownGetters): Lookup {
  let current: object | null = object;
  for (let depth = 0; current !== null && depth < CHAIN_LIMIT; depth++) {
    if (types.isProxy(current)) return { kind: 'unsafe' };
    const descriptor = Reflect.getOwnPropertyDescriptor(current, key);
    if (descriptor) {
      if ('value' in descriptor) return { kind: 'data', value: descriptor.value };
      const { get } = descriptor;
      return get && (known.has(get) || get === NATIVE_STACK_GETTER) ? { kind: 'data', value: Reflect.apply(get, object, []) } : { kind: 'unsafe' };
    }
    current = Reflect.getPrototypeOf(current);
  }
  return current === null ? { kind: 'absent' } : { kind: 'unsafe' };
}

function stringOf(found: Lookup): string | undefined {
  return found.kind === 'data' && typeof found.value === 'string' ? found.value : undefined;
}

/** The name of the class an object was made by, when its `constructor` is plain data. */
function className(object: object, known: KnownGetters): string | undefined {
  const constructor = lookup(object, 'constructor', known);
  if (constructor.kind !== 'data' || typeof constructor.value !== 'function' || types.isProxy(constructor.value)) return undefined;
  const name = lookup(constructor.value, 'name', known);
  return name.kind === 'data' && typeof name.value === 'string' && name.value !== '' ? capped(name.value, 100) : undefined;
}

function describePrimitive(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(capped(value, THROWN_TEXT_LIMIT));
  if (typeof value === 'symbol') return capped(String(value), 200);
  if (typeof value === 'bigint') return `${capped(String(value), 200)}n`;
  return String(value);
}

/** Up to a few own properties: primitives shown, getters and objects only named. */
function ownSummary(object: object): string {
  let keys: PropertyKey[];
  try {
    keys = Reflect.ownKeys(object);
  } catch {
    return '';
  }
  const shown: string[] = [];
  for (const key of keys.slice(0, 50)) {
    if (shown.length === KEYS_SHOWN) break;
    const descriptor = Reflect.getOwnPropertyDescriptor(object, key);
    if (!descriptor) continue;
    const label = typeof key === 'symbol' ? `[${describePrimitive(key)}]` : capped(String(key), 100);
    const value: unknown = 'value' in descriptor ? descriptor.value : undefined;
    const shownValue =
      !('value' in descriptor) ? '(a getter)' : value !== null && (typeof value === 'object' || typeof value === 'function') ? `(${typeof value})` : describePrimitive(value);
    shown.push(`${label}: ${capped(shownValue, 200)}`);
  }
  return shown.length > 0 ? ` { ${shown.join(', ')}${keys.length > shown.length ? ', …' : ''} }` : '';
}

/** A safe stand-in for any thrown value (see the module comment); `known` getters may be read through. */
export function describeThrown(value: unknown, known: KnownGetters = NONE): SafeError {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) {
    return { name: 'Error', message: `thrown: ${describePrimitive(value)} (not an Error)` };
  }
  if (types.isProxy(value)) {
    return { name: 'Error', message: 'thrown: a Proxy object (not an Error; the grader does not look inside it)' };
  }
  const name = stringOf(lookup(value, 'name', known));
  const messageFound = lookup(value, 'message', known);
  const message = stringOf(messageFound);
  if (types.isNativeError(value) || (name !== undefined && message !== undefined)) {
    const shownName = capped(name ?? 'Error', 200);
    if (messageFound.kind === 'unsafe') {
      const owner = className(value, known) ?? shownName;
      return { name: shownName, message: `${/^[aeiou]/i.test(owner) ? 'an' : 'a'} ${owner} whose message is not plain data (the grader does not run its getters)` };
    }
    // V8 builds the stack's first line from `name` and `message` when `stack` is first read.
    const stack = lookup(value, 'name', known).kind !== 'unsafe' ? stringOf(lookup(value, 'stack', known)) : undefined;
    return { name: shownName, message: capped(message ?? ''), ...(stack !== undefined ? { stack: capped(stack) } : {}) };
  }
  // A plain object's class (Object) says nothing the braces do not.
  const owner = className(value, known);
  const kind = typeof value === 'function' ? 'a function' : `an object${owner && owner !== 'Object' ? ` of class ${owner}` : ''}`;
  return { name: 'Error', message: `thrown: ${kind}${ownSummary(value)} (not an Error)` };
}
