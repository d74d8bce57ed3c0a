/**
 * npm run fixtures:basemap [-- dir]: the extract tests' source archives (scripts/lib/basemap-fixture.ts)
 * written to `dir` (default tests/fixtures/basemap/, git-ignored): source.pmtiles (vector, Protomaps
 * schema) and dem-source.pmtiles (Terrarium). Prints the county seat's WGS-84 position they use.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import gcoord from 'gcoord';
import type { FeatureCollection, Point } from 'geojson';
import { makeDemSource, makeVectorSource } from './lib/basemap-fixture';

const ROOT = resolve(import.meta.dirname, '..');
const dir = resolve(process.argv[2] ?? join(ROOT, 'tests/fixtures/basemap'));
mkdirSync(dir, { recursive: true });

/** geodata's county seat (GCJ-02), as OpenStreetMap would have it (WGS-84). */
export function seatWgs84(): [number, number] {
  const labels = JSON.parse(readFileSync(join(ROOT, 'geodata/basemap/labels.geojson'), 'utf8')) as FeatureCollection<Point>;
  const seat = labels.features.find((f) => f.properties?.kind === 'seat');
  if (!seat) throw new Error('geodata/basemap/labels.geojson: no feature with kind "seat"');
  return gcoord.transform(seat.geometry.coordinates as [number, number], gcoord.GCJ02, gcoord.WGS84) as [number, number];
}

const seat = seatWgs84();
const vector = await makeVectorSource(join(dir, 'source.pmtiles'), seat, Number(process.env.FIXTURE_MAXZOOM ?? 13));
const dem = await makeDemSource(join(dir, 'dem-source.pmtiles'), Number(process.env.FIXTURE_DEM_MAXZOOM ?? 11));
console.log(
  `fixtures in ${dir}: source.pmtiles ${(vector / 1e3).toFixed(0)} kB, dem-source.pmtiles ${(dem / 1e3).toFixed(0)} kB; seat (WGS-84) ${seat.join(',')}`,
);
