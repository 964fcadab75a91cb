/**
 * Jest's Node environment plus a live report of the run: which tests a spec has, which one
 * is running, how each ended. The grader reads it to name the test that hung or crashed.
 */
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import type { Circus } from '@jest/types';
import NodeEnvironment from 'jest-environment-node';
import vm from 'node:vm';
import { emit, EVENTS_KEY_OPTION, type GradingEvent, type RawTestResult } from './events';

const ROOT_BLOCK = 'ROOT_DESCRIBE_BLOCK';
export const LOAD_ERROR_NAME = 'TargetLoadError';
const JEST_TIMEOUT_PREFIX = 'Exceeded timeout of';

function fullName(test: Circus.TestEntry): string {
  const parts = [test.name];
  for (let block: Circus.DescribeBlock | undefined = test.parent; block; block = block.parent) {
    if (block.name !== ROOT_BLOCK) parts.unshift(block.name);
  }
  return parts.join(' > ');
}

function collect(block: Circus.DescribeBlock, into: string[]): string[] {
  for (const child of block.children) {
    if (child.type === 'test') into.push(fullName(child));
    else collect(child, into);
  }
  return into;
}

function firstError(test: Circus.TestEntry): unknown {
  const error = test.errors[0];
  return Array.isArray(error) ? (error[0] ?? error[1]) : error;
}

/**
 * Classifies a failed test, here and in the reporter alike. Jest's own timeout message gives
 * advice for test authors ("add a timeout value"); a student gets one about their code.
 */
export function classifyFailure(errorName: string | undefined, message: string): Pick<RawTestResult, 'status' | 'message'> {
  if (errorName === LOAD_ERROR_NAME || message.startsWith(`${LOAD_ERROR_NAME}:`)) return { status: 'error', message };
  const timeout = new RegExp(`${JEST_TIMEOUT_PREFIX} (\\d+) ms`).exec(message);
  if (timeout) {
    return {
      status: 'timeout',
      message: `Gave up after ${timeout[1]} ms: the test never finished (a promise that never settles?).`,
    };
  }
  return { status: 'failed', message };
}

/**
 * Makes the test file's realm tamper-proof for the student's code, which shares it: the specs,
 * `expect` and Jest's test runner (jest-circus) all run in that realm and use its built-ins.
 * Without this, one line of student code earns every point: `Object.is = () => true` (what
 * `toBe` compares with), `expect = fake`, `expect.extend({ toBe: ... })`,
 * `expect.addEqualityTesters([() => true])`, or an `Array.prototype.push` that drops the
 * failures Jest records.
 *
 * It freezes every built-in of the realm (constructors, prototypes, the hidden iterator and
 * generator prototypes) and everything else of the realm that is a global when tests start
 * (`expect`, `test`, `describe`…), makes those globals read-only, and freezes expect's registry
 * of matchers and equality testers. Jest's mutable state (expect's assertion counts,
 * jest-circus's state) stays writable: Jest needs it.
 *
 * Freezing a prototype also stops ordinary code from giving its own objects a property of the
 * same name by assignment (`this.name = …` in an Error subclass, `Foo.prototype.toString = …`),
 * so each writable property of a prototype becomes a getter and a setter that gives the object
 * assigned to its own property, as assignment does on unfrozen built-ins.
 *
 * This function is compiled inside the test realm from its source text (see `lockDown`), so it
 * runs on that realm's untouched built-ins and leaves no function of the grader's realm within
 * the student's reach. It must not use anything from this module.
 */
