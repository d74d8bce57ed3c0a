/**
 * The county basemap's main lines and names for the static first map (static-map.ts), read at build time
 * from the archive `npm run basemap:extract` put beside the app: water areas and rivers, highways and
 * main roads, town names — what the county style draws at the opening zoom, and what a visitor looks
 * for first. Read from one zoom's tiles over the opening view (the zoom MapLibre's opening view
 * draws on a large screen), in WGS-84 as the archive is. Null when the file is not a vector archive of
 * the Protomaps schema (the app says why when it opens it; the static map keeps the outlines).
 */
import { VectorTile } from '@mapbox/vector-tile';
import type { Position } from 'geojson';
import { PbfReader } from 'pbf';
import { PMTiles } from 'pmtiles';
import { FileRangeSource } from './range-source.ts';

export interface StaticCounty {
  /** Water areas (lakes, reservoirs, wide rivers): polygons of rings. */
  water: Position[][][];
  rivers: Position[][];
  roads: { kind: 'highway' | 'major_road'; line: Position[] }[];
  /** Towns and cities, the most important first. */
  places: { name: string; at: Position; rank: number }[];
}

/** The zoom whose tiles are read: MapLibre draws z9 tiles at the opening view on a large screen (zoom ~9.3 at 1920×1080). */
export const STATIC_COUNTY_ZOOM = 9;

const tileOf = (lon: number, lat: number, z: number): [number, number] => {
  const n = 2 ** z;
  const s = Math.sin((lat * Math.PI) / 180);
  return [Math.floor(((lon + 180) / 360) * n), Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n)];
};

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

export async function readStaticCounty(path: string, box: [number, number, number, number]): Promise<StaticCounty | null> {
  const source = new FileRangeSource(path);
  try {
    const archive = new PMTiles(source);
    const header = await archive.getHeader();
    if (header.tileType !== 1) return null;
    const z = Math.max(header.minZoom, Math.min(header.maxZoom, STATIC_COUNTY_ZOOM));
    const [x0, y0] = tileOf(box[0], box[3], z);
    const [x1, y1] = tileOf(box[2], box[1], z);
    const out: StaticCounty = { water: [], rivers: [], roads: [], places: [] };
    const seen = new Set<string>();
    let schema = false;
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) {
        const tile = await archive.getZxy(z, x, y);
        if (!tile) continue;
        const vt = new VectorTile(new PbfReader(new Uint8Array(tile.data)));
        if (vt.layers.roads && vt.layers.water) schema = true;
        const each = (name: string, take: (f: ReturnType<NonNullable<(typeof vt.layers)[string]>['feature']>) => void) => {
          const layer = vt.layers[name];
          for (let i = 0; layer && i < layer.length; i++) take(layer.feature(i));
        };
        each('water', (f) => {
          const g = f.toGeoJSON(x, y, z).geometry;
          if (g.type === 'Polygon') out.water.push(g.coordinates);
          else if (g.type === 'MultiPolygon') out.water.push(...g.coordinates);
          else if (f.properties.kind === 'river' || f.properties.kind === 'canal') {
            if (g.type === 'LineString') out.rivers.push(g.coordinates);
            else if (g.type === 'MultiLineString') out.rivers.push(...g.coordinates);
          }
        });
        each('roads', (f) => {
          const kind = f.properties.kind;
          if (kind !== 'highway' && kind !== 'major_road') return;
          const g = f.toGeoJSON(x, y, z).geometry;
          const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
          for (const line of lines) out.roads.push({ kind, line });
        });
        each('places', (f) => {
          const kind = f.properties.kind;
          if (kind !== 'locality' && kind !== 'region' && kind !== 'county') return;
          const g = f.toGeoJSON(x, y, z).geometry;
          const name = text(f.properties['name:zh-Hans']) ?? text(f.properties['name:zh']) ?? text(f.properties.name);
          // A town in a tile's buffer is in two tiles: kept once.
          if (g.type !== 'Point' || !name || seen.has(name)) return;
          seen.add(name);
          out.places.push({ name, at: g.coordinates, rank: Number(f.properties.population_rank ?? 0) });
        });
      }
    if (!schema) return null;
    out.places.sort((a, b) => b.rank - a.rank);
    return out;
  } finally {
    source.close();
  }
}
