/**
 * `verify`'s checks of the known mistakes that students are told about (../report/diagnose.ts):
 *
 * - every known-wrong implementation has its explanation, in English and in Korean, the Korean
 *   in the course's one voice (../korean-voice.ts), neither naming the mutant nor longer than a
 *   sentence or two, and no two alike within an exercise;
 * - the signatures file (../signatures.ts) is what grading the mutants gives now: not stale;
 *   `--update-signatures` writes it instead;
 * - each mutant can be told from the others (no two with the same failing tests) and can be
 *   diagnosed at all (it passes some tests and runs to the end).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Exercise } from '../course';
import { loadBanned, voiceFindings } from '../korean-voice';
import type { LoadedMutant } from '../mutants';
import type { KnownMistake } from '../report/diagnose';
import type { GradeReport } from '../report/report';
import { formatSignatures, readSignatures, signaturesFileOf, type KnownMistakes } from '../signatures';
import type { CommandContext } from './context';

interface Check {
  ok: boolean;
  what: string;
}

/** A known-wrong implementation and its grade, as verify made them. */
export interface GradedMutant {
  exercise: Exercise;
  mutant: LoadedMutant;
  report: GradeReport;
}

const HANGUL = /[가-힣]/;
/** One or two sentences: what a report shows under an exercise, and what Classroom's message has room for. */
export const EXPLANATION_MAX_CHARACTERS = 300;

/** The checks on each mutant's explanation: present in both languages, in the course's voice, naming no code. */
export function explanationChecks(rootDir: string, graded: readonly GradedMutant[]): Check[] {
  const checks: Check[] = [];
  const { banned } = loadBanned(rootDir);
  let explained = 0;
  for (const { exercise, mutant } of graded) {
    const label = `grader/mutants/${exercise.id}.ts#${mutant.name}`;
    const { en = '', ko = '' } = mutant.explanation ?? {};
    const missing = [en.trim() === '' ? 'English' : '', ko.trim() === '' ? 'Korean' : ''].filter(Boolean);
    if (missing.length > 0) {
      checks.push({ ok: false, what: `${label} has no explanation in ${missing.join(' or ')} (explanation: { en, ko }: what the code does wrong, in the README's terms)` });
      continue;
    }
    explained++;
    if (HANGUL.test(en)) checks.push({ ok: false, what: `${label}: its English explanation has Korean in it` });
    if (!HANGUL.test(ko)) checks.push({ ok: false, what: `${label}: its Korean explanation has no Korean in it` });
    for (const [lang, text] of [['English', en], ['Korean', ko]] as const) {
      if (text.includes(mutant.name)) checks.push({ ok: false, what: `${label}: its ${lang} explanation names the mutant; say which rule the code breaks` });
      if (text.length > EXPLANATION_MAX_CHARACTERS) {
        checks.push({ ok: false, what: `${label}: its ${lang} explanation has ${text.length} characters; one or two sentences, at most ${EXPLANATION_MAX_CHARACTERS}` });
      }
    }
    for (const finding of voiceFindings(ko, label, banned)) checks.push({ ok: false, what: `${label} (Korean explanation): ${finding.what}` });
  }
  const byExercise = new Map<string, GradedMutant[]>();
  for (const g of graded) byExercise.set(g.exercise.id, [...(byExercise.get(g.exercise.id) ?? []), g]);
  for (const [id, list] of byExercise) {
    for (const lang of ['en', 'ko'] as const) {
      const seen = new Map<string, string>();
      for (const { mutant } of list) {
        const text = mutant.explanation?.[lang]?.trim();
        if (!text) continue;
        const first = seen.get(text);
        if (first) checks.push({ ok: false, what: `grader/mutants/${id}.ts: ${first} and ${mutant.name} have the same ${lang === 'en' ? 'English' : 'Korean'} explanation; say how they differ` });
        else seen.set(text, mutant.name);
      }
    }
  }
  checks.push({ ok: explained === graded.length, what: `every known-wrong implementation has an explanation in English and Korean (${explained} of ${graded.length})` });
  return checks;
}

/** The names of the tests an exercise's grade does not pass. */
function failingTests(report: GradeReport): string[] {
  return report.exercises[0]!.tests.filter((t) => t.status !== 'passed').map((t) => t.name);
}

