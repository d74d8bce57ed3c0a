/**
 * Online basemaps are an opt-in: listed in public/basemaps.json (editable after
 * deployment) or VITE_BASEMAPS at build time. Each names its datum, so the overlays
 * can be converted to line up. Pure: tested in tests/unit/basemap-config.test.ts.
 */
export type Datum = 'WGS-84' | 'GCJ-02';

export interface BasemapConfig {
  id: string;
  name: { zh: string; en: string };
  /**
   * Raster XYZ tiles, a MapLibre vector style, or an OpenStreetMap archive of the Protomaps schema
   * (`npm run basemap:extract`) drawn with the app's own basemap style (countyStyle.ts).
   */
  type: 'raster' | 'vector' | 'archive';
  /** The archive's address (`archive`): absolute, or relative to the app. */
  url?: string;
  tiles?: string[];
  tileSize?: number;
  maxzoom?: number;
  style?: string;
  datum: Datum;
  attribution: string;
  /** A map service the user added as a basemap (src/services), not one configured with the app. */
  service?: true;
  /** An archive of image tiles the user added as a basemap (src/tiles/imageArchive.ts). */
  imageArchive?: true;
  /** Not configured: the county archive found beside the app (countyArchive.ts) or an image archive opened in it (src/tiles/imageArchive.ts); its credit is file text. */
  found?: true;
}

const ID = /^[a-z0-9][a-z0-9-]{0,40}$/;
const isUrl = (u: unknown): u is string => typeof u === 'string' && /^(https?:)?\/\//.test(u) && u.length < 2000;

/** Validates the list; entries with problems are dropped and each problem is named. */
export function parseBasemaps(json: unknown, where: string): { basemaps: BasemapConfig[]; problems: string[] } {
  const problems: string[] = [];
  const basemaps: BasemapConfig[] = [];
  if (!Array.isArray(json)) return { basemaps, problems: [`${where}: expected a list of basemaps`] };
  for (const [i, raw] of json.entries()) {
    const b = raw as Partial<BasemapConfig> | null;
    const at = `${where}: basemap ${typeof b?.id === 'string' ? `"${b.id}"` : `#${i}`}`;
    const bad = (field: string, what: string) => problems.push(`${at}: ${field}: ${what}`);
    const before = problems.length;
    if (!b || typeof b !== 'object') {
      bad('(entry)', 'not an object');
      continue;
    }
    if (typeof b.id !== 'string' || !ID.test(b.id) || b.id === 'embedded') bad('id', 'lowercase letters, digits and "-", not "embedded"');
    if (typeof b.name?.zh !== 'string' || typeof b.name?.en !== 'string') bad('name', 'needs {"zh": …, "en": …}');
    if (b.datum !== 'WGS-84' && b.datum !== 'GCJ-02') bad('datum', 'must be "WGS-84" or "GCJ-02"');
    if (typeof b.attribution !== 'string' || b.attribution.trim() === '') bad('attribution', 'required by most tile providers');
    if (b.type === 'raster') {
      if (!Array.isArray(b.tiles) || b.tiles.length === 0 || !b.tiles.every((t) => isUrl(t) && t.includes('{z}')))
        bad('tiles', 'a list of URLs with {z}, {x}, {y}');
    } else if (b.type === 'vector') {
      if (!isUrl(b.style)) bad('style', 'the URL of a MapLibre style');
    } else if (b.type === 'archive') {
      if (typeof b.url !== 'string' || !/\.pmtiles(\?.*)?$/.test(b.url) || b.url.length > 2000)
        bad('url', 'the address of a .pmtiles archive (relative to the app, or absolute)');
    } else bad('type', 'must be "raster", "vector" or "archive"');
    if (basemaps.some((x) => x.id === b.id)) bad('id', 'duplicate');
    if (problems.length === before) basemaps.push(b as BasemapConfig);
  }
  return { basemaps, problems };
}

/** Does the overlay (in `from`) need converting to sit on this basemap? */
export const needsConversion = (from: Datum, basemap: BasemapConfig | null) => basemap !== null && basemap.datum !== from;
