/**
 * One Korean voice across the course's Korean texts (every `*.ko.md` of the kit), as the
 * glossary's rules ask: prose in 합니다체, and one form for each term.
 *
 * Two checks, on prose only (fenced code, code spans, HTML comments and "quotations" are left
 * out, so code, program output and the notes' own words are never judged):
 *
 * - **해요체 endings.** A sentence (or a table cell, a list item, a heading) that ends in 요
 *   or 죠 is 해요체: `…했죠.`, `…니까요.`, `…거예요.`. Two endings that teaching texts use
 *   within 합니다체 are allowed: an instruction in -세요 (`실행해 보세요.`) and a question in
 *   -까요? (`어디에 둬야 할까요?`); so are the few nouns that end in 요 (필요, 중요 …).
 * - **Banned variants.** `grader/korean-voice.json` lists forms the course does not use, each
 *   with the one it uses instead (`호출한 쪽` → `호출자`), and optionally phrases in which the
 *   variant is fine (`워커 스레드`, a Node.js worker thread).
 */
import fs from 'node:fs';
import path from 'node:path';

/** The list of banned variants, beside the manifest. */
export const VOICE_FILE = path.join('grader', 'korean-voice.json');

export interface BannedVariant {
  /** The form not to use, as written; a space in it also matches a line break. */
  variant: string;
  /** What the course writes instead. */
  use: string;
  /** Phrases that contain the variant and are fine as they are. */
  except?: string[];
}

export interface VoiceFinding {
  /** Relative to the kit's root, with `/`. */
  file: string;
  line: number;
  what: string;
}

/** Endings that are not 해요체 although they end in 요: instructions, questions, nouns. */
const ALLOWED_ENDINGS = [/세요[.!]?$/, /까요\?$/, /(필|중|개|주)요[.!?]?$/];
/** A word ending in 요 or 죠 at the end of a sentence: before . ! ? (after a closing bracket), or at the end of the unit. */
const SENTENCE_END_IN_YO = /[가-힣]*(?:요|죠)(?=[)\]]*(?:[.!?]|\s*$))[.!?]?/g;

/** Replaces a match with blanks, keeping its line breaks, so that line numbers stay right. */
function blank(text: string, pattern: RegExp): string {
  return text.replace(pattern, (match) => match.replace(/[^\n]/g, ' '));
}

interface Unit {
  text: string;
  line: number;
}

/**
 * The prose of a Markdown text, cut where a sentence must end: paragraphs, list items,
 * headings, table cells. Code and quotations are blanked out first.
 */
export function proseUnits(markdown: string): Unit[] {
  const lines = markdown.split('\n');
  let inFence = false;
  const kept = lines.map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      return '';
    }
    return inFence ? '' : line.replace(/^\s*>\s?/, '');
  });
  let text = kept.join('\n');
  text = blank(text, /<!--[\s\S]*?-->/g);
  text = blank(text, /(`+)[\s\S]*?\1/g);
  // Quotations, the notes' words among them: straight and curly double quotes, corner brackets.
  text = blank(text, /"[^"\n]*(?:\n[^"\n]*)*?"|“[^”]*”|「[^」]*」/g);

  const units: Unit[] = [];
  let current: Unit | undefined;
  const close = () => {
    if (current && current.text.trim()) units.push(current);
    current = undefined;
  };
  text.split('\n').forEach((line, i) => {
    const number = i + 1;
    if (line.trim() === '') return close();
    if (/^\s*\|/.test(line)) {
      close();
      for (const cell of line.split('|')) if (cell.trim()) units.push({ text: cell, line: number });
      return;
    }
    if (/^\s*#/.test(line) || /^\s*(?:[-*+]|\d+\.)\s/.test(line)) close();
    if (current) current.text += `\n${line}`;
    else current = { text: line, line: number };
    if (/^\s*#/.test(line)) close();
  });
  close();
  return units;
}

function lineOf(unit: Unit, index: number): number {
  return unit.line + (unit.text.slice(0, index).match(/\n/g)?.length ?? 0);
}

/** What is wrong with the voice of one Korean text. */
export function voiceFindings(markdown: string, file: string, banned: readonly BannedVariant[]): VoiceFinding[] {
  const findings: VoiceFinding[] = [];
  for (const unit of proseUnits(markdown)) {
    for (const match of unit.text.trimEnd().matchAll(SENTENCE_END_IN_YO)) {
      if (ALLOWED_ENDINGS.some((allowed) => allowed.test(match[0]))) continue;
      findings.push({ file, line: lineOf(unit, match.index!), what: `해요체 ending "${match[0]}": write it in 합니다체` });
    }
    for (const { variant, use, except = [] } of banned) {
      const spaced = (phrase: string) => new RegExp(phrase.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'g');
      const fine = except.flatMap((phrase) => [...unit.text.matchAll(spaced(phrase))].map((m) => [m.index!, m.index! + m[0].length]));
      for (const match of unit.text.matchAll(spaced(variant))) {
        if (fine.some(([from, to]) => match.index! >= from! && match.index! < to!)) continue;
        findings.push({ file, line: lineOf(unit, match.index!), what: `"${variant}": the course writes "${use}"` });
      }
    }
  }
  return findings;
}

/** The banned variants of a kit; none when it has no list. A list that cannot be read is a finding of its own. */
export function loadBanned(rootDir: string): { banned: BannedVariant[]; problem?: string } {
  const file = path.join(rootDir, VOICE_FILE);
  if (!fs.existsSync(file)) return { banned: [] };
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { banned?: unknown };
    const banned = parsed.banned;
    const valid =
      Array.isArray(banned) &&
      banned.every(
        (b: Partial<BannedVariant>) =>
          typeof b.variant === 'string' && b.variant.trim() !== '' && typeof b.use === 'string' &&
          (b.except === undefined || (Array.isArray(b.except) && b.except.every((e) => typeof e === 'string'))),
      );
    if (!valid) return { banned: [], problem: `${VOICE_FILE} must hold { "banned": [{ "variant", "use", "except"? }, …] }` };
    return { banned: banned as BannedVariant[] };
  } catch (error) {
    return { banned: [], problem: `${VOICE_FILE} is not valid JSON (${(error as Error).message})` };
  }
}

/** Every `*.ko.md` of the kit, but not what is installed or built. */
export function koreanTexts(rootDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'dist') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ko.md')) found.push(full);
    }
  };
  walk(rootDir);
  return found.sort();
}

/** The checks `verify` reports: one per finding, and one that sums them up. */
export function koreanVoiceChecks(rootDir: string): Array<{ ok: boolean; what: string }> {
  const { banned, problem } = loadBanned(rootDir);
  const files = koreanTexts(rootDir);
  const findings = files.flatMap((full) => {
    const file = path.relative(rootDir, full).split(path.sep).join('/');
    return voiceFindings(fs.readFileSync(full, 'utf8'), file, banned);
  });
  return [
    ...(problem ? [{ ok: false, what: problem }] : []),
    ...findings.map((f) => ({ ok: false, what: `${f.file}:${f.line}: ${f.what}` })),
    { ok: findings.length === 0, what: `every *.ko.md keeps one Korean voice: 합니다체, the glossary's terms (${files.length} files, ${findings.length} findings)` },
  ];
}
