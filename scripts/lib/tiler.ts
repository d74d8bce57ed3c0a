/**
 * Cuts layers of features into Mapbox Vector Tiles, zoom by zoom, into an ArchiveWriter. geojson-vt
 * cuts and simplifies, vt-pbf encodes; this module chooses the zooms from the data, walks the tiles
 * level by level in tile-id order (so the archive is clustered), frees each level once the next is cut
 * (memory holds about two levels), and keeps every tile under a size: where a tile would pass it,
 * features are dropped by a fixed per-feature rank — the same features at every zoom, the densest tiles
 * thinned most, as tippecanoe's --drop-densest-as-needed — and counted.
 */
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import GeoJSONVT, { type LegacyFeature, type LegacyTile } from 'geojson-vt';
import { zxyToTileId } from 'pmtiles';
import vtpbf from 'vt-pbf';
import type { ArchiveWriter } from './pmtiles-writer';

export const EXTENT = 4096;
export const MAX_TILE_BYTES = 500_000;
export const MAX_TILE_FEATURES = 200_000;
/** The highest zoom the guess goes to; more detail is drawn by over-zooming. */
export const ZOOM_CAP = 15;

export interface TileLayer {
  /** The vector layer's name (a MapLibre `source-layer`). */
  name: string;
  fc: FeatureCollection<Geometry, Record<string, unknown> | null>;
}

export interface TileProgress {
  zoom: number;
  maxZoom: number;
  tilesDone: number;
  tilesAtZoom: number;
  tilesWritten: number;
  elapsedMs: number;
  /** Estimated from the zooms done and the one under way; null until one zoom is done. */
  leftMs: number | null;
}

export interface TileOptions {
  minZoom?: number;
  maxZoom?: number;
  maxTileBytes?: number;
  maxTileFeatures?: number;
  onProgress?: (p: TileProgress) => void;
}

export interface AttributeStats {
  attribute: string;
  type: 'string' | 'number' | 'boolean' | 'mixed';
  count: number;
  /** Up to 100 distinct values, for a legend by category. */
  values: (string | number | boolean)[];
  min?: number;
  max?: number;
}

export interface LayerStats {
  layer: string;
  count: number;
  geometry: 'Point' | 'LineString' | 'Polygon' | 'mixed';
  attributeCount: number;
  attributes: AttributeStats[];
}

export interface TileSummary {
  features: number;
  tiles: number;
  minZoom: number;
  maxZoom: number;
  /** Features left out of tiles at each zoom where a tile would have passed the limits (counted per tile). */
  dropped: Record<number, number>;
  /** Features that fell in the tiles of each zoom (per tile: one near an edge counts in both). */
  inTiles: Record<number, number>;
  bounds: [number, number, number, number];
  layers: LayerStats[];
  ms: number;
}

// ---------------------------------------------------------------------------------------- zooms

const mercX = (lon: number) => (lon + 180) / 360;
const mercY = (lat: number) => {
  const s = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};

function eachPosition(g: Geometry | null, fn: (p: Position) => void): void {
  if (!g) return;
  if (g.type === 'GeometryCollection') for (const c of g.geometries) eachPosition(c, fn);
  else if (g.type === 'Point') fn(g.coordinates);
  else {
    const walk = (c: unknown): void => {
      if (Array.isArray(c) && typeof c[0] === 'number') fn(c as Position);
      else if (Array.isArray(c)) for (const x of c) walk(x);
    };
    walk(g.coordinates);
  }
}

/** A feature's extent in Web Mercator units of the world (0–1), and a point of it. */
function featureBox(f: Feature<Geometry, unknown>): { x: number; y: number; span: number } | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  eachPosition(f.geometry, (p) => {
    const x = mercX(p[0] as number);
    const y = mercY(p[1] as number);
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  });
  if (!Number.isFinite(x0)) return null;
  return { x: (x0 + x1) / 2, y: (y0 + y1) / 2, span: Math.max(x1 - x0, y1 - y0) };
}

