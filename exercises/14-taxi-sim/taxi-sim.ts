/**
 * 14 · Taxi simulation — a discrete-event simulation (Fluent Python's taxi fleet).
 *
 * Read README.md first. Turn `taxiProcess` into a generator (`function*`, keep the parameter
 * and return types) and fill in `Simulator`.
 * Check your work with `npm run grade -- --exercise 14`; stuck? `npm run hint -- 14`.
 */

// Given: one thing that happens in the simulation. `proc` is the id of the taxi it belongs to.
export interface Event {
  time: number;
  proc: number;
  action: string;
}

/** One taxi's shift: leave the garage, make `trips` trips, go home. */
export function taxiProcess(ident: number, trips: number, startTime?: number): Generator<Event, void, number> {
  // TODO: make this a generator. Its first yield is the event `leave garage` at startTime
  // (0 when not given). Every later yield receives the time of the taxi's next step and uses
  // it for the next event: for each trip `pick up passenger`, then `drop off passenger`;
  // after the trips `going home`. The next() after `going home` finishes the generator.
  throw new Error('Not implemented: taxiProcess (exercises/14-taxi-sim/taxi-sim.ts)');
}

/** Runs processes (taxis) keyed by id, always resuming the one whose event comes first. */
export class Simulator {
  constructor(
    procs: Map<number, Generator<Event, void, number>>,
    duration: (previousAction: string) => number,
  ) {
    // TODO: keep the processes and the duration function for run().
    throw new Error('Not implemented: Simulator (exercises/14-taxi-sim/taxi-sim.ts)');
  }

  run(endTime: number): { log: Event[]; pending: number } {
    // TODO: prime every process in ascending id order and queue its first event. Then, while
    // the simulation time (the time of the last event taken, 0 at first) is below endTime and
    // events remain: take the smallest event by (time, proc, action), add it to the log, send
    // event.time + duration(event.action) to its process and queue the event it yields (drop
    // a process that finishes). Return the log and how many events are still queued.
    throw new Error('Not implemented: Simulator.run (exercises/14-taxi-sim/taxi-sim.ts)');
  }
}
