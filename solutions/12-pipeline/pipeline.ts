/**
 * 12 · Pipelines: coroutines that push data.
 *
 * In a generator pipeline the consumer pulls (`for…of`). Here it is the other way round:
 * a source *sends* each line into the first stage, and every stage sends what it keeps on to
 * the next. Each stage is a coroutine suspended at `yield`, waiting for input.
 */

export type Sink = Generator<void, void, string>;

// A push stage is useless until it stands at its first `yield`: the first line sent to an
// unprimed generator would be dropped. So every factory hands out a primed sink.
function primed(sink: Sink): Sink {
  sink.next();
  return sink;
}

export function source(lines: Iterable<string>, target: Sink): void {
  // The source is the only plain function: it drives, it does not wait to be driven.
  for (const line of lines) target.next(line);
  // End of input is signalled by closing, like Python's `target.close()`; each stage's
  // `finally` passes the close on, so the whole pipeline shuts down from this one call.
  target.return();
}

export function grep(pattern: string, target: Sink): Sink {
  return primed(
    (function* (): Sink {
      try {
        for (;;) {
          const line = yield;
          // `includes`, not a RegExp: the pattern is plain text, so '.' or '(' mean themselves.
          if (line.includes(pattern)) target.next(line);
        }
      } finally {
        // `return()` resumes the generator only through `finally` (never `catch`), so this is
        // the one place that runs however the stage ends: closed, or killed by an error.
        target.return();
      }
    })(),
  );
}

export function broadcast(targets: Sink[]): Sink {
  return primed(
    (function* (): Sink {
      try {
        for (;;) {
          const line = yield;
          for (const target of targets) target.next(line);
        }
      } finally {
        for (const target of targets) target.return();
      }
    })(),
  );
}

export function collector(out: string[]): Sink {
  // The collector is the end of the line: it feeds nothing, so closing it has nothing to pass
  // on, and `out` keeps what arrived because the caller owns that array.
  return primed(
    (function* (): Sink {
      for (;;) out.push(yield);
    })(),
  );
}