/**
 * The highest zoom the data needs: where the busy tiles (95th percentile) hold at most 4,000 features,
 * and, for a layer of lines or areas, where its typical (median) feature is at least 8 pixels across on
 * a 256-pixel tile (the layer needing most detail decides). Between minZoom and ZOOM_CAP.
 */
export function guessMaxZoom(layers: readonly TileLayer[], minZoom = 0): number {
  const boxes: { x: number; y: number; span: number }[] = [];
  let detail = minZoom;
  const total = layers.reduce((n, l) => n + l.fc.features.length, 0);
  const step = Math.max(1, Math.floor(total / 200_000));
  for (const layer of layers) {
    const spans: number[] = [];
    const all = layer.fc.features;
    for (let i = 0; i < all.length; i += step) {
      const f = all[i] as Feature<Geometry, unknown>;
      const b = featureBox(f);
      if (!b) continue;
      boxes.push(b);
      if (f.geometry.type !== 'Point' && f.geometry.type !== 'MultiPoint') spans.push(b.span);
    }
    if (spans.length === 0) continue;
    spans.sort((a, b) => a - b);
    const median = spans[Math.floor(spans.length / 2)] as number;
    detail = Math.max(detail, median > 0 ? Math.ceil(Math.log2(8 / (256 * median))) : ZOOM_CAP);
  }
  const scale = total / Math.max(1, boxes.length);
  let density = ZOOM_CAP;
  for (let z = minZoom; z <= ZOOM_CAP; z++) {
    const n = 2 ** z;
    const counts = new Map<number, number>();
    for (const b of boxes) {
      const key = Math.floor(b.x * n) * n + Math.floor(b.y * n);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const sorted = [...counts.values()].sort((a, b) => a - b);
    const p95 = (sorted[Math.floor(sorted.length * 0.95)] ?? 0) * scale;
    if (p95 <= 4000) {
      density = z;
      break;
    }
  }
  return Math.max(minZoom, Math.min(ZOOM_CAP, Math.max(density, detail)));
}

// ---------------------------------------------------------------------------------------- attributes

const primitive = (v: unknown): string | number | boolean | null =>
  v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : (v as string | number | boolean);

/** Attributes as a vector tile can hold them: nested values as JSON text, as tippecanoe does. */
function flatProps(p: Record<string, unknown> | null): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  if (!p) return out;
  for (const [k, v] of Object.entries(p)) {
    const x = primitive(v);
    if (x !== null) out[k] = x;
  }
  return out;
}

function layerStats(layer: TileLayer): LayerStats {
  const attrs = new Map<string, { types: Set<string>; values: Set<string | number | boolean>; count: number; min: number; max: number }>();
  const geoms = new Set<string>();
  for (const f of layer.fc.features) {
    const t = f.geometry?.type ?? '';
    geoms.add(t.replace('Multi', ''));
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      const x = primitive(v);
      if (x === null) continue;
      const a = attrs.get(k) ?? { types: new Set(), values: new Set(), count: 0, min: Infinity, max: -Infinity };
      attrs.set(k, a);
      a.count++;
      a.types.add(typeof x);
      if (a.values.size < 100) a.values.add(x);
      if (typeof x === 'number') {
        if (x < a.min) a.min = x;
        if (x > a.max) a.max = x;
      }
    }
  }
  const attributes: AttributeStats[] = [...attrs].slice(0, 1000).map(([attribute, a]) => ({
    attribute,
    type: a.types.size === 1 ? ([...a.types][0] as AttributeStats['type']) : 'mixed',
    count: a.count,
    values: [...a.values],
    ...(Number.isFinite(a.min) ? { min: a.min, max: a.max } : {}),
  }));
  const g = [...geoms].filter((x) => x !== 'GeometryCollection');
  return {
    layer: layer.name,
    count: layer.fc.features.length,
    geometry: g.length === 1 ? (g[0] as LayerStats['geometry']) : 'mixed',
    attributeCount: attributes.length,
    attributes,
  };
}

