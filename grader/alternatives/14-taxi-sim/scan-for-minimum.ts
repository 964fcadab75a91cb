// Alternative: the taxi walks a precomputed list of actions, and the simulator keeps an unordered list and scans it for the smallest event.

export interface Event {
  time: number;
  proc: number;
  action: string;
}

export function* taxiProcess(ident: number, trips: number, startTime?: number): Generator<Event, void, number> {
  const actions = [
    ...Array.from({ length: trips }, () => ['pick up passenger', 'drop off passenger']).flat(),
    'going home',
  ];
  let time = yield { time: startTime ?? 0, proc: ident, action: 'leave garage' };
  for (const action of actions) time = yield { time, proc: ident, action };
}

const key = (e: Event): [number, number, string] => [e.time, e.proc, e.action];

function less(a: Event, b: Event): boolean {
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < 3; i++) {
    if (x[i]! < y[i]!) return true;
    if (x[i]! > y[i]!) return false;
  }
  return false;
}

export class Simulator {
  readonly #procs: ReadonlyMap<number, Generator<Event, void, number>>;
  readonly #duration: (previousAction: string) => number;

  constructor(procs: Map<number, Generator<Event, void, number>>, duration: (previousAction: string) => number) {
    this.#procs = procs;
    this.#duration = duration;
  }

  run(endTime: number): { log: Event[]; pending: number } {
    const pending: Event[] = [];
    const log: Event[] = [];
    const ids = Array.from(this.#procs.keys()).sort((a, b) => a - b);
    ids.forEach((id) => {
      const result = this.#procs.get(id)!.next();
      if (result.done !== true) pending.push(result.value);
    });

    let clock = 0;
    while (clock < endTime && pending.length) {
      let best = 0;
      for (let i = 1; i < pending.length; i++) if (less(pending[i]!, pending[best]!)) best = i;
      const [event] = pending.splice(best, 1) as [Event];
      clock = event.time;
      log.push(event);
      const result = this.#procs.get(event.proc)!.next(clock + this.#duration(event.action));
      if (result.done !== true) pending.push(result.value);
    }
    return { log, pending: pending.length };
  }
}
