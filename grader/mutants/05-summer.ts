import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'falsy-check',
    violates: 'Sending something that is not of type number throws TypeError (0 is a number and is added).',
    explanation: {
      en: 'Your summer takes 0 for a value that is not a number and throws on it. 0 is a number and is added like any other; only values that are not of type `number` throw `TypeError`.',
      ko: '누적 합계기가 0을 숫자가 아닌 값으로 여기고 예외를 던집니다. 0도 숫자이므로 다른 숫자처럼 더해야 하고, `TypeError`는 `number` 타입이 아닌 값에만 던집니다.',
    },
    edits: [["if (typeof value !== 'number') {", 'if (!value) {']],
  },
  {
    name: 'no-type-check',
    violates: 'Sending something that is not of type number (a bare next(), a string) throws TypeError.',
    explanation: {
      en: 'Your summer adds whatever it is sent, so a bare `next()` or a string gives `NaN` or a glued string instead of an error. Check the type yourself and throw `TypeError` for anything that is not a `number`.',
      ko: '누적 합계기가 받은 값을 무엇이든 더해서, 인자 없는 `next()`나 문자열을 보내면 에러 대신 `NaN`이나 이어 붙인 문자열이 나옵니다. 타입을 직접 검사해서 `number`가 아닌 값이면 `TypeError`를 던져야 합니다.',
    },
    edits: [["if (typeof value !== 'number') {", 'if (false) {']],
  },
  {
    name: 'catches-and-continues',
    violates: 'Sending something that is not of type number throws TypeError; the generator is then closed.',
    explanation: {
      en: 'Your summer catches the `TypeError` for a value that is not a number and carries on. Let it out of the body: the caller gets the `TypeError`, and the summer is closed afterwards.',
      ko: '누적 합계기가 숫자가 아닌 값에 대한 `TypeError`를 스스로 잡고 계속 실행합니다. 예외를 본문 밖으로 내보내야 호출자가 `TypeError`를 받고, 누적 합계기도 그 뒤로 닫힙니다.',
    },
    edits: [
      ["if (typeof value !== 'number') {", "try {\n      if (typeof value !== 'number') {"],
      ['total += value;', 'total += value;\n    } catch {\n      // the bad value is dropped and the total kept\n    }'],
    ],
  },
  {
    name: 'ignores-start',
    violates: 'Priming yields start (default 0).',
    explanation: {
      en: 'Your summer starts from 0 even when a start value is given: priming yields `start`, and the total starts from it.',
      ko: '누적 합계기가 시작값을 주어도 0부터 시작합니다. 프라이밍하면 `start`를 내보내고, 합계도 거기서 시작해야 합니다.',
    },
    edits: [['let total = start;', 'let total = 0;']],
  },
  {
    name: 'module-level-total',
    violates: 'Every instance has its own total.',
    explanation: {
      en: 'Your summers share one total kept outside the generator, so two summers add into each other. Keep the total in a local variable of the generator.',
      ko: '누적 합계기들이 제너레이터 밖에 둔 합계 하나를 함께 써서, 두 누적 합계기가 서로의 합계에 더합니다. 합계는 제너레이터의 지역 변수에 두어야 합니다.',
    },
    edits: [
      ['export function*', 'let total = 0;\n\nexport function*'],
      ['let total = start;', 'total = start;'],
    ],
  },
] satisfies Mutant[];
