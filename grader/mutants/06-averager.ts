import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'primes-with-zero',
    violates: 'Priming yields null.',
    explanation: {
      en: 'Your averager yields 0 when it is primed; with no numbers yet there is no average, so priming yields `null`.',
      ko: '평균 계산기가 프라이밍할 때 0을 내보냅니다. 아직 받은 숫자가 없으면 평균도 없으므로 `null`을 내보내야 합니다.',
    },
    edits: [['let average: number | null = null;', 'let average = 0;']],
  },
  {
    name: 'count-after-divide',
    violates: 'Each sent value yields the average so far: 10 → 10, 30 → 20, 5 → 15, 20 → 16.25.',
    explanation: {
      en: 'Your averager divides before it counts the new number, so each average is off. Count the number first: sending 10, 30, 5, 20 yields 10, 20, 15, 16.25.',
      ko: '평균 계산기가 새 숫자를 세기 전에 나눠서 평균이 어긋납니다. 숫자를 먼저 세야 10, 30, 5, 20을 보냈을 때 10, 20, 15, 16.25가 나옵니다.',
    },
    edits: [['count += 1;\n    average = total / count;', 'average = total / count;\n    count += 1;']],
  },
  {
    name: 'skips-falsy',
    violates: 'Zero and negative values count.',
    explanation: {
      en: 'Your averager skips 0 as if it were no value. Zero counts like any other number: sending 10 then 0 yields 10 then 5.',
      ko: '평균 계산기가 0을 값이 아닌 것처럼 건너뜁니다. 0도 다른 숫자처럼 세야 합니다. 10, 0을 보내면 10, 5가 나옵니다.',
    },
    edits: [["if (typeof term !== 'number') {", "if (!term) continue;\n    if (typeof term !== 'number') {"]],
  },
  {
    name: 'no-type-check',
    violates: 'A value that is not of type number throws TypeError, and the generator is then closed.',
    explanation: {
      en: 'Your averager accepts values that are not numbers, and its average turns into `NaN`. Throw `TypeError` for anything that is not of type `number`; the averager is then closed.',
      ko: '평균 계산기가 숫자가 아닌 값도 받아서 평균이 `NaN`이 됩니다. `number` 타입이 아닌 값이면 `TypeError`를 던지고, 그 뒤로 평균 계산기는 닫혀야 합니다.',
    },
    edits: [["if (typeof term !== 'number') {", 'if (false) {']],
  },
  {
    name: 'module-level-state',
    violates: 'Then each sent value yields the average so far: the values sent to this averager, not to another one.',
    explanation: {
      en: "Your averagers share their total and count, kept outside the generator, so one averager's numbers change another's average. Each averager keeps its own numbers in local variables.",
      ko: '평균 계산기들이 제너레이터 밖에 둔 합계와 개수를 함께 써서, 한 평균 계산기에 보낸 숫자가 다른 평균 계산기의 평균을 바꿉니다. 평균 계산기마다 자기 숫자를 지역 변수에 간직해야 합니다.',
    },
    edits: [
      ['  let total = 0;\n  let count = 0;\n', ''],
      ['export function*', 'let total = 0;\nlet count = 0;\n\nexport function*'],
    ],
  },
] satisfies Mutant[];
