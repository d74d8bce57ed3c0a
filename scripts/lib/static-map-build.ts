/** The static first map from geodata/, for the prerendered first view (vite.config.ts, prerender-shell). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LayerDef, SiteDef } from '../../src/data/schema.ts';
import { connectionLines } from '../../src/data/selectors.ts';
import { HOME_BOUNDS } from '../../src/map/camera.ts';
import { FILL_OPACITY, PALETTE } from '../../src/map/palette.ts';
import { renderStaticMap } from './static-map.ts';

const GEODATA = join(import.meta.dirname, '../../geodata');
const read = <T>(f: string) => JSON.parse(readFileSync(join(GEODATA, f), 'utf8')) as T;

export function staticMapMarkup(): string {
  const layers = read<LayerDef[]>('layers.json');
  const sites = readdirSync(join(GEODATA, 'sites'))
    .filter((f) => f.endsWith('.geojson'))
    .flatMap((f) => read<{ features: SiteDef[] }>(`sites/${f}`).features);
  const labels = read<Parameters<typeof renderStaticMap>[0]['labels']>('basemap/labels.geojson');
  const seat = labels.features.find((f) => f.properties.kind === 'seat')?.geometry.coordinates as [number, number];
  const colour = new Map(layers.map((l) => [l.id, l.color]));
  return renderStaticMap({
    bounds: HOME_BOUNDS,
    counties: read('basemap/counties.geojson'),
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
  });
}
