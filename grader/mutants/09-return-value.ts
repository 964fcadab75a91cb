import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'zero-taken-as-stop',
    violates: 'averager2: 0 is a term, not a stop.',
    explanation: {
      en: 'Your `averager2` stops when it is sent 0. Only `STOP` ends it; 0 is a term like any other number.',
      ko: '`averager2`가 0을 받으면 끝납니다. `STOP`만 끝내는 신호이고, 0은 다른 숫자와 같은 항입니다.',
    },
    edits: [['if (term === STOP) break;', 'if (!term || term === STOP) break;']],
  },
  {
    name: 'stop-counted-as-term',
    violates: 'averager2: 10, 30, 6.5, STOP → { count: 3, average: 15.5 }.',
    explanation: {
      en: 'Your `averager2` counts `STOP` as a term, so its count is one too many: 10, 30, 6.5, `STOP` gives `{ count: 3, average: 15.5 }`.',
      ko: '`averager2`가 `STOP`도 항으로 세어서 개수가 하나 많습니다. 10, 30, 6.5, `STOP`을 보내면 `{ count: 3, average: 15.5 }`가 나와야 합니다.',
    },
    edits: [
      ['    count += 1;\n', ''],
      ['const term = yield;', 'const term = yield;\n    count += 1;'],
    ],
  },
  {
    name: 'average-without-null-check',
    violates: 'averager2: STOP straight after priming → { count: 0, average: null }.',
    explanation: {
      en: 'Your `averager2` divides by a count of 0 when `STOP` comes straight after priming. With no terms there is no average: `{ count: 0, average: null }`.',
      ko: '프라이밍 바로 뒤에 `STOP`을 보내면 `averager2`가 개수 0으로 나눕니다. 항이 없으면 평균도 없으므로 `{ count: 0, average: null }`이어야 합니다.',
    },
    edits: [['count === 0 ? null : total / count', 'total / count']],
  },
  {
    name: 'module-level-state',
    violates: 'averager2: each averager counts only the terms sent to it (STOP straight after priming → { count: 0, average: null }).',
    explanation: {
      en: 'Your averagers share their count and total, kept outside the generator, so a new `averager2` starts from what earlier ones counted. Every averager has its own count and total.',
      ko: '평균 계산기들이 제너레이터 밖에 둔 개수와 합계를 함께 써서, 새 `averager2`가 앞선 것들이 센 값에서 시작합니다. 평균 계산기마다 자기 개수와 합계를 가져야 합니다.',
    },
    edits: [
      ['  let total = 0;\n  let count = 0;\n', ''],
      ['export function* averager2', 'let total = 0;\nlet count = 0;\n\nexport function* averager2'],
    ],
  },
  {
    name: 'stop-iteration-without-name',
    violates: "StopIteration is an Error whose name is 'StopIteration'.",
    explanation: {
      en: "Your `StopIteration` keeps the `name` of a plain `Error`; its `name` must be `'StopIteration'`.",
      ko: "`StopIteration`의 `name`이 평범한 `Error`의 것 그대로입니다. `name`은 `'StopIteration'`이어야 합니다.",
    },
    edits: [["override readonly name = 'StopIteration';", '']],
  },
  {
    name: 'send-without-stop-iteration',
    violates: 'send(gen, v): when the generator finishes it throws StopIteration carrying the return value.',
    explanation: {
      en: "Your `send` returns quietly when the generator finishes. Like Python's, it throws a `StopIteration` whose `value` is the generator's return value.",
      ko: '제너레이터가 끝나도 `send`가 조용히 값을 돌려줍니다. 파이썬의 `send`처럼, 반환값을 `value`에 담은 `StopIteration`을 던져야 합니다.',
    },
    edits: [['if (result.done) throw new StopIteration(result.value);', '']],
  },
  {
    name: 'result-of-without-priming',
    violates: 'resultOf(gen, inputs) primes gen, then sends each input in order with send.',
    explanation: {
      en: 'Your `resultOf` sends the first input without priming, so that input is lost. Prime the generator first, then send every input in order.',
      ko: '`resultOf`가 프라이밍하지 않고 첫 입력을 보내서 그 입력을 잃어버립니다. 제너레이터를 먼저 프라이밍한 뒤 입력을 차례대로 모두 보내야 합니다.',
    },
    edits: [['    send(gen, undefined);\n', '']],
  },
  {
    name: 'result-of-swallows-exhaustion',
    violates: 'If the inputs run out before the generator finishes, resultOf throws Error (message contains `did not finish`).',
    explanation: {
      en: 'When the inputs run out before the generator finishes, your `resultOf` returns `undefined`; it must throw an `Error` whose message contains `did not finish`.',
      ko: '제너레이터가 끝나기 전에 입력이 떨어지면 `resultOf`가 `undefined`를 돌려줍니다. 그때는 메시지에 `did not finish`가 들어간 `Error`를 던져야 합니다.',
    },
    edits: [["throw new Error('resultOf: the generator did not finish before its inputs ran out');", 'return undefined as R;']],
  },
] satisfies Mutant[];
