/**
 * Tiled layers published beside the app: public/layers.json (editable after deployment, fetched at
 * start) and VITE_LAYERS (the same list, fixed at build time). Each entry:
 *   { "id": "parcels", "name": {"zh": "地块", "en": "Parcels"}, "url": "tiles/parcels.pmtiles",
 *     "color": "#1b7837", "opacity": 0.8, "visible": true }
 * A relative URL is relative to the app. Pure parse, tested in tests/unit/tiles.test.ts.
 */
export interface TiledLayerConfig {
  id: string;
  name: { zh: string; en: string };
  url: string;
  color?: string;
  opacity?: number;
  visible?: boolean;
}

const ID = /^[a-z0-9][a-z0-9-]{0,40}$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;

/** Validates the list; entries with problems are dropped and each problem is named. */
export function parseLayerConfig(json: unknown, where: string): { layers: TiledLayerConfig[]; problems: string[] } {
  const problems: string[] = [];
  const layers: TiledLayerConfig[] = [];
  if (!Array.isArray(json)) return { layers, problems: [`${where}: expected a list of layers`] };
  for (const [i, raw] of json.entries()) {
    const l = raw as Partial<TiledLayerConfig> | null;
    const at = `${where}: layer ${typeof l?.id === 'string' ? `"${l.id}"` : `#${i}`}`;
    const before = problems.length;
    const bad = (field: string, what: string) => problems.push(`${at}: ${field}: ${what}`);
    if (!l || typeof l !== 'object') {
      bad('(entry)', 'not an object');
      continue;
    }
    if (typeof l.id !== 'string' || !ID.test(l.id)) bad('id', 'lowercase letters, digits and "-"');
    if (typeof l.name?.zh !== 'string' || typeof l.name?.en !== 'string') bad('name', 'needs {"zh": …, "en": …}');
    if (typeof l.url !== 'string' || !/\.pmtiles(\?.*)?$/i.test(l.url) || l.url.length > 2000) bad('url', 'the URL of a .pmtiles archive');
    if (l.color !== undefined && !(typeof l.color === 'string' && COLOR.test(l.color))) bad('color', 'a colour like "#1b7837"');
    if (l.opacity !== undefined && !(typeof l.opacity === 'number' && l.opacity >= 0 && l.opacity <= 1))
      bad('opacity', 'a number from 0 to 1');
    if (l.visible !== undefined && typeof l.visible !== 'boolean') bad('visible', 'true or false');
    if (layers.some((x) => x.id === l.id)) bad('id', 'duplicate');
    if (problems.length === before) layers.push(l as TiledLayerConfig);
  }
  return { layers, problems };
}
