/**
 * The county basemap's layers: the Protomaps basemap style (@protomaps/basemaps, BSD-3-Clause) for an
 * OpenStreetMap archive cut by `npm run basemap:extract`, made quiet so the sites' colours stay the
 * loudest thing on the map, labelled in the interface's language in the app's own font (no glyph server,
 * no sprite: layers that need icons from a sprite are left out, icons of the rest dropped). Pure: no map,
 * no DOM; checked against the style spec in tests/unit/county-style.test.ts.
 */
import { type Flavor, namedFlavor, layers as protomapsLayers } from '@protomaps/basemaps';
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../i18n/strings';
import { COUNTY_BASEMAP } from '../map/palette';

/** Layers that draw only sprite icons (shields, POI icons, one-way arrows): there is no sprite offline. */
const SPRITE_ONLY = new Set(['roads_shields', 'pois', 'roads_oneway']);

/** The name in the interface's language, the local (Chinese) name where the archive has no translation. */
export const countyNameField = (lang: Lang): ExpressionSpecification =>
  lang === 'zh'
    ? ['coalesce', ['get', 'name:zh-Hans'], ['get', 'name:zh'], ['get', 'name']]
    : ['coalesce', ['get', 'name:en'], ['get', 'pgf:name:en'], ['get', 'name']];

/** Replaces every font stack in a value (text-font, format overrides) with the app's family. */
function ownFont(value: unknown, family: string): unknown {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((v) => typeof v === 'string' && /^Noto Sans/.test(v))) return [family];
    return value.map((v) => ownFont(v, family));
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ownFont(v, family)]));
  return value;
}

/**
 * The basemap's layers for `source` (a vector source of the Protomaps schema), bottom to top, each id
 * prefixed `basemap-` so none meets the app's. The first is the background.
 */
export function countyBasemapLayers(source: string, lang: Lang, fontFamily: string): LayerSpecification[] {
  const flavor: Flavor = { ...namedFlavor('light'), ...COUNTY_BASEMAP, pois: undefined } as Flavor;
  const raw = protomapsLayers(source, flavor, { lang: lang === 'zh' ? 'zh-Hans' : 'en' }) as unknown as LayerSpecification[];
  return raw
    .filter((l) => !SPRITE_ONLY.has(l.id))
    .map((l) => {
      const layer = ownFont(l, fontFamily) as LayerSpecification & { layout?: Record<string, unknown> };
      if (layer.type === 'symbol' && layer.layout) {
        const { 'icon-image': _icon, ...layout } = layer.layout;
        layer.layout = { ...layout, 'text-field': countyNameField(lang), 'text-font': [fontFamily] };
      }
      return { ...layer, id: `basemap-${layer.id}` } as LayerSpecification;
    });
}
