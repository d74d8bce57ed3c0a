/**
 * An imported layer styled by one of its attributes — categories (a colour each, the rest as 其他) or
 * graduated numbers (classes on a colour ramp) — and filtered by text, a value or a range. Pure: the
 * map's paint expressions, the legend (panel, PNG, print) and the filter of the table and the map all
 * come from here, so they cannot disagree.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { CATEGORY_COLORS, OTHER_COLOR, RAMP } from '../map/palette';
import type { Props } from './model';

export interface StyleClass {
  /** Category: the value as text; graduated: the class's lower bound (inclusive) and upper bound. */
  value?: string;
  min?: number;
  max?: number;
  color: string;
}

export interface LayerStyle {
  field: string;
  mode: 'category' | 'graduated';
  classes: StyleClass[];
  /** Colour of values in no class (the rest of the categories, text in a numeric field). */
  other: string;
}

export interface LayerFilter {
  /** Text found in any attribute. */
  text?: string;
  field?: string;
  /** The field's value is one of these (as text). */
  values?: string[];
  min?: number;
  max?: number;
}

/** Up to this many categories get a colour of their own; the rest are 其他 · other. */
export const MAX_CATEGORIES = 10;
export { CATEGORY_COLORS, OTHER_COLOR, RAMP } from '../map/palette';

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** The attribute names of a layer (from its first features), and whether each holds numbers. */
export function fieldsOf(features: readonly { properties: Props | null }[]): { name: string; numeric: boolean }[] {
  const seen = new Map<string, { numbers: number; others: number }>();
  for (const f of features.slice(0, 2000))
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      const s = seen.get(k) ?? { numbers: 0, others: 0 };
      if (typeof v === 'number') s.numbers++;
      else if (v !== null && v !== '') s.others++;
      seen.set(k, s);
    }
  return [...seen].map(([name, s]) => ({ name, numeric: s.numbers > 0 && s.others === 0 }));
}

/** Categories by frequency: the most common values get colours, the rest fall to 其他. */
export function categoryStyle(features: readonly { properties: Props | null }[], field: string): LayerStyle {
  const counts = new Map<string, number>();
  for (const f of features) {
    const v = text(f.properties?.[field]);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN')).slice(0, MAX_CATEGORIES);
  return {
    field,
    mode: 'category',
    classes: top.map(([value], i) => ({ value, color: CATEGORY_COLORS[i % CATEGORY_COLORS.length] as string })),
    other: OTHER_COLOR,
  };
}

/** Graduated numbers: quantile classes (as many as there are distinct values, up to five) on the ramp. */
export function graduatedStyle(features: readonly { properties: Props | null }[], field: string, n = RAMP.length): LayerStyle {
  const values = features
    .map((f) => f.properties?.[field])
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
    .sort((a, b) => a - b);
  const k = Math.min(n, new Set(values).size);
  if (k === 0) return { field, mode: 'graduated', classes: [], other: OTHER_COLOR };
  const breaks = [values[0] as number];
  for (let i = 1; i < k; i++) {
    const last = breaks.at(-1) as number;
    // A run of equal values takes the quantile: the class starts at the next value above it.
    const q = values[Math.floor((i / k) * values.length)] as number;
    const b = q > last ? q : values.find((v) => v > last);
    if (b !== undefined) breaks.push(b);
  }
  const top = values.at(-1) as number;
  const m = breaks.length;
  return {
    field,
    mode: 'graduated',
    classes: breaks.map((min, i) => ({
      min,
      max: breaks[i + 1] ?? top,
      color: RAMP[m === 1 ? 2 : Math.round((i * (RAMP.length - 1)) / (m - 1))] as string,
    })),
    other: OTHER_COLOR,
  };
}

/** The class a value falls in (index), or -1 for 其他: classes run from their min up to the next one's; the last includes its max. */
export function classOf(style: LayerStyle, v: unknown): number {
  if (style.mode === 'category') return style.classes.findIndex((c) => c.value === text(v));
  const first = style.classes[0];
  const last = style.classes.at(-1);
  if (typeof v !== 'number' || !first || !last || v < (first.min as number) || v > (last.max as number)) return -1;
  for (let i = style.classes.length - 1; i >= 0; i--) if (v >= ((style.classes[i] as StyleClass).min as number)) return i;
  return -1;
}

/** The colour of each feature as a MapLibre expression. */
export function colorExpression(style: LayerStyle): ExpressionSpecification {
  const value: ExpressionSpecification = ['get', style.field];
  if (style.mode === 'category') {
    if (style.classes.length === 0) return ['literal', style.other] as unknown as ExpressionSpecification;
    const pairs = style.classes.flatMap((c) => [c.value ?? '', c.color]);
    return ['match', ['to-string', ['coalesce', value, '']], ...pairs, style.other] as unknown as ExpressionSpecification;
  }
  const steps = style.classes.slice(1).flatMap((c) => [c.min as number, c.color]);
  const first = style.classes[0];
  if (!first) return ['literal', style.other] as unknown as ExpressionSpecification;
  const stepped = steps.length > 0 ? ['step', value, first.color, ...steps] : first.color;
  const lo = first.min as number;
  const hi = style.classes.at(-1)?.max as number;
  return [
    'case',
    ['all', ['==', ['typeof', value], 'number'], ['>=', value, lo], ['<=', value, hi]],
    stepped,
    style.other,
  ] as unknown as ExpressionSpecification;
}

export interface LegendEntry {
  color: string;
  label: string;
}

const num = (v: number, lang: 'zh' | 'en') =>
  new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 2 }).format(v);

/** The legend of a styled layer: one row per class, and 其他 · other when anything falls outside them. */
export function legendOf(style: LayerStyle, lang: 'zh' | 'en', hasOther = true): LegendEntry[] {
  const empty = lang === 'zh' ? '（空）' : '(empty)';
  const rows = style.classes.map((c) => ({
    color: c.color,
    label: style.mode === 'category' ? c.value || empty : `${num(c.min as number, lang)} – ${num(c.max as number, lang)}`,
  }));
  return hasOther ? [...rows, { color: style.other, label: lang === 'zh' ? '其他' : 'Other' }] : rows;
}

/** Whether anything of the layer falls outside the classes (the legend then shows 其他). */
export const hasOthers = (style: LayerStyle, features: readonly { properties: Props | null }[]) =>
  features.some((f) => classOf(style, f.properties?.[style.field]) < 0);

/** Whether a feature passes the filter: the text in any attribute, the field's value among those chosen, within the range. */
export function matches(props: Props | null, filter: LayerFilter | undefined): boolean {
  if (!filter) return true;
  const p = props ?? {};
  const q = filter.text?.trim().toLowerCase();
  if (q && !Object.values(p).some((v) => text(v).toLowerCase().includes(q))) return false;
  if (filter.field) {
    const v = p[filter.field];
    if (filter.values && filter.values.length > 0 && !filter.values.includes(text(v))) return false;
    if (filter.min !== undefined || filter.max !== undefined) {
      if (typeof v !== 'number') return false;
      if (filter.min !== undefined && v < filter.min) return false;
      if (filter.max !== undefined && v > filter.max) return false;
    }
  }
  return true;
}

export const isActive = (filter: LayerFilter | undefined) =>
  Boolean(
    filter &&
      (filter.text?.trim() || (filter.field && ((filter.values?.length ?? 0) > 0 || filter.min !== undefined || filter.max !== undefined))),
  );
