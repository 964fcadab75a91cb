/**
 * How every format words a diagnosis (../report/diagnose.ts): "This looks like a known
 * mistake: …", or "Among other things, …" when the exercise fails more than that mistake.
 *
 * In the student's language where the student reads the report on their own machine (`text`,
 * watch mode: the caller picks it from the locale, as `hint` does). The other formats are
 * rendered on a server and read on a platform whose reader's language the grader cannot know,
 * so they carry both: English, then Korean.
 */
import type { Lang } from '../commands/hint';
import type { Diagnosis, DiagnosisMatch } from '../report/diagnose';

export const LANGS: readonly Lang[] = ['en', 'ko'];

const LEADS: Record<DiagnosisMatch, Record<Lang, string>> = {
  exact: { en: 'This looks like a known mistake:', ko: '알려진 실수로 보입니다:' },
  contains: { en: 'Among other things, this looks like a known mistake:', ko: '다른 문제와 함께, 알려진 실수도 보입니다:' },
};

/** The words before the explanation. */
export function diagnosisLead(diagnosis: Pick<Diagnosis, 'match'>, lang: Lang): string {
  return LEADS[diagnosis.match][lang];
}

/** One diagnosis as one line of plain text, in one language. */
export function diagnosisLine(diagnosis: Diagnosis, lang: Lang): string {
  return `${diagnosisLead(diagnosis, lang)} ${diagnosis.explanation[lang]}`;
}

/** Every diagnosis, in every language, a line each: what the machine formats carry. */
export function diagnosisLinesInEveryLanguage(diagnoses: readonly Diagnosis[]): string[] {
  return diagnoses.flatMap((d) => LANGS.map((lang) => diagnosisLine(d, lang)));
}

/** Columns a character takes in a terminal: Hangul and the CJK ideographs take two. */
function columnsOf(text: string): number {
  let columns = 0;
  for (const char of text) columns += /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff01-\uff60]/.test(char) ? 2 : 1;
  return columns;
}

/** Words filled into lines of at most `width` columns (a longer word keeps its own line). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && columnsOf(line) + 1 + columnsOf(word) > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
