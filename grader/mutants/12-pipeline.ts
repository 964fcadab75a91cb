import type { Mutant } from '../src/mutants';

export default [
  {
    name: 'stages-not-primed',
    violates: 'grep, broadcast and collector return primed sinks: the first line sent arrives.',
    edits: [['  sink.next();\n', '']],
  },
  {
    name: 'grep-primes-target-again',
    violates: 'grep passes on only the lines that contain the pattern (its target arrives primed; priming it again sends it undefined).',
    edits: [['export function grep(pattern: string, target: Sink): Sink {', 'export function grep(pattern: string, target: Sink): Sink {\n  target.next();']],
  },
  {
    name: 'broadcast-primes-targets-again',
    violates: 'broadcast sends each line to every target in order (its targets arrive primed; priming them again sends them undefined).',
    edits: [['export function broadcast(targets: Sink[]): Sink {', 'export function broadcast(targets: Sink[]): Sink {\n  for (const target of targets) target.next();']],
  },
  {
    name: 'grep-uses-regex',
    violates: 'grep passes on a line when line.includes(pattern) (case-sensitive, no regex).',
    edits: [['line.includes(pattern)', 'new RegExp(pattern).test(line)']],
  },
  {
    name: 'source-does-not-close',
    violates: 'source sends every line to target, then closes it with return().',
    edits: [['  target.return();\n}', '}']],
  },
  {
    name: 'grep-cleanup-in-catch',
    violates: "Closing a stage closes what it feeds: grep's finally calls return() on its target.",
    edits: [
      ['} finally {\n        // `return()`', '} catch (error) {\n        // `return()`'],
      ['        target.return();\n', '        target.return();\n        throw error;\n'],
    ],
  },
  {
    name: 'broadcast-cleanup-in-catch',
    violates: "Closing a stage closes what it feeds: broadcast's finally calls return() on each of its targets.",
    edits: [['} finally {\n        for (const target of targets) target.return();', '} catch (error) {\n        for (const target of targets) target.return();\n        throw error;']],
  },
] satisfies Mutant[];
