/**
 * The planner's geometry, each a small pure function on GeoJSON (turf, geodesic):
 * measure, proximity rings, 15-minute circle coverage. Tested with fixtures of known answers.
 */
import { area, circle, distance, featureCollection, intersect, length, lineString, polygon, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/** 1 亩 = 666.67 m² (1/15 hectare), the article's unit of land. */
export const M2_PER_MU = 10_000 / 15;

export function pathLengthKm(points: readonly Position[]): number {
  return points.length < 2 ? 0 : length(lineString(points as Position[]), { units: 'kilometers' });
}

/** Area of the polygon the points outline (closed automatically), in m². */
export function outlineAreaM2(points: readonly Position[]): number {
  if (points.length < 3) return 0;
  return area(polygon([[...points, points[0] as Position]]));
}

export interface Ring {
  km: number;
  feature: Feature<Polygon>;
}

export function proximityRings(center: Position, kms: readonly number[]): Ring[] {
  return [...kms]
    .filter((k) => k > 0)
    .sort((a, b) => a - b)
    .map((km) => ({ km, feature: circle(center, km, { steps: 64, units: 'kilometers' }) }));
}

export interface WithinRing<T> {
  km: number;
  items: { item: T; km: number }[];
}

/** Which items fall in each ring (an item is listed in the smallest ring that holds it). */
export function itemsWithinRings<T>(
  center: Position,
  kms: readonly number[],
  items: readonly T[],
  at: (t: T) => Position,
): WithinRing<T>[] {
  const sorted = [...kms].filter((k) => k > 0).sort((a, b) => a - b);
  const measured = items.map((item) => ({ item, km: distance(center, at(item), { units: 'kilometers' }) })).sort((a, b) => a.km - b.km);
  return sorted.map((km, i) => ({ km, items: measured.filter((m) => m.km <= km && (i === 0 || m.km > (sorted[i - 1] as number))) }));
}

/** Walking circles around points, and their union (one or more polygons). */
export function circlesUnion(centers: readonly Position[], radiusKm: number): Feature<Polygon | MultiPolygon> | null {
  const circles = centers.map((c) => circle(c, radiusKm, { steps: 64, units: 'kilometers' }));
  if (circles.length === 0) return null;
  if (circles.length === 1) return circles[0] as Feature<Polygon>;
  return union(featureCollection(circles));
}

/** Share (0–1) of a polygon's area inside the covered area. */
export function coverageShare(
  target: Feature<Polygon | MultiPolygon> | Polygon | MultiPolygon,
  covered: Feature<Polygon | MultiPolygon> | null,
): number {
  const t: Feature<Polygon | MultiPolygon> =
    'type' in target && target.type === 'Feature' ? target : { type: 'Feature', properties: {}, geometry: target as Polygon };
  const total = area(t);
  if (!covered || total === 0) return 0;
  const inside = intersect(featureCollection([t, covered]));
  return inside ? Math.min(1, area(inside) / total) : 0;
}

export type { FeatureCollection };
