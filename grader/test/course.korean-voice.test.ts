/**
 * One Korean voice (../src/korean-voice.ts): verify fails on a 해요체 sentence and on a banned
 * variant in any *.ko.md, names the file, the line and what to write instead, and leaves code,
 * quotations and the endings teaching texts use (-세요, -까요?) alone. The course passes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { koreanTexts, koreanVoiceChecks, loadBanned, voiceFindings, VOICE_FILE, type BannedVariant } from '../src/korean-voice';
import { KIT_ROOT } from './helpers';

const banned: BannedVariant[] = [
  { variant: '호출한 쪽', use: '호출자' },
  { variant: '워커', use: '작업자', except: ['워커 스레드'] },
];
const findings = (markdown: string) => voiceFindings(markdown, 'x.ko.md', banned).map((f) => `${f.line}: ${f.what}`);

describe('voiceFindings', () => {
  test('finds a 해요체 sentence and a banned variant, with the line and the replacement', () => {
    const text = ['# 제목', '', '첫 문장은 합니다체입니다. 두 번째 문장은 아니죠. 세 번째는', '다시 합니다체입니다.', '', '값은 호출한 쪽으로 나갑니다.'].join('\n');
    expect(findings(text)).toEqual(['3: 해요체 ending "아니죠.": write it in 합니다체', '6: "호출한 쪽": the course writes "호출자"']);
  });

  test('catches the endings wherever a sentence must end: end of a paragraph, a list item, a table cell, before a bracket', () => {
    const text = [
      '- 첫째 항목이에요',
      '- 둘째 항목입니다',
      '',
      '| 상태 | 뜻 |',
      '| --- | --- |',
      '| `done` | 끝났어요 |',
      '',
      '끝난 뒤에는 아무것도 기록하지 않습니다 (본문이 시작도 안 했으니까요).',
      '',
      '> 상자 안의 문장도 검사하니까요.',
    ].join('\n');
    expect(findings(text)).toEqual([
      '1: 해요체 ending "항목이에요": write it in 합니다체',
      '6: 해요체 ending "끝났어요": write it in 합니다체',
      '8: 해요체 ending "했으니까요": write it in 합니다체',
      '10: 해요체 ending "검사하니까요.": write it in 합니다체',
    ]);
  });

  test('finds a variant split across two lines, and not one inside a phrase it is fine in', () => {
    expect(findings('값은 호출한\n쪽으로 나갑니다. 워커 스레드는 다르고, 워커는 작업자입니다.')).toEqual([
      '1: "호출한 쪽": the course writes "호출자"',
      '2: "워커": the course writes "작업자"',
    ]);
  });

  test('leaves alone code, fenced blocks, quotations, comments, -세요, -까요? and nouns ending in 요', () => {
    const text = [
      '실행해 보세요. 합계를 어디에 둬야 할까요? 검사가 필요.',
      '',
      '`const 이름 = "했죠."` 같은 코드와, 노트의 "호출한 쪽이 받았죠." 같은 인용은 그대로 둡니다.',
      '',
      '```js',
      '// 호출한 쪽에 돌려준다죠.',
      '```',
      '',
      '<!-- 호출한 쪽이에요 -->',
      '| `워커` | “워커예요” |',
    ].join('\n');
    expect(findings(text)).toEqual([]);
  });
});

describe('koreanVoiceChecks, as verify reports them', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'korean-voice-'));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  test('fail on a planted 해요체 sentence and a banned variant in a kit, naming file and line', () => {
    fs.mkdirSync(path.join(scratch, 'grader'), { recursive: true });
    fs.mkdirSync(path.join(scratch, 'exercises', '01-alpha'), { recursive: true });
    fs.mkdirSync(path.join(scratch, 'node_modules', 'pkg'), { recursive: true });
    fs.writeFileSync(path.join(scratch, VOICE_FILE), JSON.stringify({ banned }));
    fs.writeFileSync(path.join(scratch, 'exercises', '01-alpha', 'README.ko.md'), '# 알파\n\n제너레이터는 멈출 수 있어요.\n\n값은 호출한 쪽으로 나갑니다.\n');
    fs.writeFileSync(path.join(scratch, 'node_modules', 'pkg', 'README.ko.md'), '설치된 것은 보지 않아요.\n');
    const checks = koreanVoiceChecks(scratch);
    expect(checks.filter((c) => !c.ok).map((c) => c.what)).toEqual([
      'exercises/01-alpha/README.ko.md:3: 해요체 ending "있어요.": write it in 합니다체',
      'exercises/01-alpha/README.ko.md:5: "호출한 쪽": the course writes "호출자"',
      "every *.ko.md keeps one Korean voice: 합니다체, the glossary's terms (1 files, 2 findings)",
    ]);
  });

  test('a list that cannot be read is a fault of its own', () => {
    fs.writeFileSync(path.join(scratch, VOICE_FILE), JSON.stringify({ banned: [{ variant: '워커' }] }));
    expect(loadBanned(scratch).problem).toMatch(/korean-voice\.json must hold/);
    expect(koreanVoiceChecks(scratch)[0]).toEqual({ ok: false, what: expect.stringMatching(/korean-voice\.json must hold/) });
  });

  test('pass on the course: every *.ko.md of the kit, with the kit\'s own list', () => {
    const files = koreanTexts(KIT_ROOT).map((f) => path.relative(KIT_ROOT, f));
    expect(files).toEqual(expect.arrayContaining(['README.ko.md', path.join('exercises', 'GLOSSARY.ko.md'), path.join('exercises', '16-event-loop', 'hints.ko.md')]));
    expect(loadBanned(KIT_ROOT)).toEqual({ banned: expect.arrayContaining([{ variant: '호출한 쪽', use: '호출자' }]) });
    const checks = koreanVoiceChecks(KIT_ROOT);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.at(-1)!.what).toContain(`(${files.length} files, 0 findings)`);
  });
});
