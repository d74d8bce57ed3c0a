/**
 * Imported features made safe and checked: coordinates on the Earth (and a hint when
 * latitude and longitude look swapped), rings closed, properties reduced to plain
 * values with no prototype-changing keys. Property values are data: the UI shows them as text.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import type { Props } from '../../layers/model';
import { ImportError } from './errors';

export type { Props };

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
export const MAX_FEATURES = 500_000;

/** Geometry collections inside collections: deeper than this is refused (GeoJSON advises against any nesting). */
export const MAX_GEOMETRY_DEPTH = 8;

/** Plain values only; names that would change prototypes (or are absurdly long) are left out and added to `dropped`. */
export function sanitizeProperties(raw: unknown, dropped?: Set<string>): Props {
  const out: Props = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const key of Object.keys(raw)) {
    if (FORBIDDEN.has(key) || key.length > 200) {
      dropped?.add(key.length > 200 ? `${key.slice(0, 40)}…` : key);
      continue;
    }
    const v = (raw as Record<string, unknown>)[key];
    const value =
      v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))
        ? v
        : v === undefined
          ? null
          : String(typeof v === 'object' ? JSON.stringify(v) : v);
    Object.defineProperty(out, key, {
      value: typeof value === 'string' ? value.slice(0, 10_000) : value,
      enumerable: true,
      writable: true,
    });
  }
  return out;
}

function checkPosition(p: Position, feature: number): void {
  const [lon, lat] = p as [number, number];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    throw new ImportError({
      code: 'invalid-geometry',
      feature,
      detail: `coordinate ${JSON.stringify(p)?.slice(0, 60)} is not two numbers`,
    });
  }
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    const swapped = lat >= -180 && lat <= 180 && lon >= -90 && lon <= 90;
    throw new ImportError({ code: 'outside-earth', feature, lon, lat, swapped });
  }
}

function checkRing(ring: Position[], feature: number): void {
  if (!Array.isArray(ring) || ring.length < 4)
    throw new ImportError({ code: 'invalid-geometry', feature, detail: 'a polygon ring needs at least 4 positions' });
  for (const p of ring) checkPosition(p, feature);
  const a = ring[0] as Position;
  const b = ring[ring.length - 1] as Position;
  if (a[0] !== b[0] || a[1] !== b[1]) throw new ImportError({ code: 'invalid-geometry', feature, detail: 'a polygon ring is not closed' });
}

export function checkGeometry(g: Geometry | null, feature: number, depth = 0): void {
  if (!g || typeof g !== 'object') throw new ImportError({ code: 'invalid-geometry', feature, detail: 'no geometry' });
  const list = (x: unknown) => {
    if (!Array.isArray(x)) throw new ImportError({ code: 'invalid-geometry', feature, detail: `${g.type} coordinates are not a list` });
    return x;
  };
  switch (g.type) {
    case 'Point':
      checkPosition(list(g.coordinates) as Position, feature);
      return;
    case 'MultiPoint':
    case 'LineString':
      for (const p of list(g.coordinates)) checkPosition(list(p) as Position, feature);
      if (g.type === 'LineString' && g.coordinates.length < 2)
        throw new ImportError({ code: 'invalid-geometry', feature, detail: 'a line needs two positions' });
      return;
    case 'MultiLineString':
      for (const line of list(g.coordinates)) for (const p of list(line)) checkPosition(list(p) as Position, feature);
      return;
    case 'Polygon':
      for (const ring of list(g.coordinates)) checkRing(list(ring) as Position[], feature);
      return;
    case 'MultiPolygon':
      for (const poly of list(g.coordinates)) for (const ring of list(poly)) checkRing(list(ring) as Position[], feature);
      return;
    case 'GeometryCollection':
      if (depth >= MAX_GEOMETRY_DEPTH) throw new ImportError({ code: 'too-deep', feature, limit: MAX_GEOMETRY_DEPTH });
      for (const x of list(g.geometries)) checkGeometry(x, feature, depth + 1);
      return;
    default:
      throw new ImportError({
        code: 'invalid-geometry',
        feature,
        detail: `unknown geometry type ${JSON.stringify((g as { type?: unknown }).type)?.slice(0, 40)}`,
      });
  }
}

/** Checks every feature (the first bad one is reported with its index) and returns a clean copy. */
export function sanitizeCollection(
  features: readonly unknown[],
  dropped?: Set<string>,
  maxFeatures = MAX_FEATURES,
): FeatureCollection<Geometry, Props> {
  if (features.length === 0) throw new ImportError({ code: 'empty' });
  if (features.length > maxFeatures) throw new ImportError({ code: 'too-many-features', count: features.length, limit: maxFeatures });
  const out: Feature<Geometry, Props>[] = [];
  features.forEach((raw, i) => {
    const f = raw as Partial<Feature> | null;
    if (!f || typeof f !== 'object' || f.type !== 'Feature')
      throw new ImportError({ code: 'invalid-geometry', feature: i, detail: 'not a GeoJSON Feature' });
    checkGeometry(f.geometry as Geometry, i);
    out.push({ type: 'Feature', id: i, properties: sanitizeProperties(f.properties, dropped), geometry: f.geometry as Geometry });
  });
  return { type: 'FeatureCollection', features: out };
}
