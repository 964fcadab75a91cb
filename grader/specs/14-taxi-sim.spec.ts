import type * as Target from '@target/14-taxi-sim/taxi-sim';
import { converse, type Conversation } from './support/conversation';
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

/** What a correct taxi yields, so that a failure shows the first step that differs. */
function* modelTaxi(ident: number, trips: number, startTime = 0): Proc {
  let time = yield ev(startTime, ident, 'leave garage');
  for (let trip = 0; trip < trips; trip++) {
    time = yield ev(time, ident, 'pick up passenger');
    time = yield ev(time, ident, 'drop off passenger');
  }
  yield ev(time, ident, 'going home');
}

/** A taxiProcess of the student's, recorded beside its model; `name` as the fleet calls it. */
function taxiIn(talk: Conversation, ident: number, trips: number, startTime?: number, name?: string): Proc {
  const call = `taxiProcess(${ident}, ${trips}${startTime === undefined ? '' : `, ${startTime}`})`;
  const taxi = startTime === undefined ? m.taxiProcess(ident, trips) : m.taxiProcess(ident, trips, startTime);
  return talk.record(taxi, name ?? call, { model: modelTaxi(ident, trips, startTime), ...(name ? { madeBy: call } : {}) });
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

/** Taxi 0 makes 1 trip from time 0, taxi 1 makes 2 trips from time 3; both recorded. */
function smallFleet(talk: Conversation): Map<number, Proc> {
  return new Map<number, Proc>([
    [0, taxiIn(talk, 0, 1, 0, 'taxi0')],
    [1, taxiIn(talk, 1, 2, 3, 'taxi1')],
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
    converse((talk) => {
      const results = drive(taxiIn(talk, 13, 2, 0), [7, 30, 35, 83, 84]);
      expect(results).toEqual([
        { value: ev(0, 13, 'leave garage'), done: false },
        { value: ev(7, 13, 'pick up passenger'), done: false },
        { value: ev(30, 13, 'drop off passenger'), done: false },
        { value: ev(35, 13, 'pick up passenger'), done: false },
        { value: ev(83, 13, 'drop off passenger'), done: false },
        { value: ev(84, 13, 'going home'), done: false },
      ]);
    });
  });

  test('the send after going home finishes the taxi', () => {
    converse((talk) => {
      const taxi = taxiIn(talk, 13, 2, 0);
      drive(taxi, [7, 30, 35, 83, 84]);
      expect(taxi.next(85)).toEqual({ value: undefined, done: true });
    });
  });

  test('without a start time the taxi leaves the garage at time 0', () => {
    converse((talk) => {
      expect(taxiIn(talk, 4, 1).next()).toEqual({ value: ev(0, 4, 'leave garage'), done: false });
    });
  });

  test('the start time sets the time of leaving the garage', () => {
    converse((talk) => {
      expect(taxiIn(talk, 2, 3, 25).next()).toEqual({ value: ev(25, 2, 'leave garage'), done: false });
    });
  });

  test('a taxi with 0 trips leaves the garage, goes home and finishes', () => {
    converse((talk) => {
      expect(drive(taxiIn(talk, 7, 0, 5), [9, 12])).toEqual([
        { value: ev(5, 7, 'leave garage'), done: false },
        { value: ev(9, 7, 'going home'), done: false },
        { value: undefined, done: true },
      ]);
    });
  });
});

describe('Simulator.run priming', () => {
  test('processes are primed in ascending id order, not in the order the map was filled', () => {
    converse((talk) => {
      const primed: number[] = [];
      function* spy(id: number): Proc {
        primed.push(id);
        yield ev(0, id, 'leave garage');
      }
      const procs = new Map<number, Proc>([3, 1, 2].map((id) => [id, talk.record(spy(id), `spy${id}`)]));
      new m.Simulator(procs, () => 1).run(0);
      expect(primed).toEqual([1, 2, 3]);
    });
  });

  test('a process that finishes as it is primed is dropped: it queues no event, and the others run as usual', () => {
    converse((talk) => {
      // eslint-disable-next-line require-yield -- a process with no event at all
      function* empty(): Proc {
        return;
      }
      const procs = new Map<number, Proc>([
        [1, talk.record(empty(), 'empty1')],
        [2, taxiIn(talk, 2, 0, 0, 'taxi2')],
      ]);
      expect(new m.Simulator(procs, () => 1).run(1000)).toEqual({ log: [ev(0, 2, 'leave garage'), ev(1, 2, 'going home')], pending: 0 });
      expect(new m.Simulator(new Map([[1, talk.record(empty(), 'empty1 again')]]), () => 1).run(0)).toEqual({ log: [], pending: 0 });
    });
  });

  test('with endTime 0 no event is taken and every first event is pending', () => {
    converse((talk) => {
      const result = new m.Simulator(smallFleet(talk), duration).run(0);
      expect(result).toEqual({ log: [], pending: 2 });
    });
  });
});

