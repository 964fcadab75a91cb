// Known-wrong: targets are closed in `catch` instead of `finally`, but `return()` never enters `catch`, so closing a stage does not close what it feeds.
export type Sink = Generator<void, void, string>;

function primed(sink: Sink): Sink {
  sink.next();
  return sink;
}

export function source(lines: Iterable<string>, target: Sink): void {
  for (const line of lines) target.next(line);
  target.return();
}

export function grep(pattern: string, target: Sink): Sink {
  return primed(
    (function* (): Sink {
      try {
        for (;;) {
          const line = yield;
          if (line.includes(pattern)) target.next(line);
        }
      } catch (error) {
        target.return();
        throw error;
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
      } catch (error) {
        for (const target of targets) target.return();
        throw error;
      }
    })(),
  );
}

export function collector(out: string[]): Sink {
  return primed(
    (function* (): Sink {
      for (;;) out.push(yield);
    })(),
  );
}
