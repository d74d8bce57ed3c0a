/**
 * What a layer can be styled by and its legend, for every kind: an imported layer's fields and
 * classes come from its features; an archive's from the values the tiler sampled (up to 100 of each
 * attribute). The legend rows are the same in the panel, the PNG and the print.
 */
import type { Lang } from '../i18n/strings';
import type { UserLayer } from './model';
import { categoryStyle, fieldsOf, graduatedStyle, hasOthers, type LayerStyle, type LegendEntry, legendOf, MAX_CATEGORIES } from './style';

export interface StyleField {
  name: string;
  numeric: boolean;
}

/** Sampled values of an archive's attributes: text with a few values (categories) or numbers. */
function sampledFields(l: Extract<UserLayer, { kind: 'tiled' }>) {
  const out = new Map<string, StyleField & { values: (string | number | boolean)[] }>();
  for (const v of l.vectorLayers)
    for (const f of v.fields) {
      const numeric = f.type === 'number' || f.type === 'Number';
      if (out.has(f.name) || f.values.length < 2) continue;
      if (!numeric && f.values.length > 100) continue;
      out.set(f.name, { name: f.name, numeric, values: f.values });
    }
  return out;
}

const fieldsCache = new WeakMap<object, StyleField[]>();
/** The attributes a layer can be coloured or labelled by. */
export function styleFields(l: UserLayer): StyleField[] {
  // A map service's images have no attributes.
  if (l.kind === 'service') return [];
  const key = l.kind === 'geojson' ? l.fc : l.vectorLayers;
  let out = fieldsCache.get(key);
  if (!out) {
    out = l.kind === 'geojson' ? fieldsOf(l.fc.features) : [...sampledFields(l).values()].map(({ name, numeric }) => ({ name, numeric }));
    fieldsCache.set(key, out);
  }
  return out;
}

/** The layer's features, or what stands for them (an archive's sampled values), for making classes. */
function samples(l: UserLayer, field: string) {
  if (l.kind === 'geojson') return l.fc.features;
  if (l.kind === 'service') return [];
  return (sampledFields(l).get(field)?.values ?? []).map((v) => ({ properties: { [field]: v } }));
}

/** A style by `field`: categories, or graduated classes of numbers. */
export function styleFor(l: UserLayer, field: string, mode: 'category' | 'graduated'): LayerStyle {
  return mode === 'graduated' ? graduatedStyle(samples(l, field), field) : categoryStyle(samples(l, field), field);
}

/** Whether a layer has values outside its classes: one pass over the features per style, not per render. */
const othersCache = new WeakMap<object, WeakMap<object, boolean>>();
function othersOf(l: UserLayer, style: LayerStyle): boolean {
  if (l.kind === 'service') return false;
  if (l.kind === 'tiled')
    // Only a sample is known: "other" is shown when more categories were sampled than get a colour.
    return style.mode === 'category' && (sampledFields(l).get(style.field)?.values.length ?? 0) > MAX_CATEGORIES;
  const byStyle = othersCache.get(l.fc) ?? new WeakMap<object, boolean>();
  othersCache.set(l.fc, byStyle);
  let v = byStyle.get(style);
  if (v === undefined) {
    v = hasOthers(style, l.fc.features);
    byStyle.set(style, v);
  }
  return v;
}

/** Legend rows of one layer: its colour, or the classes of the attribute it is styled by. */
export function legendRows(l: UserLayer, name: string, lang: Lang): LegendEntry[] {
  if (!l.style) return [{ color: l.color, label: name }];
  return legendOf(l.style, lang, othersOf(l, l.style));
}