/** The table grading the mutants gives: those with an explanation, each exercise in the course's order. */
export function signaturesFrom(graded: readonly GradedMutant[]): KnownMistakes {
  const table: KnownMistakes = {};
  for (const { exercise, mutant, report } of graded) {
    if (!mutant.explanation?.en.trim() || !mutant.explanation.ko.trim()) continue;
    const known: KnownMistake = { mutant: mutant.name, violates: mutant.violates, explanation: mutant.explanation, failing: failingTests(report) };
    (table[exercise.id] ??= []).push(known);
  }
  return table;
}

/** Mistakes that a student's grade can never be matched to: the same failing tests as another, or none that passes. */
export function distinguishableChecks(graded: readonly GradedMutant[]): Check[] {
  const checks: Check[] = [];
  const bySignature = new Map<string, { file: string; names: string[] }>();
  for (const { exercise, mutant, report } of graded) {
    const label = `grader/mutants/${exercise.id}.ts#${mutant.name}`;
    const result = report.exercises[0]!;
    if (result.status !== 'partial') {
      checks.push({
        ok: false,
        what: `${label} is ${result.status}: a grade that ${result.status === 'failed' ? 'passes no test' : 'does not run to its end'} is never diagnosed, so no student is told of this mistake (add a test it passes, or make it one fault)`,
      });
    }
    const key = `${exercise.id}\n${[...failingTests(report)].sort().join('\n')}`;
    const alike = bySignature.get(key) ?? { file: `grader/mutants/${exercise.id}.ts`, names: [] };
    alike.names.push(mutant.name);
    bySignature.set(key, alike);
  }
  const alike = [...bySignature.values()].filter(({ names }) => names.length > 1);
  for (const { file, names } of alike) {
    checks.push({ ok: false, what: `${file}: ${names.join(' and ')} fail the same tests, so a student's grade cannot tell them apart: merge them, or add the test of the README that separates them` });
  }
  checks.push({ ok: alike.length === 0, what: `every known-wrong implementation fails tests of its own (${alike.length} sets of look-alikes)` });
  return checks;
}

/**
 * The signatures file against what the mutants' grades give now, for the exercises verify
 * graded (the others are kept as they are). With `update`, the file is written instead.
 */
export function signatureFileChecks(context: CommandContext, graded: readonly GradedMutant[], gradedExercises: readonly Exercise[], update: boolean): Check[] {
  const { kit, course } = context;
  const file = signaturesFileOf(kit.mutantsDir);
  const shown = path.relative(kit.rootDir, file).split(path.sep).join('/');
  const read = readSignatures(file);
  if (!read.ok && !update) return [{ ok: false, what: `${shown} ${read.problem}: regenerate it with npm run signatures` }];
  const current = read.ok ? read.exercises : {};
  const fresh = signaturesFrom(graded);
  const regraded = new Set(gradedExercises.map((e) => e.id));
  // Every exercise of the course in its order: freshly graded, or as the file has it.
  const wanted: KnownMistakes = {};
  for (const exercise of course.exercises) {
    const list = regraded.has(exercise.id) ? fresh[exercise.id] : current[exercise.id];
    if (list && list.length > 0) wanted[exercise.id] = list;
  }
  const text = formatSignatures(wanted);
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (update) {
    if (existing !== text) fs.writeFileSync(file, text);
    return [{ ok: true, what: `${shown} ${existing === text ? 'was already current' : 'written'}` }];
  }
  const stale = Object.keys({ ...current, ...wanted }).filter((id) => JSON.stringify(current[id] ?? []) !== JSON.stringify(wanted[id] ?? []));
  const ok = (Object.keys(wanted).length === 0 && existing === undefined) || existing === text;
  if (ok) return [{ ok, what: `${shown} is current` }];
  const which = existing === undefined ? 'is missing' : stale.length > 0 ? `is stale for ${stale.join(', ')}` : 'is not as npm run signatures writes it';
  return [{ ok, what: `${shown} ${which}: regenerate it with npm run signatures` }];
}

/** Every check of this module, in the order verify lists them. */
export function knownMistakeChecks(context: CommandContext, graded: readonly GradedMutant[], gradedExercises: readonly Exercise[], update: boolean): Check[] {
  return [
    ...explanationChecks(context.kit.rootDir, graded),
    ...distinguishableChecks(graded),
    ...signatureFileChecks(context, graded, gradedExercises, update),
  ];
}
