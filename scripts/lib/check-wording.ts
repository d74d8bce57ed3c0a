/**
 * Wording rules of the data check: the glossary's one English rendering per policy name, and no
 * number in the tour's prose without a record in figures.json. Pure, like the rest of the check.
 */
import type { FigureDef, GlossaryEntryDef } from '../../src/data/schema.ts';

/** One bilingual text and where it is. */
export interface TextPair {
  file: string;
  where: string;
  field: string;
  zh: string;
  en: string;
}

export interface WordingProblem {
  file: string;
  where: string;
  field: string;
  message: string;
}

const lower = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'");

/** A text whose Chinese uses a term must use the glossary's English for it, and no rendering it avoids. */
export function checkGlossary(texts: readonly TextPair[], glossary: readonly GlossaryEntryDef[]): WordingProblem[] {
  const out: WordingProblem[] = [];
  for (const t of texts) {
    const en = lower(t.en);
    for (const g of glossary) {
      const form = g.zh.find((z) => t.zh.includes(z));
      if (form && !en.includes(lower(g.en)))
        out.push({ ...place(t), message: `the Chinese says "${form}": the glossary's English is "${g.en}" (${g.meaning})` });
      for (const a of g.avoid ?? [])
        if (en.includes(lower(a)))
          out.push({ ...place(t), message: `"${a}" is not used for ${g.zh[0]}: the glossary's English is "${g.en}"` });
    }
  }
  return out;
}

const place = (t: TextPair) => ({ file: t.file, where: t.where, field: `${t.field}.en` });

/** A number in prose and the character after it (its unit: 家, 公里, %), or '' at the end. */
export interface StatedNumber {
  n: number;
  unit: string;
}

/** The numbers a Chinese text states, leaving out dates and the digits of names (山区26县). */
export function statedNumbers(zh: string, names: readonly string[] = []): StatedNumber[] {
  let text = zh;
  for (const n of names) text = text.split(n).join(' ');
  text = text.replace(/\d{4}年(\d{1,2}月(\d{1,2}日)?)?/g, ' ').replace(/\d{4}-\d{2}(-\d{2})?/g, ' ');
  return [...text.matchAll(/(\d+(?:\.\d+)?)(?:[–—至-]\d+(?:\.\d+)?)*\s*(.?)/g)].flatMap((m) => {
    const unit = m[2] ?? '';
    return (m[0].match(/\d+(?:\.\d+)?/g) ?? []).map((x) => ({ n: Number(x), unit }));
  });
}

/**
 * Whether a stated number is a figure's value in the figure's unit, allowing the rounding of prose
 * (2540 for 2539.56); a number with no unit after it matches on the value alone.
 */
export function isRecorded({ n, unit }: StatedNumber, figures: readonly FigureDef[]): boolean {
  return figures.some((f) => {
    if (unit && f.unit.zh[0] !== unit) return false;
    const values = Array.isArray(f.value) ? f.value : [f.value];
    return values.some((v) => n === v || (v !== 0 && Math.abs(n - v) / Math.abs(v) <= 0.01));
  });
}

/** Every number in the tour's Chinese must be a record: from the article, an external source, or the dashboard's own measure. */
export function checkProseNumbers(
  texts: readonly TextPair[],
  figures: readonly FigureDef[],
  glossary: readonly GlossaryEntryDef[],
): WordingProblem[] {
  const names = glossary.filter((g) => g.name).flatMap((g) => g.zh);
  const out: WordingProblem[] = [];
  for (const t of texts) {
    for (const stated of statedNumbers(t.zh, names)) {
      if (!isRecorded(stated, figures))
        out.push({
          file: t.file,
          where: t.where,
          field: `${t.field}.zh`,
          message: `${stated.n} (…${stated.unit}) has no record in figures.json: add it with its source, or as the dashboard's own measure (origin "dashboard")`,
        });
    }
  }
  return out;
}

/** Words that date a text from the day it was written: the article's 去年 is 2022, a reader's is not. */
const RELATIVE_DATE = /去年|今年|明年|前年|上年|\b(last|this|next) year\b/i;

