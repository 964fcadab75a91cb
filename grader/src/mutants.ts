/**
 * Known-wrong implementations ("mutants") as edits of the reference solution: one typed file
 * per exercise, `grader/mutants/NN-slug.ts`, whose default export is a `Mutant[]`. `verify`
 * applies each mutant's edits to `solutions/NN-slug/slug.ts` and checks that the result loses
 * points. Edits are exact replacements, so a mutant shows its one fault and nothing else, and
 * an edit whose `from` no longer occurs exactly once (the solution changed) is a verify fault.
 */
export interface Mutant {
  /** Kebab-case, unique within the exercise: `lifo-round-robin`. */
  name: string;
  /** The contract line the fault breaks, quoted or closely paraphrased from the exercise README. */
  violates: string;
  /** `[from, to]` pairs applied in order; each `from` must occur exactly once in the text so far. */
  edits: Array<[from: string, to: string]>;
}
