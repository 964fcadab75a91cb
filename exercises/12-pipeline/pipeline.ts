/**
 * 12 · Pipelines: coroutines that push data.
 *
 * Build Beazley's push pipeline: a source sends lines into stages that filter (grep), fan out
 * (broadcast) or collect. See README.md.
 *
 * 한국어: README.ko.md를 먼저 읽으세요. 막히면 `npm run hint -- 12 --lang ko`.
 */

// Given: what every stage is — a generator you send strings into.
export type Sink = Generator<void, void, string>;

export function source(lines: Iterable<string>, target: Sink): void {
  // TODO: send every line to target with next(line), then close target with return().
  // 할 일: 모든 줄을 next(line)으로 target에 보낸 뒤, return()으로 target을 닫는다.
  throw new Error('Not implemented: source (exercises/12-pipeline/pipeline.ts)');
}

export function grep(pattern: string, target: Sink): Sink {
  // TODO: return a primed sink that passes on the lines containing pattern (plain text,
  // case-sensitive); when it is closed, its finally closes target.
  // 할 일: pattern이 들어 있는 줄(그냥 문자열 비교, 대소문자 구별)만 넘기는 프라이밍된 싱크를
  // 돌려준다. 싱크가 닫히면 그 finally가 target을 닫는다.
  throw new Error('Not implemented: grep (exercises/12-pipeline/pipeline.ts)');
}

export function broadcast(targets: Sink[]): Sink {
  // TODO: return a primed sink that sends each line to every target in order; when it is
  // closed, its finally closes every target.
  // 할 일: 각 줄을 모든 target에 차례로 보내는 프라이밍된 싱크를 돌려준다. 싱크가 닫히면 그
  // finally가 모든 target을 닫는다.
  throw new Error('Not implemented: broadcast (exercises/12-pipeline/pipeline.ts)');
}

export function collector(out: string[]): Sink {
  // TODO: return a primed sink that pushes every line it receives onto out.
  // 할 일: 받은 줄을 모두 out에 push하는 프라이밍된 싱크를 돌려준다.
  throw new Error('Not implemented: collector (exercises/12-pipeline/pipeline.ts)');
}
