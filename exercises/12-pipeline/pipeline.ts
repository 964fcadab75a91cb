/**
 * 12 · Pipelines: coroutines that push data.
 *
 * Build Beazley's push pipeline: a source sends lines into stages that filter (grep), fan out
 * (broadcast) or collect. See README.md.
 */

// Given: what every stage is — a generator you send strings into.
export type Sink = Generator<void, void, string>;

export function source(lines: Iterable<string>, target: Sink): void {
  // TODO: send every line to target with next(line), then close target with return().
  throw new Error('Not implemented: source (exercises/12-pipeline/pipeline.ts)');
}

export function grep(pattern: string, target: Sink): Sink {
  // TODO: return a primed sink that passes on the lines containing pattern (plain text,
  // case-sensitive); when it is closed, its finally closes target.
  throw new Error('Not implemented: grep (exercises/12-pipeline/pipeline.ts)');
}

export function broadcast(targets: Sink[]): Sink {
  // TODO: return a primed sink that sends each line to every target in order; when it is
  // closed, its finally closes every target.
  throw new Error('Not implemented: broadcast (exercises/12-pipeline/pipeline.ts)');
}

export function collector(out: string[]): Sink {
  // TODO: return a primed sink that pushes every line it receives onto out.
  throw new Error('Not implemented: collector (exercises/12-pipeline/pipeline.ts)');
}
