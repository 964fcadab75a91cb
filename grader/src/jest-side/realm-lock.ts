/**
 * Locking the test realm down before student code runs in it (see `lockRealm`). Kept apart from
 * the environment because it is compiled inside the test realm from its source text.
 */
import vm from 'node:vm';

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
function lockRealm(global: Record<PropertyKey, unknown>, ownGetters: { add(getter: () => unknown): unknown }): void {
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
    const get = (): unknown => value;
    ownGetters.add(get);
    defineProperty(object, key, {
      get,
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

  // V8's getter of an error's `stack` (an accessor since Node.js 21) only formats the stack.
  const stackGetter = getOwnPropertyDescriptor(new Error(), 'stack')?.get;
  if (stackGetter) ownGetters.add(stackGetter);

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
 * Runs `lockRealm` inside `context`, on that realm's own built-ins. The getters it puts in
 * place of the built-ins' writable properties are collected in `ownGetters`, with the realm's
 * own getter of an error's `stack`: they only return the value they replace (or format the
 * stack), so the grader may read through them (../protocol/thrown.ts), where
 * any other getter is student code it must never run. The set is filled before student code
 * runs, and no getter keeps a reference to it.
 */
export function lockDown(context: vm.Context, global: object, ownGetters: WeakSet<object>): void {
  const inRealm = vm.runInContext(`(${lockRealm.toString()})`, context) as typeof lockRealm;
  inRealm(global as Record<PropertyKey, unknown>, { add: (getter) => ownGetters.add(getter) });
}
