import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'trip-loop-off-by-one',
    violates: 'taxiProcess(13, 2, 0) makes two trips, then going home, and the next send finishes it.',
    edits: [['trip < trips', 'trip <= trips']],
  },
  {
    name: 'primes-in-insertion-order',
    violates: 'Simulator.run primes each process in ascending id order.',
    edits: [['[...this.#procs.keys()].sort((a, b) => a - b)', '[...this.#procs.keys()]']],
  },
  {
    name: 'tie-on-time-only',
    violates: 'It takes the smallest event by (time, proc, action).',
    edits: [['for (let i = 0; i < x.length; i++) {', 'for (let i = 0; i < 1; i++) {']],
  },
  {
    name: 'end-check-after-taking',
    violates: 'While simulation time < endTime and events remain, it takes the smallest event and handles it.',
    edits: [
      ['while (simTime < endTime && queue.length > 0) {', 'while (queue.length > 0) {'],
      ['simTime = event.time;', 'simTime = event.time;\n      if (simTime >= endTime) break;'],
    ],
  },
  {
    name: 'sends-duration-only',
    violates: 'It sends time + duration(action) to that process.',
    edits: [['proc.next(event.time + this.#duration', 'proc.next(this.#duration']],
  },
  {
    name: 'finished-process-not-dropped',
    violates: 'It queues what the process yields (a finished process is dropped).',
    edits: [['if (next.done) this.#procs.delete(event.proc);\n      else enqueue(queue, next.value);', 'enqueue(queue, next.value as Event);']],
  },
  {
    name: 'pending-counts-processes',
    violates: 'pending is the number of queued events when it stops (0 when it ran out of events).',
    edits: [
      ['if (next.done) this.#procs.delete(event.proc);\n      else enqueue', 'if (!next.done) enqueue'],
      ['pending: queue.length', 'pending: this.#procs.size'],
    ],
  },
] satisfies Mutant[];
