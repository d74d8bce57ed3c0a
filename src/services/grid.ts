/**
 * Tile arithmetic for map services, pure and unit-tested: which source tiles a Web Mercator tile of the
 * map needs and, row by row, where each of its pixel rows lies in them. Longitude is linear in both Web
 * Mercator and a geographic grid, latitude is not: each output row is one source row (exact to well under
 * a pixel at the county's zooms), each row's columns a linear stretch. The same plan moves a tile from
 * one datum to the other (WGS-84 ↔ GCJ-02): the offset, a few hundred metres that change slowly, is taken
 * at the tile's centre.
 */
import type { GeoMatrix } from './model';

export const TILE = 256;
/** Metres per degree on WGS-84's equator: a WMTS scale denominator of a geographic grid is in these. */
export const METRES_PER_DEGREE = (6378137 * 2 * Math.PI) / 360;
/** WMTS's standard pixel: 0.28 mm. */
export const PIXEL_M = 0.00028;

import { latOfY, lonOfX, xOfLon, yOfLat } from '../lib/webMercator';

export { latOfY, lonOfX, xOfLon, yOfLat };

/** A Web Mercator tile's bounds in EPSG:3857 metres: minx, miny, maxx, maxy. */
export function tileBbox3857(z: number, x: number, y: number): [number, number, number, number] {
  const size = (2 * Math.PI * 6378137) / 2 ** z;
  const o = Math.PI * 6378137;
  return [x * size - o, o - (y + 1) * size, (x + 1) * size - o, o - y * size];
}

/** Degrees per pixel of a geographic matrix from its WMTS scale denominator. */
export const resOfScale = (scaleDenominator: number) => (scaleDenominator * PIXEL_M) / METRES_PER_DEGREE;

/** The coarsest matrix that is still at least as fine as `degPerPx` (a little coarser is allowed), else the finest. */
export function chooseMatrix(matrices: readonly GeoMatrix[], degPerPx: number): GeoMatrix {
  const sorted = [...matrices].sort((a, b) => b.res - a.res);
  return sorted.find((m) => m.res <= degPerPx * 1.25) ?? (sorted[sorted.length - 1] as GeoMatrix);
}

/** Where the source's pixels are: a global pixel position for a longitude and a latitude. */
export type SourceSpace = { kind: 'webmercator'; z: number } | { kind: 'geographic'; m: GeoMatrix };

const sx = (s: SourceSpace, lon: number) => (s.kind === 'webmercator' ? xOfLon(lon, s.z) * TILE : (lon - s.m.left) / s.m.res);
const sy = (s: SourceSpace, lat: number) => (s.kind === 'webmercator' ? yOfLat(lat, s.z) * TILE : (s.m.top - lat) / s.m.res);

export interface ResamplePlan {
  /** Source tiles to fetch: column and row in the source grid (the Web Mercator x/y at zoom `z`, or a matrix's col/row). */
  tiles: { col: number; row: number }[];
  /** The mosaic of those tiles: its first column and row, in tiles, and its size in pixels. */
  origin: { col: number; row: number };
  mosaic: { width: number; height: number };
  tileWidth: number;
  tileHeight: number;
  /** For each output row: the source row (in mosaic pixels). */
  rows: number[];
  /** The output's columns 0…size span these mosaic pixels (x0 to x1). */
  x0: number;
  x1: number;
}

/**
 * The plan for one output tile z/x/y (in the map's datum) of `size` pixels: `shift` is what to add to
 * a map position to get the source's (longitude, latitude degrees), `source` where its pixels are.
 * Null when the tile lies wholly outside the source grid.
 */
export function resamplePlan(
  z: number,
  x: number,
  y: number,
  source: SourceSpace,
  shift: [number, number] = [0, 0],
  size = TILE,
): ResamplePlan | null {
  const tw = source.kind === 'webmercator' ? TILE : source.m.tileWidth;
  const th = source.kind === 'webmercator' ? TILE : source.m.tileHeight;
  const cols = source.kind === 'webmercator' ? 2 ** source.z : source.m.matrixWidth;
  const rowsN = source.kind === 'webmercator' ? 2 ** source.z : source.m.matrixHeight;
  const lonA = lonOfX(x, z) + shift[0];
  const lonB = lonOfX(x + 1, z) + shift[0];
  const gx0 = sx(source, lonA);
  const gx1 = sx(source, lonB);
  const gys: number[] = [];
  for (let j = 0; j < size; j++) gys.push(sy(source, latOfY(y + (j + 0.5) / size, z) + shift[1]));
  const top = Math.min(...gys);
  const bottom = Math.max(...gys);
  const c0 = Math.max(0, Math.floor(gx0 / tw));
  const c1 = Math.min(cols - 1, Math.floor((gx1 - 1e-9) / tw));
  const r0 = Math.max(0, Math.floor(top / th));
  const r1 = Math.min(rowsN - 1, Math.floor(bottom / th));
  if (c1 < c0 || r1 < r0) return null;
  const tiles: { col: number; row: number }[] = [];
  for (let row = r0; row <= r1; row++) for (let col = c0; col <= c1; col++) tiles.push({ col, row });
  return {
    tiles,
    origin: { col: c0, row: r0 },
    mosaic: { width: (c1 - c0 + 1) * tw, height: (r1 - r0 + 1) * th },
    tileWidth: tw,
    tileHeight: th,
    rows: gys.map((g) => g - r0 * th),
    x0: gx0 - c0 * tw,
    x1: gx1 - c0 * tw,
  };
}

/** The source zoom for a Web Mercator source drawn at map zoom `z` (the same, within its range). */
export const mercatorZoom = (z: number, minzoom: number, maxzoom: number) => Math.max(minzoom, Math.min(maxzoom, z));

/** A template's placeholders filled: {z}/{x}/{y}/{-y}, {TileMatrix}/{TileRow}/{TileCol}, {s}, {bbox-epsg-3857}. */
export function fillTemplate(
  template: string,
  t: { z?: number | string; x?: number; y?: number; matrix?: string; row?: number; col?: number; bbox?: number[] },
  subdomains?: readonly string[],
): string {
  let out = template;
  if (t.z !== undefined) out = out.replaceAll('{z}', String(t.z));
  if (t.x !== undefined) out = out.replaceAll('{x}', String(t.x));
  if (t.y !== undefined && t.z !== undefined) {
    out = out.replaceAll('{y}', String(t.y)).replaceAll('{-y}', String(2 ** Number(t.z) - 1 - t.y));
  }
  if (t.matrix !== undefined) out = out.replace(/\{TileMatrix\}/gi, t.matrix);
  if (t.row !== undefined) out = out.replace(/\{TileRow\}/gi, String(t.row));
  if (t.col !== undefined) out = out.replace(/\{TileCol\}/gi, String(t.col));
  if (t.bbox) out = out.replaceAll('{bbox-epsg-3857}', t.bbox.map((v) => v.toFixed(3)).join(','));
  if (subdomains && subdomains.length > 0) {
    const n = Math.abs((t.x ?? t.col ?? 0) + (t.y ?? t.row ?? 0)) % subdomains.length;
    out = out.replaceAll('{s}', subdomains[n] as string);
  }
  return out;
}
