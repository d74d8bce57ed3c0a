/**
 * The default boxes of an extract: Suichang County with a margin, and the enclaves in Jiaxing as small
 * boxes of their own (a box around both would be 250 km of tiles nobody looks at). From geodata/, whose
 * coordinates are GCJ-02: the margins are far wider than its offset from WGS-84 (under 1 km here).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { Box } from './archive-extract';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (p: string) => JSON.parse(readFileSync(resolve(ROOT, p), 'utf8')) as FeatureCollection;
const COUNTY_MARGIN = 0.05;
const ENCLAVE_MARGIN = 0.03;

const grow = (b: number[], m: number): Box => [
  +((b[0] as number) - m).toFixed(3),
  +((b[1] as number) - m).toFixed(3),
  +((b[2] as number) + m).toFixed(3),
  +((b[3] as number) + m).toFixed(3),
];

export function defaultBoxes(): Box[] {
  const counties = read('geodata/basemap/counties.geojson');
  const focus = counties.features.filter((f) => f.properties?.role === 'focus');
  const enclaves = read('geodata/sites/enclaves.geojson').features;
  return [grow(bbox({ type: 'FeatureCollection', features: focus }), COUNTY_MARGIN), ...enclaves.map((f) => grow(bbox(f), ENCLAVE_MARGIN))];
}
