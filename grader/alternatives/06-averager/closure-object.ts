// Alternative: an object literal whose methods close over the state, updating the mean incrementally.
export function averager(): Generator<number | null, never, number> {
  let state: 'created' | 'suspended' | 'closed' = 'created';
  let count = 0;
  let mean = 0;

  const finished = (): IteratorResult<number | null, never> => ({ value: undefined as never, done: true });

  const gen: Generator<number | null, never, number> = {
    next(...args: [] | [number]) {
      if (state === 'closed') return finished();
      if (state === 'created') {
        state = 'suspended';
        return { value: null, done: false };
      }
      const term: unknown = args[0];
      if (typeof term !== 'number') {
        state = 'closed';
        throw new TypeError('Only numbers can be averaged.');
      }
      count += 1;
      // mean_n = mean_(n-1) + (x - mean_(n-1)) / n: no growing sum to overflow or lose precision.
      mean += (term - mean) / count;
      return { value: mean, done: false };
    },
    return(value?: never) {
      state = 'closed';
      return { value: value as never, done: true };
    },
    throw(error: unknown) {
      state = 'closed';
      throw error;
    },
    [Symbol.iterator]() {
      return gen;
    },
    [Symbol.dispose]() {
      gen.return(undefined as never);
    },
  };
  return gen;
}
