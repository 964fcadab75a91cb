/**
 * What a call throws. Specs compare the thrown value itself (`toBe`, `toBeInstanceOf`), so
 * they need it back rather than Jest's `toThrow`, which only sees its class and message.
 */
export function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw, but it returned normally');
}