describe('Simulator.run order of events', () => {
  test('a whole fleet runs to the end in time order', () => {
    converse((talk) => {
      expect(new m.Simulator(smallFleet(talk), duration).run(1000).log).toEqual(smallFleetLog);
    });
  });

  test('events at the same time are taken in ascending process id', () => {
    converse((talk) => {
      const procs = new Map<number, Proc>([3, 1, 2].map((id) => [id, taxiIn(talk, id, 1, 0, `taxi${id}`)]));
      const { log } = new m.Simulator(procs, () => 10).run(1);
      expect(log).toEqual([
        ev(0, 1, 'leave garage'),
        ev(0, 2, 'leave garage'),
        ev(0, 3, 'leave garage'),
        ev(10, 1, 'pick up passenger'),
      ]);
    });
  });

  test('a tie in time goes to the lower process id even when it was queued later', () => {
    converse((talk) => {
      const procs = new Map<number, Proc>([
        [1, talk.record(scripted([ev(1, 1, 'leave garage'), ev(5, 1, 'pick up passenger')]), 'proc1')],
        [2, talk.record(scripted([ev(0, 2, 'leave garage'), ev(5, 2, 'drop off passenger')]), 'proc2')],
      ]);
      expect(new m.Simulator(procs, () => 1).run(100).log).toEqual([
        ev(0, 2, 'leave garage'),
        ev(1, 1, 'leave garage'),
        ev(5, 1, 'pick up passenger'),
        ev(5, 2, 'drop off passenger'),
      ]);
    });
  });
});

describe('Simulator.run sending times', () => {
  test('each process is sent the time of its event plus the duration of that action', () => {
    converse((talk) => {
      const received: number[] = [];
      function* recorder(): Proc {
        let time = yield ev(3, 1, 'start');
        received.push(time);
        time = yield ev(time, 1, 'middle');
        received.push(time);
      }
      const spans: Record<string, number> = { start: 4, middle: 9 };
      new m.Simulator(new Map([[1, talk.record(recorder(), 'recorder')]]), (action) => spans[action] ?? 0).run(100);
      expect(received).toEqual([7, 16]);
    });
  });

  test('duration is called once per taken event, with that event\'s action', () => {
    converse((talk) => {
      const actions: string[] = [];
      const spy = (action: string): number => {
        actions.push(action);
        return duration(action);
      };
      new m.Simulator(smallFleet(talk), spy).run(1000);
      expect(actions).toEqual(smallFleetLog.map((event) => event.action));
    });
  });
});

describe('Simulator.run stopping', () => {
  test('the event that carries the clock past endTime is still taken, and the rest stay pending', () => {
    converse((talk) => {
      expect(new m.Simulator(smallFleet(talk), duration).run(6)).toEqual({
        log: smallFleetLog.slice(0, 5),
        pending: 2,
      });
    });
  });

  test('an event exactly at endTime is the last one taken', () => {
    converse((talk) => {
      expect(new m.Simulator(smallFleet(talk), duration).run(8).log).toEqual(smallFleetLog.slice(0, 6));
    });
  });

  test('a finished process is dropped, so it leaves nothing pending', () => {
    converse((talk) => {
      expect(new m.Simulator(smallFleet(talk), duration).run(8).pending).toBe(1);
    });
  });

  test('when the events run out before endTime, pending is 0', () => {
    converse((talk) => {
      expect(new m.Simulator(smallFleet(talk), duration).run(1000).pending).toBe(0);
    });
  });

  test('a process that finishes early does not stop the others', () => {
    converse((talk) => {
      const procs = new Map<number, Proc>([
        [1, taxiIn(talk, 1, 0, 0, 'taxi1')],
        [2, taxiIn(talk, 2, 1, 0, 'taxi2')],
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
});
