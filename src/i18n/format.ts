/** Numbers, units, changes and distances for each language. Pure: unit-tested in tests/unit/format.test.ts. */
import type { FigureDef } from '../data/schema';
import type { Lang } from './strings';

const LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB' };

export function formatNumber(value: number, lang: Lang, maxFraction = 3): string {
  // Chinese 'min2': no separator in 6789.38, one in 194,385 — as Chinese statistics are usually printed.
  // English groups every thousand (1,631 mu; 5,781 graduates), as its prose does: one style per language.
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: maxFraction, useGrouping: lang === 'en' ? 'always' : 'min2' }).format(
    value,
  );
}

export interface FormattedValue {
  value: string;
  unit: string;
  /** A secondary rendering for readers of the other system (e.g. mu in hectares). */
  aside?: string;
}

type Scaled = { factor: number; unit: string };

/** English renderings of the article's Chinese units, scaled to what an English reader expects. */
function englishScale(unitZh: string, v: number): Scaled | null {
  switch (unitZh) {
    case '亿元':
      return v >= 10 ? { factor: 0.1, unit: 'billion yuan' } : { factor: 100, unit: 'million yuan' };
    case '万元':
      return v >= 100 ? { factor: 0.01, unit: 'million yuan' } : { factor: 10_000, unit: 'yuan' };
    case '万平方米':
      return { factor: 10_000, unit: 'm²' };
    case '万人':
      return { factor: 10_000, unit: 'people' };
    case '万吨':
      return { factor: 10_000, unit: 'tonnes' };
    default:
      return null;
  }
}

const MU_IN_HECTARES = 666.67 / 10_000;

export function formatValue(figure: Pick<FigureDef, 'value' | 'unit'>, lang: Lang): FormattedValue {
  const values = Array.isArray(figure.value) ? figure.value : [figure.value];
  const first = values[0] as number;
  if (lang === 'zh') {
    const unit = figure.unit.zh === '%' ? '%' : figure.unit.zh;
    return { value: values.map((v) => formatNumber(v, 'zh')).join('–'), unit };
  }
  const scale = englishScale(figure.unit.zh, first);
  const shown = scale ? values.map((v) => formatNumber(round(v * scale.factor), 'en')) : values.map((v) => formatNumber(v, 'en'));
  const unit = scale ? scale.unit : figure.unit.en;
  const aside = figure.unit.zh === '亩' ? `≈ ${formatNumber(round(first * MU_IN_HECTARES, 1), 'en')} ha` : undefined;
  return { value: shown.join('–'), unit, ...(aside ? { aside } : {}) };
}

/** Rounds away binary noise (0.1 × 172.75 = 17.275000000000002). */
function round(v: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export type Direction = 'up' | 'down' | 'flat';

export interface FormattedChange {
  text: string;
  direction: Direction;
  /** Chinese readers read red as up (market convention), English readers green. */
  tone: 'good-red' | 'good-green' | 'bad-green' | 'bad-red' | 'neutral';
  label: string;
}

export function formatChange(change: NonNullable<FigureDef['change']>, lang: Lang): FormattedChange {
  const v = change.value;
  const direction: Direction = v > 0 ? 'up' : v < 0 ? 'down' : 'flat';
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '■';
  const sign = v > 0 ? '+' : v < 0 ? '−' : '±';
  const text = `${arrow} ${sign}${formatNumber(Math.abs(v), lang, 2)}%`;
  const tone =
    direction === 'flat'
      ? 'neutral'
      : direction === 'up'
        ? lang === 'zh'
          ? 'good-red'
          : 'good-green'
        : lang === 'zh'
          ? 'bad-green'
          : 'bad-red';
  const words =
    lang === 'zh' ? (direction === 'down' ? '下降' : '增长') : direction === 'down' ? 'down' : direction === 'up' ? 'up' : 'unchanged';
  return { text, direction, tone, label: `${words} ${formatNumber(Math.abs(v), lang, 2)}%` };
}

/**
 * A size for people: bytes below 1 KB, then KB, MB, GB with one decimal. `exact` adds the byte count
 * where rounding would mislead ("50.0 MB" for a file one byte over a 50.0 MB limit).
 */
export function formatBytes(bytes: number, lang: Lang, exact = false): string {
  const plain = `${formatNumber(bytes, lang)} ${lang === 'zh' ? '字节' : bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024) return plain;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = bytes / 1024;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const rounded = `${new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v)} ${units[i]}`;
  if (!exact) return rounded;
  return lang === 'zh' ? `${rounded}（${plain}）` : `${rounded} (${plain})`;
}

export function formatDistance(km: number, lang: Lang): string {
  if (km < 1) {
    const m = Math.round(km * 1000);
    return lang === 'zh' ? `${formatNumber(m, lang)} 米` : `${formatNumber(m, lang)} m`;
  }
  const digits = km < 10 ? 1 : 0;
  return lang === 'zh' ? `${formatNumber(round(km, digits), lang, digits)} 公里` : `${formatNumber(round(km, digits), lang, digits)} km`;
}

/**
 * A distance with an end placed only schematically (an indicative site): rounded to what such a placement
 * supports — half a kilometre below 1 km, the kilometre above — and said to be approximate ("约 0.5 公里",
 * "about 3 km"). Never to the metre between two placeholders.
 */
export function formatRoughDistance(km: number, lang: Lang): string {
  const v = km < 1 ? Math.max(0.5, Math.round(km * 2) / 2) : Math.round(km);
  return lang === 'zh' ? `约 ${formatNumber(v, lang, 1)} 公里` : `about ${formatNumber(v, lang, 1)} km`;
}

/** A distance between two places, rough when either is only indicative. */
export function formatSiteDistance(km: number, rough: boolean, lang: Lang): string {
  return rough ? formatRoughDistance(km, lang) : formatDistance(km, lang);
}

/** "2022", "2023-02-04", "2022年底" as a reader of each language expects. */
export function formatPeriod(period: string, lang: Lang): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (day) {
    const [, y, m, d] = day;
    if (lang === 'zh') return `${y}年${Number(m)}月${Number(d)}日`;
    return new Date(`${period}T00:00:00Z`).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
  }
  const month = /^(\d{4})年(\d{1,2})月$/.exec(period);
  if (month && lang === 'en') {
    return new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)).toLocaleDateString('en-GB', {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
  }
  const yearEnd = /^(\d{4})年底$/.exec(period);
  if (yearEnd && lang === 'en') return `end of ${yearEnd[1]}`;
  if (/^\d{4}$/.test(period)) return lang === 'zh' ? `${period}年` : period;
  return period;
}

const ZH_NUM = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ordinal = (n: number) => {
  const tail = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${tail}`;
};

/** A figure's rankings as one line: "增速全市第二、山区26县第四" / "Growth: 2nd in Lishui, 4th among …". */
export function formatRanks(ranks: NonNullable<FigureDef['ranks']>, lang: Lang): string {
  if (lang === 'zh') {
    return ranks.map((r, i) => `${i === 0 && r.of === 'growth' ? '增速' : ''}${r.among.zh}第${ZH_NUM[r.place] ?? r.place}`).join('、');
  }
  const list = ranks.map((r) => `${ordinal(r.place)} ${r.among.en.startsWith('Zhejiang') ? 'among' : 'in'} ${r.among.en}`).join(', ');
  return ranks[0]?.of === 'growth' ? `Growth: ${list}` : list;
}