/** Titles and captions say the year (2022), never "last year": they are read long after the article. */
export function checkRelativeDates(texts: readonly TextPair[]): WordingProblem[] {
  return texts.flatMap((t) =>
    (['zh', 'en'] as const).flatMap((lang) => {
      const m = RELATIVE_DATE.exec(t[lang]);
      return m
        ? [
            {
              file: t.file,
              where: t.where,
              field: `${t.field}.${lang}`,
              message: `"${m[0]}" dates the text from when it was written: name the year (2022)`,
            },
          ]
        : [];
    }),
  );
}

const ZH_ORDINAL: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const EN_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  first: 1,
  fastest: 1,
  one: 1,
};
const ZH_WORDS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';

/**
 * The quantities a text states, as plain values: 172.75亿 and 17.275 billion are both 17 275 000 000;
 * 1,631 is 1631; 第二 and 2nd are 2; 一两万 is 10,000 and 20,000. Digits only (a "five" or 五 is too often
 * part of a name, as in 五水共治: such words only answer for a number, numberWords), and not the digits of a
 * code (5G, G4012), a month or a day.
 */
export function quantities(text: string, lang: 'zh' | 'en'): number[] {
  const out: number[] = [];
  const round = (v: number) => Number(v.toPrecision(8));
  if (lang === 'zh') {
    let t = text.replace(/(\d{4})年\d{1,2}月(\d{1,2}日)?/g, '$1年').replace(/\d{1,2}月\d{1,2}日/g, ' ');
    t = t.replace(/一两万/g, () => {
      out.push(10000, 20000);
      return ' ';
    });
    for (const m of t.matchAll(/第([二三四五六七八九十])/g)) out.push(ZH_ORDINAL[m[1] as string] as number);
    for (const m of t.matchAll(/(?<![A-Za-z\d.])(\d+(?:\.\d+)?)(?![A-Za-z\d])\s*(亿|万)?/g)) {
      const v = Number(m[1]);
      out.push(round(m[2] === '亿' ? v * 1e8 : m[2] === '万' ? v * 1e4 : v));
    }
  } else {
    const t = text.replace(new RegExp(`\\b(\\d{1,2}\\s+)?(${MONTHS})\\b`, 'g'), ' ');
    for (const m of t.matchAll(
      /(?<![A-Za-z\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(st|nd|rd|th)?(?![A-Za-z\d])(?:[\s-]*(billion|million))?/g,
    )) {
      const v = Number(`${(m[1] as string).replace(/,/g, '')}${m[2] ?? ''}`);
      out.push(round(m[4] === 'billion' ? v * 1e9 : m[4] === 'million' ? v * 1e6 : v));
    }
  }
  return out;
}

/**
 * A text's two languages carry the same numbers: each quantity of one is in the other (an English
 * "120,000 t" for 12万吨, "17.275 billion" for 172.75亿). Names with digits (山区26县) count like any number.
 */
/** Numbers written as words (five, 五, 第一 and "fastest"): they answer for the other language's digits. */
export function numberWords(text: string, lang: 'zh' | 'en'): number[] {
  if (lang === 'zh') return [...text].flatMap((ch) => (ZH_WORDS[ch] ? [ZH_WORDS[ch] as number] : []));
  return [...text.toLowerCase().matchAll(/\b([a-z]+)\b/g)].flatMap((m) =>
    EN_WORDS[m[1] as string] ? [EN_WORDS[m[1] as string] as number] : [],
  );
}

export function checkNumberParity(texts: readonly TextPair[]): WordingProblem[] {
  const out: WordingProblem[] = [];
  for (const t of texts) {
    const zh = quantities(t.zh, 'zh');
    const en = quantities(t.en, 'en');
    const zhAll = [...zh, ...numberWords(t.zh, 'zh')];
    const enAll = [...en, ...numberWords(t.en, 'en')];
    const missingEn = [...new Set(zh.filter((n) => !enAll.includes(n)))];
    const missingZh = [...new Set(en.filter((n) => !zhAll.includes(n)))];
    if (missingEn.length > 0)
      out.push({
        file: t.file,
        where: t.where,
        field: `${t.field}.en`,
        message: `the Chinese states ${missingEn.join(', ')}, the English does not`,
      });
    if (missingZh.length > 0)
      out.push({
        file: t.file,
        where: t.where,
        field: `${t.field}.zh`,
        message: `the English states ${missingZh.join(', ')}, the Chinese does not`,
      });
  }
  return out;
}
