/**
 * Examples for `npm run trace -- 15`: the first drives two of your racy workers by hand (no
 * scheduler needed), the others spawn your workers into your Scheduler. The trace prints every
 * call made on a worker, what it yielded (a plain pause, an Acquire or a Release), the reads and
 * writes it made in that turn, and its state after; the last line of an example is the counter,
 * or the report your run() returned. The grader does not use this file: change the examples, or
 * add your own.
 *
 * `npm run trace -- 15`의 예제입니다. 한국어 로캘이거나 `--lang ko`를 붙이면 각 예제의 제목으로
 * titleKo가 나옵니다. 채점기는 이 파일을 쓰지 않으니, 예제를 고치거나 새로 더해 보세요.
 */
import type { Conversation, TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './threads-vs-coroutines';

/**
 * The scheduler's counter as a worker sees it, with each read and write also written to
 * `log`, so that each step of the trace shows the accesses of that turn. Only for workers that
 * stop by themselves: a hog would fill the log forever if your budget did not stop it.
 */
function watched(counter: Exercise.SharedCounter, log: string[]): Exercise.SharedCounter {
  return {
    read() {
      const value = counter.read();
      log.push(`read ${value}`);
      return value;
    },
    write(value) {
      counter.write(value);
      log.push(`write ${value}`);
    },
  };
}

/** The report on one line of the trace. */
function noteReport(talk: Conversation, report: Exercise.Report): void {
  const turns = Object.entries(report.turns)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
  const extra = report.running !== undefined ? `, running ${report.running}` : report.cycle !== undefined ? `, cycle ${report.cycle.join(' → ')}` : '';
  talk.note(`run() → ${report.outcome}, counter ${report.counter}, steps ${report.steps}${extra}; turns: ${turns}`);
}

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'by hand, no scheduler: two racy workers take turns on one counter and lose half of the updates',
    titleKo: '스케줄러 없이 손으로: racyWorker 둘이 카운터 하나를 번갈아 쓰다가 갱신의 절반을 잃습니다',
    run(m, talk) {
      const log: string[] = [];
      const plain = {
        value: 0,
        read() {
          return this.value;
        },
        write(value: number) {
          this.value = value;
        },
      };
      const counter = watched(plain, log);
      const queue = [
        talk.record(m.racyWorker(counter, 2), 'r1', { log, madeBy: 'racyWorker(counter, 2)' }),
        talk.record(m.racyWorker(counter, 2), 'r2', { log, madeBy: 'racyWorker(counter, 2)' }),
      ];
      // The README's roundRobin: one next() per turn, back of the queue until done (20 turns at most).
      for (let turn = 0; turn < 20 && queue.length > 0; turn++) {
        const task = queue.shift()!;
        if (!task.next().done) queue.push(task);
      }
      talk.note(`the counter is ${plain.value} after 4 increments`);
    },
  },
  {
    title: 'two locked workers: the same gap, but l2 sleeps on the lock until l1 releases it',
    titleKo: '락을 쓰는 작업자 둘: 틈은 같지만, l2는 l1이 락을 놓을 때까지 잠듭니다',
    run(m, talk) {
      const log: string[] = [];
      const s = new m.Scheduler();
      const counter = watched(s.counter, log);
      s.spawn('l1', talk.record(m.lockedWorker(counter, 1, 'L'), 'l1', { log, madeBy: "lockedWorker(counter, 1, 'L')" }));
      s.spawn('l2', talk.record(m.lockedWorker(counter, 1, 'L'), 'l2', { log, madeBy: "lockedWorker(counter, 1, 'L')" }));
      noteReport(talk, s.run());
    },
  },
  {
    title: 'a hog never yields: one next() spends the rest of the budget, then the scheduler closes w',
    titleKo: 'hog는 yield하지 않습니다. next() 한 번이 남은 예산을 다 쓰고, 그다음 스케줄러가 w를 닫습니다',
    run(m, talk) {
      const log: string[] = [];
      const s = new m.Scheduler({ maxSteps: 10 });
      s.spawn('w', talk.record(m.worker(watched(s.counter, log), 3), 'w', { log, madeBy: 'worker(counter, 3)' }));
      s.spawn('hog', talk.record(m.hog(s.counter), 'hog', { madeBy: 'hog(counter)' }));
      noteReport(talk, s.run());
    },
  },
  {
    title: 'two philosophers take A and B in opposite orders: each holds one lock and waits for the other',
    titleKo: '철학자 둘이 A와 B를 서로 반대 순서로 잡습니다. 각자 락 하나를 쥐고 다른 하나를 기다립니다',
    run(m, talk) {
      const s = new m.Scheduler();
      s.spawn('p1', talk.record(m.philosopher(s.counter, 'A', 'B'), 'p1', { madeBy: "philosopher(counter, 'A', 'B')" }));
      s.spawn('p2', talk.record(m.philosopher(s.counter, 'B', 'A'), 'p2', { madeBy: "philosopher(counter, 'B', 'A')" }));
      noteReport(talk, s.run());
    },
  },
];

export default examples;
