/**
 * Examples for `npm run trace -- 11`: each one hands a small generator to your run(), or feeds
 * your asyncGrouper, and the trace prints every call made on the generator, what came back, and
 * its state after. For a generator that run drives, those calls are the ones your run makes:
 * `next(21)` with what a promise settled to, `throw(…)` for a rejection. The grader does not use
 * this file: change the examples, or add your own.
 *
 * `npm run trace -- 11`의 예제입니다. 한국어 로캘이거나 `--lang ko`를 붙이면 각 예제의 제목으로
 * titleKo가 나옵니다. 채점기는 이 파일을 쓰지 않으니, 예제를 고치거나 새로 더해 보세요.
 */
import type { TraceExample } from '../../grader/specs/support/conversation';
import type * as Exercise from './await-delegation';

const examples: TraceExample<typeof Exercise>[] = [
  {
    title: 'run waits for each promise or thenable, and sends a plain value back too, one microtask later (never synchronously)',
    titleKo: 'run은 프로미스와 thenable을 하나하나 기다리고, 평범한 값도 마이크로태스크 하나만큼 뒤에(절대 동기적으로가 아니라) 돌려보냅니다',
    async run(m, talk) {
      const thenable = { then: (resolve: (value: string) => void) => resolve('from a thenable') };
      function* job(): Generator<unknown, string, unknown> {
        const a = yield Promise.resolve(21);
        const b = yield thenable;
        const c = yield 5;
        return `${String(a)}, ${String(b)}, ${String(c)}`;
      }
      const result = m.run(() => talk.record(job(), 'job()'));
      talk.note('run has returned its promise; job() waits at its first yield');
      talk.note(`run's promise resolved with ${JSON.stringify(await result)}`);
    },
  },
  {
    title: 'a rejection is thrown in at its yield: a try/catch there handles it; one nothing catches rejects run',
    titleKo: '거부는 그 yield 자리에 던져집니다. 거기의 try/catch가 처리하고, 아무도 잡지 않은 거부는 run을 거부합니다',
    async run(m, talk) {
      function* job(): Generator<unknown, string, unknown> {
        try {
          yield Promise.reject(new Error('network down'));
        } catch (error) {
          console.log(`job caught ${String(error)}`);
        }
        const retried = yield Promise.resolve('second try');
        console.log(`job got ${String(retried)}`);
        yield Promise.reject(new Error('disk full'));
        return 'never here';
      }
      // Called outside the try: run itself must never throw, only reject.
      const result = m.run(() => talk.record(job(), 'job()'));
      try {
        await result;
      } catch (error) {
        talk.note(`run's promise rejected with ${String(error)}`);
      }
    },
  },
  {
    title: 'yield* inside the driven generator: the calls run makes pass on to the inner generator',
    titleKo: '돌리는 제너레이터 안의 yield*: run이 하는 호출이 안쪽 제너레이터까지 전달됩니다',
    async run(m, talk) {
      function* fetchPair(): Generator<unknown, number, unknown> {
        const a = (yield Promise.resolve(1)) as number;
        const b = (yield 2) as number;
        return a + b;
      }
      function* job(): Generator<unknown, number, unknown> {
        const sum = yield* talk.record(fetchPair(), 'fetchPair()');
        return sum * 10;
      }
      talk.note(`run's promise resolved with ${await m.run(() => talk.record(job(), 'job()'))}`);
    },
  },
  {
    title: 'asyncGrouper: numbers go on to its averager through yield*; STOP stores the result and starts anew',
    titleKo: 'asyncGrouper: 숫자는 yield*를 거쳐 평균 계산기로 가고, STOP은 결과를 저장한 뒤 새로 시작합니다',
    async run(m, talk) {
      const results: Record<string, Exercise.Result> = {};
      // An async generator: each step shows what its next() promise settled to.
      const grouper = talk.record(m.asyncGrouper(results, 'girls;kg'), 'grouper', { madeBy: 'asyncGrouper(results, key)' });
      await grouper.next();
      await grouper.next(40.9);
      await grouper.next(38.5);
      await grouper.next(m.STOP);
      talk.note(`results is now ${JSON.stringify(results)}`);
      await grouper.next(44.3);
      await grouper.next(m.STOP);
      talk.note(`results is now ${JSON.stringify(results)}`);
    },
  },
];

export default examples;
