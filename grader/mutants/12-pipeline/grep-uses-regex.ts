// Known-wrong: grep builds a RegExp from the pattern, so `.` matches any character and `(` throws.
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
          if (new RegExp(pattern).test(line)) target.next(line);
        }
      } finally {
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
  return primed(
    (function* (): Sink {
      for (;;) out.push(yield);
    })(),
  );
}