function lockRealm(global: Record<PropertyKey, unknown>): void {
  const { defineProperty, freeze, getOwnPropertyDescriptor, getPrototypeOf } = Object;
  const { ownKeys } = Reflect;
  const objectPrototype = Object.prototype;
  const functionPrototype = Function.prototype;
  const seen = new WeakSet<object>();
  // Node's globals (process, Buffer, setTimeout, console…) come from Jest's own realm, which
  // Jest and the grader use: they are left alone.
  const ofThisRealm = (value: object): boolean => {
    for (let p: object | null = value; p !== null; p = getPrototypeOf(p)) if (p === objectPrototype) return true;
    return false;
  };
  const overridable = (object: object, key: PropertyKey, descriptor: PropertyDescriptor): void => {
    const value: unknown = descriptor.value;
    defineProperty(object, key, {
      get: () => value,
      set(this: object, next: unknown) {
        if (this === object) throw new TypeError(`Cannot assign to read only property '${String(key)}' of a built-in object`);
        defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true });
      },
      enumerable: descriptor.enumerable ?? false,
      configurable: false,
    });
  };
  const harden = (value: unknown): void => {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return;
    if (value === global || seen.has(value) || !ofThisRealm(value)) return;
    seen.add(value);
    harden(getPrototypeOf(value));
    const isPrototype = typeof value !== 'function' || value === functionPrototype;
    for (const key of ownKeys(value)) {
      const descriptor = getOwnPropertyDescriptor(value, key)!;
      if ('value' in descriptor) harden(descriptor.value);
      else {
        harden(descriptor.get);
        harden(descriptor.set);
      }
      if (isPrototype && descriptor.writable && descriptor.configurable) overridable(value, key, descriptor);
    }
    freeze(value);
  };

  // Built-ins that no global names.
  /* eslint-disable @typescript-eslint/no-empty-function */
  harden(getPrototypeOf(function* () {}));
  harden(getPrototypeOf(async function () {}));
  harden(getPrototypeOf(async function* () {}));
  /* eslint-enable @typescript-eslint/no-empty-function */
  harden(getPrototypeOf([][Symbol.iterator]()));
  harden(getPrototypeOf(new Map().entries()));
  harden(getPrototypeOf(new Set().values()));
  harden(getPrototypeOf(''[Symbol.iterator]()));
  harden(getPrototypeOf(/./[Symbol.matchAll]('')));

  for (const key of ownKeys(global)) {
    if (typeof key !== 'string') continue;
    const descriptor = getOwnPropertyDescriptor(global, key);
    const value: unknown = descriptor?.value;
    if (!descriptor || !('value' in descriptor) || value === global) continue;
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || !ofThisRealm(value)) continue;
    harden(value);
    defineProperty(global, key, { value, writable: false, enumerable: descriptor.enumerable ?? false, configurable: false });
  }

  // expect's registry: the matchers and equality testers `expect` looks up on every call.
  // (`matchers` has no prototype, so `harden` would take it for a foreign object.)
  const registry = global[Symbol.for('$$jest-matchers-object')] as { matchers: Record<string, unknown>; customEqualityTesters: unknown[] } | undefined;
  if (registry) {
    for (const matcher of Object.values(registry.matchers)) harden(matcher);
    freeze(registry.matchers);
    harden(registry.customEqualityTesters);
    freeze(registry);
  }
}

/**
 * The key that signs the events (see ./events.ts) travels among the reporter's options, in
 * Jest's global configuration. Not in this environment's options: Jest copies those onto the
 * test's global object, where student code would read it, and ts-jest makes the projects'
 * configuration part of its cache key, which a key made for each run would defeat.
 */
function eventsKeyOf(reporters: JestEnvironmentConfig['globalConfig']['reporters']): string {
  for (const entry of reporters ?? []) {
    const options: unknown = Array.isArray(entry) ? entry[1] : undefined;
    if (options && typeof options === 'object' && EVENTS_KEY_OPTION in options) {
      return String((options as Record<string, unknown>)[EVENTS_KEY_OPTION]);
    }
  }
  return '';
}

export default class GradingEnvironment extends NodeEnvironment {
  private readonly project: string;
  private readonly file: string;
  readonly #eventsKey: string;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.project = String(config.projectConfig.testEnvironmentOptions['graderProject'] ?? '');
    this.#eventsKey = eventsKeyOf(config.globalConfig.reporters);
    this.file = context.testPath;
    this.emit({ type: 'file-start', project: this.project, file: this.file, time: Date.now() });

    // Record a student's process.exit before it happens, so the crash can be explained.
    const proc = this.global.process;
    const realExit = proc.exit.bind(proc);
    proc.exit = ((code?: number) => {
      this.emit({ type: 'exit-called', project: this.project, file: this.file, code: code ?? null });
      return realExit(code);
    }) as typeof proc.exit;
  }

  private emit(event: GradingEvent): void {
    emit(this.#eventsKey, event);
  }

  private lockDown(): void {
    const context = this.getVmContext();
    if (!context) return;
    const inRealm = vm.runInContext(`(${lockRealm.toString()})`, context) as typeof lockRealm;
    inRealm(this.global as unknown as Record<PropertyKey, unknown>);
  }

  handleTestEvent(event: Circus.Event, state: Circus.State): void {
    const where = { project: this.project, file: this.file };
    if (event.name === 'run_start') {
      // The spec is loaded and its tests registered; no student code has run yet (specs load
      // the exercise inside their tests).
      this.lockDown();
      this.emit({ type: 'collected', ...where, tests: collect(state.rootDescribeBlock, []) });
    } else if (event.name === 'test_start') {
      this.emit({ type: 'test-start', ...where, name: fullName(event.test), time: Date.now() });
    } else if (event.name === 'test_done') {
      const error = firstError(event.test);
      const test: RawTestResult = { name: fullName(event.test), status: 'passed' };
      if (event.test.errors.length > 0) {
        const name = error instanceof Error ? error.name : undefined;
        Object.assign(test, classifyFailure(name, error instanceof Error ? `${error.name}: ${error.message}` : String(error)));
      }
      this.emit({ type: 'test-done', ...where, test });
    }
  }
}
