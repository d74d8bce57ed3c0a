/**
 * The community centres' 15-minute walking circles as one area (data datum), computed once per
 * radius: the map overlay and the coverage figure in the tools panel share it, and a drawing being
 * edited does not recompute it.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { layers, sites } from '../data/geodata';
import { anchorOf, circleSites } from '../data/selectors';
import { circlesUnion } from './geometry';

export const COMMUNITY_CENTRES = circleSites(sites, layers).map((s) => anchorOf(s));

let last: { radiusKm: number; area: FeatureCollection<Polygon | MultiPolygon> } | null = null;

/** One feature (the union), or none when there are no centres. The same object for the same radius. */
export function communityCoverage(radiusKm: number): FeatureCollection<Polygon | MultiPolygon> {
  if (last?.radiusKm !== radiusKm) {
    const union = circlesUnion(COMMUNITY_CENTRES, radiusKm);
    last = { radiusKm, area: { type: 'FeatureCollection', features: union ? [union] : [] } };
  }
  return last.area;
}
