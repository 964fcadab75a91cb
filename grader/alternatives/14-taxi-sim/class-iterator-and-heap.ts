// Alternative: the taxi is a hand-written iterator class (a state machine) and the simulator keeps its events in a binary heap.

export interface Event {
  time: number;
  proc: number;
  action: string;
}

/** The taxi as an explicit state machine: `step` counts the events already yielded. */
class Taxi implements Generator<Event, void, number> {
  readonly [Symbol.toStringTag] = 'Taxi';
  #step = 0;
  #finished = false;

  constructor(
    private readonly ident: number,
    private readonly trips: number,
    private readonly startTime: number,
  ) {}

  next(...args: [] | [number]): IteratorResult<Event, void> {
    if (this.#finished) return { value: undefined, done: true };
    const step = this.#step++;
    // Like a generator, the value passed to the first next() is ignored.
    const time = step === 0 ? this.startTime : (args[0] as number);
    const lastStep = 2 * this.trips + 1;
    let action: string;
    if (step === 0) action = 'leave garage';
    else if (step < lastStep) action = step % 2 === 1 ? 'pick up passenger' : 'drop off passenger';
    else if (step === lastStep) action = 'going home';
    else return this.return();
    return { value: { time, proc: this.ident, action }, done: false };
  }

  return(value?: void): IteratorResult<Event, void> {
    this.#finished = true;
    return { value, done: true };
  }

  throw(error: unknown): IteratorResult<Event, void> {
    this.#finished = true;
    throw error;
  }

  [Symbol.iterator](): this {
    return this;
  }

  // Generators are disposable (`using taxi = …`): disposing closes them, like return().
  [Symbol.dispose](): void {
    this.return();
  }
}

export function taxiProcess(ident: number, trips: number, startTime = 0): Generator<Event, void, number> {
  return new Taxi(ident, trips, startTime);
}

function before(a: Event, b: Event): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.proc !== b.proc) return a.proc < b.proc;
  return a.action < b.action;
}

class EventHeap {
  readonly #items: Event[] = [];

  get size(): number {
    return this.#items.length;
  }

  push(event: Event): void {
    const items = this.#items;
    items.push(event);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): Event | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && before(items[left]!, items[smallest]!)) smallest = left;
      if (right < items.length && before(items[right]!, items[smallest]!)) smallest = right;
      if (smallest === i) return top;
      [items[i], items[smallest]] = [items[smallest]!, items[i]!];
      i = smallest;
    }
  }
}

export class Simulator {
  private readonly procs: Map<number, Generator<Event, void, number>>;

  constructor(
    procs: Map<number, Generator<Event, void, number>>,
    private readonly duration: (previousAction: string) => number,
  ) {
    this.procs = new Map(procs);
  }

  run(endTime: number): { log: Event[]; pending: number } {
    const events = new EventHeap();
    const log: Event[] = [];
    for (const [id, proc] of [...this.procs].sort(([a], [b]) => a - b)) {
      const first = proc.next();
      if (!first.done) events.push(first.value);
    }
    let now = 0;
    for (;;) {
      if (now >= endTime) break;
      const event = events.pop();
      if (event === undefined) break;
      now = event.time;
      log.push(event);
      const result = this.procs.get(event.proc)!.next(now + this.duration(event.action));
      if (result.done) this.procs.delete(event.proc);
      else events.push(result.value);
    }
    return { log, pending: events.size };
  }
}