// ---------------------------------------------------------------------------------------- cutting

/** A fixed rank in [0, 1) per feature: which ones stay when a tile must be thinned. */
function rank(id: number | string | undefined, i: number): number {
  let h = typeof id === 'number' ? id : i;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

function encode(parts: Record<string, LegacyFeature[]>): Uint8Array {
  const layers: Record<string, LegacyTile> = {};
  for (const [name, features] of Object.entries(parts)) if (features.length > 0) layers[name] = { features };
  return vtpbf.fromGeojsonVt(layers, { version: 2, extent: EXTENT });
}

/** The features whose rank is under `threshold` (ranks are uniform, so about that share of them). */
function below(parts: Record<string, LegacyFeature[]>, threshold: number): Record<string, LegacyFeature[]> {
  if (threshold >= 1) return parts;
  const out: Record<string, LegacyFeature[]> = {};
  for (const [name, fs] of Object.entries(parts)) out[name] = fs.filter((f, i) => rank(f.id as number | undefined, i) < threshold);
  return out;
}

const count = (parts: Record<string, LegacyFeature[]>) => Object.values(parts).reduce((n, f) => n + f.length, 0);

/**
 * Encodes a tile within the limits, thinned by rank while over them: a feature of rank r is in every
 * tile whose threshold is above r, so what shows at one zoom still shows at the next. Big tiles are
 * sized from a sample first, not encoded whole. Returns the bytes and how many features were left out.
 */
function encodeWithin(
  parts: Record<string, LegacyFeature[]>,
  maxBytes: number,
  maxFeatures: number,
): { bytes: Uint8Array; dropped: number } {
  const total = count(parts);
  let threshold = total > maxFeatures ? maxFeatures / total : 1;
  if (total > 20_000) {
    const sample = below(parts, 5000 / total);
    const perFeature = encode(sample).byteLength / Math.max(1, count(sample));
    threshold = Math.min(threshold, (0.9 * maxBytes) / (perFeature * total));
  }
  for (;;) {
    const kept = below(parts, threshold);
    const bytes = encode(kept);
    const n = count(kept);
    if (bytes.byteLength <= maxBytes || n <= 1) return { bytes, dropped: total - n };
    threshold *= (0.9 * maxBytes) / bytes.byteLength;
  }
}

/**
 * Cuts the layers into the writer. Takes the layers' features: once indexed they are emptied (the
 * index holds its own copy; keeping both would double the memory of a million features).
 */
export async function cutTiles(layers: readonly TileLayer[], writer: ArchiveWriter, options: TileOptions = {}): Promise<TileSummary> {
  const t0 = performance.now();
  const minZoom = options.minZoom ?? 0;
  const maxZoom = options.maxZoom ?? guessMaxZoom(layers, minZoom);
  const maxBytes = options.maxTileBytes ?? MAX_TILE_BYTES;
  const maxFeatures = options.maxTileFeatures ?? MAX_TILE_FEATURES;
  const stats = layers.map(layerStats);
  const bounds: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const l of layers)
    for (const f of l.fc.features)
      eachPosition(f.geometry, (p) => {
        const [x, y] = p as [number, number];
        if (x < bounds[0]) bounds[0] = x;
        if (y < bounds[1]) bounds[1] = y;
        if (x > bounds[2]) bounds[2] = x;
        if (y > bounds[3]) bounds[3] = y;
      });
  const features = layers.reduce((n, l) => n + l.fc.features.length, 0);
  const indices = layers.map((l) => {
    const index = new GeoJSONVT(
      {
        type: 'FeatureCollection',
        features: l.fc.features.map((f, i) => ({ ...f, id: typeof f.id === 'number' ? f.id : i, properties: flatProps(f.properties) })),
      },
      { maxZoom, indexMaxZoom: 0, indexMaxPoints: 0, extent: EXTENT, buffer: 64, tolerance: 3 },
    );
    l.fc.features.length = 0;
    return index;
  });
  const dropped: Record<number, number> = {};
  const inTiles: Record<number, number> = {};
  let written = 0;
  // The tiles of a zoom that hold something, sorted by tile id; the next zoom looks only under them.
  let level: { z: number; x: number; y: number; id: number }[] = [{ z: 0, x: 0, y: 0, id: 0 }];
  let above: typeof level = [];
  const zoomMs: number[] = [];
  let lastReport = 0;
  for (let z = 0; z <= maxZoom && level.length > 0; z++) {
    const zStart = performance.now();
    const next: typeof level = [];
    for (let i = 0; i < level.length; i++) {
      const t = level[i] as (typeof level)[number];
      const parts: Record<string, LegacyFeature[]> = {};
      // Whether anything lies under this tile: its source features, not what is drawn in it (small
      // parcels are simplified away at low zooms, yet their tiles have children to cut).
      let below = false;
      layers.forEach((l, li) => {
        const index = indices[li] as GeoJSONVT & { findTile?: (z: number, x: number, y: number) => { numFeatures?: number } | null };
        const tile = index.getTile(t.z, t.x, t.y);
        parts[l.name] = tile?.features ?? [];
        if ((index.findTile?.(t.z, t.x, t.y)?.numFeatures ?? parts[l.name]?.length ?? 0) > 0) below = true;
      });
      if (!below) continue;
      if (z < maxZoom)
        for (const [dx, dy] of [
          [0, 0],
          [1, 0],
          [0, 1],
          [1, 1],
        ] as const) {
          const cx = t.x * 2 + dx;
          const cy = t.y * 2 + dy;
          next.push({ z: z + 1, x: cx, y: cy, id: zxyToTileId(z + 1, cx, cy) });
        }
      if (z >= minZoom && count(parts) > 0) {
        const { bytes, dropped: d } = encodeWithin(parts, maxBytes, maxFeatures);
        if (d > 0) dropped[z] = (dropped[z] ?? 0) + d;
        inTiles[z] = (inTiles[z] ?? 0) + count(parts);
        writer.addTile(t.id, new Uint8Array(gzipSync(bytes)));
        written++;
      }
      const now = performance.now();
      if (options.onProgress && now - lastReport > 1000) {
        lastReport = now;
        // Each zoom costs about as much as the last (every feature is cut once per zoom).
        const perZoom = zoomMs.length > 0 ? (zoomMs.at(-1) as number) : null;
        const thisLeft = perZoom !== null ? Math.max(0, perZoom - (now - zStart)) : null;
        options.onProgress({
          zoom: z,
          maxZoom,
          tilesDone: i + 1,
          tilesAtZoom: level.length,
          tilesWritten: written,
          elapsedMs: now - t0,
          leftMs: perZoom !== null && thisLeft !== null ? thisLeft + perZoom * (maxZoom - z) : null,
        });
      }
      // Let the event loop breathe (progress output, signals) on long zooms.
      if (i % 2000 === 1999) await new Promise((r) => setImmediate(r));
    }
    // The zoom above this one is no longer needed (this zoom's tiles were cut from it): free it,
    // since geojson-vt keeps every tile it cuts. Memory holds about two zooms.
    for (const index of indices) {
      const tiles = (index as unknown as { tiles?: Record<number, unknown> }).tiles;
      if (tiles) for (const t of above) delete tiles[((1 << t.z) * t.y + t.x) * 32 + t.z];
    }
    zoomMs.push(performance.now() - zStart);
    next.sort((a, b) => a.id - b.id);
    above = level;
    level = next;
  }
  return {
    features,
    tiles: written,
    minZoom,
    maxZoom,
    dropped,
    inTiles,
    bounds,
    layers: stats,
    ms: performance.now() - t0,
  };
}
