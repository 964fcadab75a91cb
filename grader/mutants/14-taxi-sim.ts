import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'trip-loop-off-by-one',
    violates: 'taxiProcess(13, 2, 0) makes two trips, then going home, and the next send finishes it.',
    explanation: {
      en: 'Your `taxiProcess` makes one trip too many: `taxiProcess(13, 2, 0)` makes two trips, then `going home`, and the next send finishes it.',
      ko: '`taxiProcess`가 한 번 더 운행합니다. `taxiProcess(13, 2, 0)`은 두 번 운행한 뒤 `going home`이고, 그다음 값을 보내면 끝나야 합니다.',
    },
    edits: [['trip < trips', 'trip <= trips']],
  },
  {
    name: 'primes-in-insertion-order',
    violates: 'Simulator.run primes each process in ascending id order.',
    explanation: {
      en: 'Your `Simulator` primes the processes in the order the map was filled in; it primes them in ascending id order.',
      ko: '`Simulator`가 맵에 넣은 순서대로 프로세스를 프라이밍합니다. 프로세스 번호가 작은 것부터 프라이밍해야 합니다.',
    },
    edits: [['[...this.#procs.keys()].sort((a, b) => a - b)', '[...this.#procs.keys()]']],
  },
  {
    name: 'tie-on-time-only',
    violates: 'It takes the smallest event by (time, proc, action).',
    explanation: {
      en: 'Your `Simulator` orders events by time only, so events at the same time come in no fixed order. Take the smallest event by `(time, proc, action)`.',
      ko: '`Simulator`가 사건을 시각으로만 정렬해서 같은 시각의 사건들이 정해진 순서 없이 나옵니다. `(time, proc, action)`으로 가장 작은 사건을 꺼내야 합니다.',
    },
    edits: [['for (let i = 0; i < x.length; i++) {', 'for (let i = 0; i < 1; i++) {']],
  },
  {
    name: 'end-check-after-taking',
    violates: 'While simulation time < endTime and events remain, it takes the smallest event and handles it.',
    explanation: {
      en: 'Your `Simulator` checks the end time after taking an event, so the event that brings the clock to `endTime` is lost. Check before taking: that event is still taken, and with `endTime` 0 nothing is.',
      ko: '`Simulator`가 사건을 꺼낸 뒤에 끝 시각을 검사해서, 시계를 `endTime`에 이르게 하는 사건을 놓칩니다. 꺼내기 전에 검사해야 그 사건도 기록되고, `endTime`이 0이면 아무것도 꺼내지 않습니다.',
    },
    edits: [
      ['while (simTime < endTime && queue.length > 0) {', 'while (queue.length > 0) {'],
      ['simTime = event.time;', 'simTime = event.time;\n      if (simTime >= endTime) break;'],
    ],
  },
  {
    name: 'sends-duration-only',
    violates: 'It sends time + duration(action) to that process.',
    explanation: {
      en: 'Your `Simulator` sends a process only how long its action lasts. It sends the time the action ends: `time + duration(action)`.',
      ko: '`Simulator`가 프로세스에 행동이 걸리는 시간만 보냅니다. 행동이 끝나는 시각, 곧 `time + duration(action)`을 보내야 합니다.',
    },
    edits: [['proc.next(event.time + this.#duration', 'proc.next(this.#duration']],
  },
  {
    name: 'finished-process-not-dropped',
    violates: 'It queues what the process yields (a finished process is dropped).',
    explanation: {
      en: 'Your `Simulator` queues what a finished process hands back. A process that finishes is dropped: only the events it yields are queued.',
      ko: '`Simulator`가 끝난 프로세스가 돌려준 것도 큐에 넣습니다. 끝난 프로세스는 빼야 하고, 프로세스가 `yield`한 사건만 큐에 넣어야 합니다.',
    },
    edits: [['if (next.done) this.#procs.delete(event.proc);\n      else enqueue(queue, next.value);', 'enqueue(queue, next.value as Event);']],
  },
  {
    name: 'pending-counts-processes',
    violates: 'pending is the number of queued events when it stops (0 when it ran out of events).',
    explanation: {
      en: 'Your `run` reports as `pending` the number of processes left. It is the number of events still queued when it stops, 0 when it ran out of events.',
      ko: '`run`이 `pending`으로 남은 프로세스 수를 알립니다. `pending`은 멈췄을 때 큐에 남은 사건 수이고, 사건이 떨어져 멈췄다면 0이어야 합니다.',
    },
    edits: [
      ['if (next.done) this.#procs.delete(event.proc);\n      else enqueue', 'if (!next.done) enqueue'],
      ['pending: queue.length', 'pending: this.#procs.size'],
    ],
  },
] satisfies Mutant[];
