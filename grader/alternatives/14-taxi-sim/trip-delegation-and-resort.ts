// Alternative: the taxi delegates each trip to a small generator with yield*, and the simulator keeps its queue as a plain array that it sorts again, with a comparator, after every push.

export interface Event {
  time: number;
  proc: number;
  action: string;
}

/** One trip: the two events, each one's time taken from what is sent in; returns the last time. */
function* trip(ident: number, time: number): Generator<Event, number, number> {
  const pickedUpAt = time;
  const droppedOffAt = yield { time: pickedUpAt, proc: ident, action: 'pick up passenger' };
  const next = yield { time: droppedOffAt, proc: ident, action: 'drop off passenger' };
  return next;
}

export function* taxiProcess(ident: number, trips: number, startTime = 0): Generator<Event, void, number> {
  let time = yield { time: startTime, proc: ident, action: 'leave garage' };
  for (let done = 0; done < trips; done++) time = yield* trip(ident, time);
  yield { time, proc: ident, action: 'going home' };
}

/** Python's tuple order on (time, proc, action). */
function byTimeProcAction(a: Event, b: Event): number {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  if (a.proc !== b.proc) return a.proc < b.proc ? -1 : 1;
  if (a.action === b.action) return 0;
  return a.action < b.action ? -1 : 1;
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
    // Each queued event beside the id of the process that yielded it.
    const queue: Array<{ event: Event; from: number }> = [];
    const push = (event: Event, from: number): void => {
      queue.push({ event, from });
      queue.sort((a, b) => byTimeProcAction(a.event, b.event));
    };
    const ids = [...this.procs.keys()].sort((a, b) => a - b);
    for (const id of ids) {
      const first = this.procs.get(id)!.next();
      if (!first.done) push(first.value, id);
    }
    const log: Event[] = [];
    let simTime = 0;
    while (simTime < endTime && queue.length > 0) {
      const { event, from } = queue.shift()!;
      log.push(event);
      simTime = event.time;
      const next = this.procs.get(from)!.next(event.time + this.duration(event.action));
      if (next.done) this.procs.delete(from);
      else push(next.value, from);
    }
    return { log, pending: queue.length };
  }
}
