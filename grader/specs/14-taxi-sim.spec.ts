import type * as Target from '@target/14-taxi-sim/taxi-sim';
import { loadTarget } from './support/target';

const m = loadTarget<typeof Target>('14-taxi-sim');

type Event = Target.Event;
type Proc = Generator<Event, void, number>;

const ev = (time: number, proc: number, action: string): Event => ({ time, proc, action });

/** Pulls at most `limit` results, so a taxi that never finishes fails instead of hanging. */
function drive(gen: Proc, sends: number[], limit = 20): IteratorResult<Event, void>[] {
  const results: IteratorResult<Event, void>[] = [gen.next()];
  for (const time of sends.slice(0, limit)) results.push(gen.next(time));
  return results;
}

/** A process that yields fixed events, whatever time it is sent. */
function* scripted(events: Event[]): Proc {
  for (const event of events) yield event;
}

/** Fixed durations, so runs are deterministic (Fluent Python draws them at random). */
const durations: Record<string, number> = {
  'leave garage': 2,
  'pick up passenger': 5,
  'drop off passenger': 1,
  'going home': 1,
};
const duration = (action: string): number => durations[action] ?? 0;

/** Taxi 0 makes 1 trip from time 0, taxi 1 makes 2 trips from time 3. */
function smallFleet(): Map<number, Proc> {
  return new Map<number, Proc>([
    [0, m.taxiProcess(0, 1, 0)],
    [1, m.taxiProcess(1, 2, 3)],
  ]);
}

const smallFleetLog: Event[] = [
  ev(0, 0, 'leave garage'),
  ev(2, 0, 'pick up passenger'),
  ev(3, 1, 'leave garage'),
  ev(5, 1, 'pick up passenger'),
  ev(7, 0, 'drop off passenger'),
  ev(8, 0, 'going home'),
  ev(10, 1, 'drop off passenger'),
  ev(11, 1, 'pick up passenger'),
  ev(16, 1, 'drop off passenger'),
  ev(17, 1, 'going home'),
];

describe('taxiProcess', () => {
  test('taxi 13 with 2 trips yields its six events at the times it is sent', () => {
    const results = drive(m.taxiProcess(13, 2, 0), [7, 30, 35, 83, 84]);
    expect(results).toEqual([
      { value: ev(0, 13, 'leave garage'), done: false },
      { value: ev(7, 13, 'pick up passenger'), done: false },
      { value: ev(30, 13, 'drop off passenger'), done: false },
      { value: ev(35, 13, 'pick up passenger'), done: false },
      { value: ev(83, 13, 'drop off passenger'), done: false },
      { value: ev(84, 13, 'going home'), done: false },
    ]);
  });

  test('the send after going home finishes the taxi', () => {
    const taxi = m.taxiProcess(13, 2, 0);
    drive(taxi, [7, 30, 35, 83, 84]);
    expect(taxi.next(85)).toEqual({ value: undefined, done: true });
  });

  test('without a start time the taxi leaves the garage at time 0', () => {
    expect(m.taxiProcess(4, 1).next()).toEqual({ value: ev(0, 4, 'leave garage'), done: false });
  });

  test('the start time sets the time of leaving the garage', () => {
    expect(m.taxiProcess(2, 3, 25).next()).toEqual({ value: ev(25, 2, 'leave garage'), done: false });
  });

  test('a taxi with 0 trips leaves the garage, goes home and finishes', () => {
    expect(drive(m.taxiProcess(7, 0, 5), [9, 12])).toEqual([
      { value: ev(5, 7, 'leave garage'), done: false },
      { value: ev(9, 7, 'going home'), done: false },
      { value: undefined, done: true },
    ]);
  });
});

