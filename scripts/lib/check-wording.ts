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
