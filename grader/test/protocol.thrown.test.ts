/**
 * The describer of thrown values, on its own: what it shows of each kind of value, and that it
 * never runs a getter it does not know. The red-team suite checks the same through a whole run.
 */
import { describeThrown, type KnownGetters } from '../src/protocol/thrown';

function trap(): never {
  throw new Error('the describer ran a getter');
}

describe('describeThrown', () => {
  test('an Error keeps its name, message and stack', () => {
    const error = new RangeError('too far');
    const described = describeThrown(error);
    expect(described.name).toBe('RangeError');
    expect(described.message).toBe('too far');
    expect(described.stack).toMatch(/^RangeError: too far\n\s+at /);
  });

  test('primitives are shown as values, strings quoted and capped', () => {
    expect(describeThrown(42).message).toBe('thrown: 42 (not an Error)');
    expect(describeThrown(undefined).message).toBe('thrown: undefined (not an Error)');
    expect(describeThrown(Symbol('s')).message).toBe('thrown: Symbol(s) (not an Error)');
    expect(describeThrown(10n).message).toBe('thrown: 10n (not an Error)');
    const long = describeThrown('x'.repeat(10_000)).message;
    expect(long).toContain('(10000 characters in all)');
    expect(long.length).toBeLessThan(600);
  });

  test('a plain object shows its keys, not its class; an instance shows its class', () => {
    expect(describeThrown({ code: 7, inner: {} }).message).toBe('thrown: an object { code: 7, inner: (object) } (not an Error)');
    class Oops {
      readonly reason = 'late';
    }
    expect(describeThrown(new Oops()).message).toBe('thrown: an object of class Oops { reason: "late" } (not an Error)');
  });

  test('no unknown getter is run: an own getter, a getter on the prototype, a getter for the message', () => {
    const own = Object.defineProperty({}, 'message', { get: trap, enumerable: true });
    expect(describeThrown(own).message).toBe('thrown: an object { message: (a getter) } (not an Error)');

    const error = new Error('x');
    Object.defineProperty(error, 'message', { get: trap });
    expect(describeThrown(error).message).toBe('an Error whose message is not plain data (the grader does not run its getters)');

    const prototype = Object.defineProperty({}, 'constructor', { get: trap });
    expect(describeThrown(Object.create(prototype)).message).toBe('thrown: an object (not an Error)');
  });

  test('a known getter is read through, as the realm lock needs', () => {
    const getName = (): string => 'LockedError';
    const known: KnownGetters = new Set<object>([getName]);
    const error = Object.defineProperty(new Error('kept'), 'name', { get: getName });
    expect(describeThrown(error, known).name).toBe('LockedError');
    expect(describeThrown(error).message).toBe('kept');
    expect(describeThrown(error).stack).toBeUndefined();
  });

  test('a Proxy is never looked into', () => {
    const proxy = new Proxy({}, { get: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap });
    expect(describeThrown(proxy).message).toBe('thrown: a Proxy object (not an Error; the grader does not look inside it)');
  });
});
