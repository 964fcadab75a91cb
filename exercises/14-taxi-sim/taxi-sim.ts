/**
 * 14 · Taxi simulation — a discrete-event simulation (Fluent Python's taxi fleet).
 *
 * Read README.md first. Turn `taxiProcess` into a generator (`function*`, keep the parameter
 * and return types) and fill in `Simulator`.
 * Check your work with `npm run grade -- --exercise 14`; stuck? `npm run hint -- 14`.
 *
 * 한국어: README.ko.md를 먼저 읽으세요. 막히면 `npm run hint -- 14 --lang ko`.
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
  // 할 일: 제너레이터로 만든다. 첫 yield는 startTime(주지 않았으면 0)의 `leave garage` 사건이다.
  // 그 뒤의 yield는 택시의 다음 단계 시각을 받아 다음 사건에 쓴다. 운행마다 `pick up passenger`,
  // `drop off passenger`, 운행이 끝나면 `going home`. `going home` 다음의 next()가 제너레이터를
  // 끝낸다.
  throw new Error('Not implemented: taxiProcess (exercises/14-taxi-sim/taxi-sim.ts)');
}

/** Runs processes (taxis) keyed by id, always resuming the one whose event comes first. */
export class Simulator {
  constructor(
    procs: Map<number, Generator<Event, void, number>>,
    duration: (previousAction: string) => number,
  ) {
    // TODO: keep the processes and the duration function for run().
    // 할 일: run()에서 쓸 프로세스들과 duration 함수를 간직한다.
    throw new Error('Not implemented: Simulator (exercises/14-taxi-sim/taxi-sim.ts)');
  }

  run(endTime: number): { log: Event[]; pending: number } {
    // TODO: prime every process in ascending id order and queue its first event. Then, while
    // the simulation time (the time of the last event taken, 0 at first) is below endTime and
    // events remain: take the smallest event by (time, proc, action), add it to the log, send
    // event.time + duration(event.action) to its process and queue the event it yields (drop
    // a process that finishes). Return the log and how many events are still queued.
    // 할 일: 모든 프로세스를 id 오름차순으로 프라이밍하고 첫 사건을 큐에 넣는다. 그다음 시뮬레이션
    // 시각(마지막으로 꺼낸 사건의 시각, 처음에는 0)이 endTime보다 작고 사건이 남아 있는 동안,
    // (time, proc, action)으로 가장 작은 사건을 꺼내 log에 넣고, 그 프로세스에
    // event.time + duration(event.action)을 보내고, 프로세스가 내놓은 사건을 큐에 넣는다(끝난
    // 프로세스는 뺀다). log와 큐에 남은 사건 수를 돌려준다.
    throw new Error('Not implemented: Simulator.run (exercises/14-taxi-sim/taxi-sim.ts)');
  }
}
