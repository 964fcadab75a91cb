// Alternative: every stage is a class implementing the iterator protocol by hand, and source pulls its lines with manual next() calls.
export type Sink = Generator<void, void, string>;

type Done = IteratorReturnResult<void>;
const DONE: Done = { value: undefined, done: true };

/** What every stage shares: a closed flag, and closing what it feeds exactly once. */
abstract class Stage {
  private closed = false;

  constructor(private readonly targets: Sink[]) {}

  protected abstract receive(line: string): void;

  next(...args: [] | [string]): IteratorResult<void, void> {
    if (this.closed) return DONE;
    if (args.length === 1) this.receive(args[0]);
    return { value: undefined, done: false };
  }

  return(): Done {
    this.close();
    return DONE;
  }

  throw(error: unknown): never {
    this.close();
    throw error;
  }

  [Symbol.iterator](): this {
    return this;
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const target of this.targets) target.return();
  }

  protected send(line: string): void {
    for (const target of this.targets) target.next(line);
  }
}

class Grep extends Stage {
  constructor(private readonly pattern: string, target: Sink) {
    super([target]);
  }

  protected receive(line: string): void {
    if (line.indexOf(this.pattern) !== -1) this.send(line);
  }
}

class Broadcast extends Stage {
  protected receive(line: string): void {
    this.send(line);
  }
}

class Collector extends Stage {
  constructor(private readonly out: string[]) {
    super([]);
  }

  protected receive(line: string): void {
    this.out.push(line);
  }
}

// A class instance has no body to start, so it is "primed" from the moment it exists.
const asSink = (stage: Stage): Sink => stage as unknown as Sink;

export function source(lines: Iterable<string>, target: Sink): void {
  const it = lines[Symbol.iterator]();
  for (let step = it.next(); !step.done; step = it.next()) target.next(step.value);
  target.return();
}

export function grep(pattern: string, target: Sink): Sink {
  return asSink(new Grep(pattern, target));
}

export function broadcast(targets: Sink[]): Sink {
  return asSink(new Broadcast([...targets]));
}

export function collector(out: string[]): Sink {
  return asSink(new Collector(out));
}
