import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'stages-not-primed',
    violates: 'grep, broadcast and collector return primed sinks: the first line sent arrives.',
    explanation: {
      en: 'Your stages hand back sinks that are not primed, so the first line sent is lost. `grep`, `broadcast` and `collector` return primed sinks: the very first line arrives.',
      ko: '단계들이 프라이밍하지 않은 싱크를 돌려줘서 처음 보낸 줄을 잃어버립니다. `grep`, `broadcast`, `collector`는 프라이밍된 싱크를 돌려줘서, 맨 처음 줄부터 도착해야 합니다.',
    },
    edits: [['  sink.next();\n', '']],
  },
  {
    name: 'grep-primes-target-again',
    violates: 'grep passes on only the lines that contain the pattern (its target arrives primed; priming it again sends it undefined).',
    explanation: {
      en: "Your `grep` primes its target again, which sends it `undefined`. The target arrives already primed: don't prime it a second time.",
      ko: '`grep`이 대상을 한 번 더 프라이밍해서 `undefined`를 보냅니다. 대상은 이미 프라이밍된 채로 오므로 다시 프라이밍하지 않아야 합니다.',
    },
    edits: [['export function grep(pattern: string, target: Sink): Sink {', 'export function grep(pattern: string, target: Sink): Sink {\n  target.next();']],
  },
  {
    name: 'broadcast-primes-targets-again',
    violates: 'broadcast sends each line to every target in order (its targets arrive primed; priming them again sends them undefined).',
    explanation: {
      en: 'Your `broadcast` primes its targets again, which sends each of them `undefined`. They arrive already primed: send them only the lines.',
      ko: '`broadcast`가 대상들을 한 번 더 프라이밍해서 저마다 `undefined`를 받습니다. 대상들은 이미 프라이밍된 채로 오므로 줄만 보내야 합니다.',
    },
    edits: [['export function broadcast(targets: Sink[]): Sink {', 'export function broadcast(targets: Sink[]): Sink {\n  for (const target of targets) target.next();']],
  },
  {
    name: 'grep-uses-regex',
    violates: 'grep passes on a line when line.includes(pattern) (case-sensitive, no regex).',
    explanation: {
      en: 'Your `grep` reads the pattern as a regular expression. It matches plain text, case-sensitive: a line passes when `line.includes(pattern)`.',
      ko: '`grep`이 패턴을 정규 표현식으로 읽습니다. 패턴은 대소문자를 구분하는 평범한 글자이고, `line.includes(pattern)`일 때 줄을 넘겨야 합니다.',
    },
    edits: [['line.includes(pattern)', 'new RegExp(pattern).test(line)']],
  },
  {
    name: 'source-does-not-close',
    violates: 'source sends every line to target, then closes it with return().',
    explanation: {
      en: 'Your `source` sends every line but never closes its target. After the last line (also when there are none) it closes the target with `return()`.',
      ko: '`source`가 줄은 모두 보내지만 대상을 닫지 않습니다. 마지막 줄을 보낸 뒤(줄이 하나도 없을 때도) `return()`으로 대상을 닫아야 합니다.',
    },
    edits: [['  target.return();\n}', '}']],
  },
  {
    name: 'grep-cleanup-in-catch',
    violates: "Closing a stage closes what it feeds: grep's finally calls return() on its target.",
    explanation: {
      en: 'Your `grep` closes its target only when an error is thrown in, so `return()` at the head of the pipeline leaves the later stages open. Close the target in a `finally`.',
      ko: '`grep`이 에러를 던져 넣었을 때만 대상을 닫아서, 파이프라인 머리에서 `return()`해도 뒤 단계들이 열린 채로 남습니다. 대상은 `finally`에서 닫아야 합니다.',
    },
    edits: [
      ['} finally {\n        // `return()`', '} catch (error) {\n        // `return()`'],
      ['        target.return();\n', '        target.return();\n        throw error;\n'],
    ],
  },
  {
    name: 'broadcast-cleanup-in-catch',
    violates: "Closing a stage closes what it feeds: broadcast's finally calls return() on each of its targets.",
    explanation: {
      en: 'Your `broadcast` closes its targets only when an error is thrown in, so `return()` leaves them open. Close every target in a `finally`.',
      ko: '`broadcast`가 에러를 던져 넣었을 때만 대상들을 닫아서, `return()`해도 대상들이 열린 채로 남습니다. 모든 대상을 `finally`에서 닫아야 합니다.',
    },
    edits: [['} finally {\n        for (const target of targets) target.return();', '} catch (error) {\n        for (const target of targets) target.return();\n        throw error;']],
  },
] satisfies Mutant[];
