/**
 * A discrete-event simulation in the style of Fluent Python's taxi fleet.
 *
 * Every taxi is a coroutine that knows only its own routine. It never looks at a clock: it
 * hands the simulator an event, pauses, and is told by `next(time)` when its next step
 * happens. The simulator is the one-threaded main routine: it always resumes the taxi whose
 * event comes first, so a whole fleet runs interleaved without threads or real waiting.
 */

export interface Event {
  time: number;
  proc: number;
  action: string;
}

export function* taxiProcess(
  ident: number,
  trips: number,
  startTime = 0,
): Generator<Event, void, number> {
  // The first event needs no input, so it is what priming yields. Every later `yield` both
  // reports what the taxi just started doing and receives the time of its next step: the
  // taxi's whole state is simply where this body is paused.
  let time = yield { time: startTime, proc: ident, action: 'leave garage' };
  for (let trip = 0; trip < trips; trip++) {
    time = yield { time, proc: ident, action: 'pick up passenger' };
    time = yield { time, proc: ident, action: 'drop off passenger' };
  }
  yield { time, proc: ident, action: 'going home' };
  // Falling off the end is how the taxi says its shift is over: the simulator sees `done`.
}

/**
 * Python compares the tuple `(time, proc, action)` field by field; JavaScript has no tuple
 * order, so the same order is spelled out. Breaking ties on `proc` (then `action`) makes the
 * run deterministic: events at the same moment are never taken in whatever order they happened
 * to be queued.
 */
function compareEvents(a: Event, b: Event): number {
  const x = [a.time, a.proc, a.action];
  const y = [b.time, b.proc, b.action];
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  }
  return 0;
}

/** Adds `event` to `queue` and keeps the queue in order, smallest event first. */
function enqueue(queue: Event[], event: Event): void {
  queue.push(event);
  queue.sort(compareEvents);
}

export class Simulator {
  readonly #procs: Map<number, Generator<Event, void, number>>;
  readonly #duration: (previousAction: string) => number;

  constructor(
    procs: Map<number, Generator<Event, void, number>>,
    duration: (previousAction: string) => number,
  ) {
    // A copy, because finished processes are deleted from it: the caller's map stays intact.
    this.#procs = new Map(procs);
    this.#duration = duration;
  }

  run(endTime: number): { log: Event[]; pending: number } {
    const queue: Event[] = [];
    const log: Event[] = [];

    // Priming runs each body up to its first `yield`, which is where it announces its first
    // event. Doing it in ascending id order makes any side effects of starting reproducible,
    // whatever order the map was filled in.
    const ids = [...this.#procs.keys()].sort((a, b) => a - b);
    for (const id of ids) {
      const first = this.#procs.get(id)!.next();
      if (first.done) this.#procs.delete(id);
      else enqueue(queue, first.value);
    }

    // The clock only jumps from event to event: nothing happens between two events, so
    // there is nothing to wait for. The check comes before taking an event, so the event
    // that carries the clock to or past `endTime` is still taken and handled.
    let simTime = 0;
    while (simTime < endTime && queue.length > 0) {
      const event = queue.shift()!;
      simTime = event.time;
      log.push(event);

      // Resuming the coroutine is the whole "context switch": send when its next step is due
      // and it runs up to its next `yield`, which is its next event.
      const proc = this.#procs.get(event.proc)!;
      const next = proc.next(event.time + this.#duration(event.action));
      if (next.done) this.#procs.delete(event.proc);
      else enqueue(queue, next.value);
    }

    return { log, pending: queue.length };
  }
}
