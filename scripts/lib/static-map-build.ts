/**
 * The static first map from geodata/, for the prerendered first view (vite.config.ts, prerender-shell).
 * With a county basemap beside the app (public/basemap/county.pmtiles, `npm run basemap:extract`) it also
 * draws the county map's water, main roads and town names — the live page opens on that map — within the
 * first view's budget; over budget it keeps the outlines alone and says so.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FeatureCollection, Geometry } from 'geojson';
import { convertCollection } from '../../src/basemap/datum.ts';
import type { LayerDef, SiteDef } from '../../src/data/schema.ts';
import { connectionLines } from '../../src/data/selectors.ts';
import { HOME_BOUNDS } from '../../src/map/camera.ts';
import { COUNTY_BASEMAP, FILL_OPACITY, PALETTE } from '../../src/map/palette.ts';
import { readStaticCounty, type StaticCounty } from './static-county.ts';
import { renderStaticMap } from './static-map.ts';

const ROOT = join(import.meta.dirname, '../..');
const GEODATA = join(ROOT, 'geodata');
const read = <T>(f: string) => JSON.parse(readFileSync(join(GEODATA, f), 'utf8')) as T;

/** Where a deployment's county basemap lies at build time (copied into the build from public/). */
export const COUNTY_ARCHIVE_PATH = join(ROOT, 'public/basemap/county.pmtiles');
/** The first view's budget for the static map (tests/unit/static-map.test.ts holds the outlines-only map to it too). */
export const STATIC_MAP_BUDGET_GZ = 30 * 1024;

type Labels = Parameters<typeof renderStaticMap>[0]['labels'];

function markup(county: StaticCounty | null): string {
  const layers = read<LayerDef[]>('layers.json');
  const raw = readdirSync(join(GEODATA, 'sites'))
    .filter((f) => f.endsWith('.geojson'))
    .flatMap((f) => read<{ features: SiteDef[] }>(`sites/${f}`).features);
  // On the county map (WGS-84, OpenStreetMap's) the app draws its GCJ-02 data converted to it: so does this picture.
  const inDatum = <T extends FeatureCollection<Geometry, unknown>>(fc: T): T =>
    county ? (convertCollection(fc, 'GCJ-02', 'WGS-84') as T) : fc;
  const sites = inDatum({ type: 'FeatureCollection', features: raw } as unknown as FeatureCollection).features as unknown as SiteDef[];
  const labels = inDatum(read<Labels>('basemap/labels.geojson'));
  const seat = labels.features.find((f) => f.properties.kind === 'seat')?.geometry.coordinates as [number, number];
  const colour = new Map(layers.map((l) => [l.id, l.color]));
  return renderStaticMap({
    bounds: HOME_BOUNDS,
    counties: inDatum(read('basemap/counties.geojson')),
    labels,
    sites: sites.map((s) => ({
      layer: s.properties.layer,
      precision: s.properties.precision,
      geometry: s.geometry,
      name: s.properties.name.zh,
    })),
    layers,
    links: connectionLines(sites, seat).features.map((f) => ({
      line: f.geometry.coordinates,
      color: colour.get(f.properties.layer) ?? '#777777',
    })),
    palette: PALETTE,
    fillOpacity: FILL_OPACITY,
    ...(county ? { county: { ...county, countyPalette: COUNTY_BASEMAP } } : {}),
  });
}

/** The outlines-only static map (the embedded default). */
export const staticMapMarkup = (): string => markup(null);

/**
 * The static map the build puts in the first view: with the county basemap at `archive` when there is one of
 * the Protomaps schema and the picture stays within budget (towns dropped first, then main roads), else the
 * outlines alone. `said` hears why a county map was left out.
 */
export async function firstViewMarkup(archive = COUNTY_ARCHIVE_PATH, said: (why: string) => void = console.warn): Promise<string> {
  if (!existsSync(archive)) return markup(null);
  let county: StaticCounty | null;
  try {
    county = await readStaticCounty(archive, HOME_BOUNDS);
  } catch (e) {
    said(`static first map: ${archive}: ${(e as Error).message}: the outlines alone`);
    return markup(null);
  }
  if (!county) {
    said(`static first map: ${archive} is not a vector archive of the Protomaps schema: the outlines alone`);
    return markup(null);
  }
  const tries: StaticCounty[] = [
    county,
    { ...county, places: county.places.slice(0, 12) },
    { ...county, places: county.places.slice(0, 12), roads: county.roads.filter((r) => r.kind === 'highway') },
  ];
  for (const c of tries) {
    const html = markup(c);
    if (gzipSync(html).length <= STATIC_MAP_BUDGET_GZ) return html;
  }
  said(
    `static first map: the county map of ${archive} does not fit the first view's ${STATIC_MAP_BUDGET_GZ / 1024} kB: the outlines alone`,
  );
  return markup(null);
}