describe('Simulator.run priming', () => {
  test('processes are primed in ascending id order, not in the order the map was filled', () => {
    const primed: number[] = [];
    function* spy(id: number): Proc {
      primed.push(id);
      yield ev(0, id, 'leave garage');
    }
    const procs = new Map<number, Proc>([3, 1, 2].map((id) => [id, spy(id)]));
    new m.Simulator(procs, () => 1).run(0);
    expect(primed).toEqual([1, 2, 3]);
  });

  test('with endTime 0 no event is taken and every first event is pending', () => {
    const result = new m.Simulator(smallFleet(), duration).run(0);
    expect(result).toEqual({ log: [], pending: 2 });
  });
});

describe('Simulator.run order of events', () => {
  test('a whole fleet runs to the end in time order', () => {
    expect(new m.Simulator(smallFleet(), duration).run(1000).log).toEqual(smallFleetLog);
  });

  test('events at the same time are taken in ascending process id', () => {
    const procs = new Map<number, Proc>([3, 1, 2].map((id) => [id, m.taxiProcess(id, 1, 0)]));
    const { log } = new m.Simulator(procs, () => 10).run(1);
    expect(log).toEqual([
      ev(0, 1, 'leave garage'),
      ev(0, 2, 'leave garage'),
      ev(0, 3, 'leave garage'),
      ev(10, 1, 'pick up passenger'),
    ]);
  });

  test('a tie in time goes to the lower process id even when it was queued later', () => {
    const procs = new Map<number, Proc>([
      [1, scripted([ev(1, 1, 'leave garage'), ev(5, 1, 'pick up passenger')])],
      [2, scripted([ev(0, 2, 'leave garage'), ev(5, 2, 'drop off passenger')])],
    ]);
    expect(new m.Simulator(procs, () => 1).run(100).log).toEqual([
      ev(0, 2, 'leave garage'),
      ev(1, 1, 'leave garage'),
      ev(5, 1, 'pick up passenger'),
      ev(5, 2, 'drop off passenger'),
    ]);
  });
});

describe('Simulator.run sending times', () => {
  test('each process is sent the time of its event plus the duration of that action', () => {
    const received: number[] = [];
    function* recorder(): Proc {
      let time = yield ev(3, 1, 'start');
      received.push(time);
      time = yield ev(time, 1, 'middle');
      received.push(time);
    }
    const spans: Record<string, number> = { start: 4, middle: 9 };
    new m.Simulator(new Map([[1, recorder()]]), (action) => spans[action] ?? 0).run(100);
    expect(received).toEqual([7, 16]);
  });

  test('duration is called once per taken event, with that event\'s action', () => {
    const actions: string[] = [];
    const spy = (action: string): number => {
      actions.push(action);
      return duration(action);
    };
    new m.Simulator(smallFleet(), spy).run(1000);
    expect(actions).toEqual(smallFleetLog.map((event) => event.action));
  });
});

describe('Simulator.run stopping', () => {
  test('the event that carries the clock past endTime is still taken, and the rest stay pending', () => {
    expect(new m.Simulator(smallFleet(), duration).run(6)).toEqual({
      log: smallFleetLog.slice(0, 5),
      pending: 2,
    });
  });

  test('an event exactly at endTime is the last one taken', () => {
    expect(new m.Simulator(smallFleet(), duration).run(8).log).toEqual(smallFleetLog.slice(0, 6));
  });

  test('a finished process is dropped, so it leaves nothing pending', () => {
    expect(new m.Simulator(smallFleet(), duration).run(8).pending).toBe(1);
  });

  test('when the events run out before endTime, pending is 0', () => {
    expect(new m.Simulator(smallFleet(), duration).run(1000).pending).toBe(0);
  });

  test('a process that finishes early does not stop the others', () => {
    const procs = new Map<number, Proc>([
      [1, m.taxiProcess(1, 0, 0)],
      [2, m.taxiProcess(2, 1, 0)],
    ]);
    expect(new m.Simulator(procs, () => 1).run(1000)).toEqual({
      log: [
        ev(0, 1, 'leave garage'),
        ev(0, 2, 'leave garage'),
        ev(1, 1, 'going home'),
        ev(1, 2, 'pick up passenger'),
        ev(2, 2, 'drop off passenger'),
        ev(3, 2, 'going home'),
      ],
      pending: 0,
    });
  });
});
