/**
 * Moving a drawing or one of its vertices: by a pointer drag (src/tools/map/interactions.ts) or by
 * metres from the keyboard (src/tools/MoveControl.tsx). Pure; coordinates in the data's datum.
 */
import type { Position } from 'geojson';
import type { Drawing } from './toolsState';

type Geometry = Drawing['geometry'];

/** The geometry with vertex `index` at `to`, or, for `index` null, all of it shifted by `delta` (degrees). */
export function moved(g: Geometry, index: number | null, delta: Position, to: Position): Geometry {
  const shift = (p: Position): Position => [(p[0] as number) + (delta[0] as number), (p[1] as number) + (delta[1] as number)];
  if (g.type === 'Point') return { type: 'Point', coordinates: index === null ? shift(g.coordinates) : to };
  if (g.type === 'LineString')
    return { type: 'LineString', coordinates: g.coordinates.map((p, i) => (index === null ? shift(p) : i === index ? to : p)) };
  const ring = g.coordinates[0] ?? [];
  const last = ring.length - 1;
  return {
    type: 'Polygon',
    // The ring's closing point moves with its first.
    coordinates: [ring.map((p, i) => (index === null ? shift(p) : i === index || (index === 0 && i === last) ? to : p))],
  };
}

/** The vertices a user can pick: a polygon's closing point is its first. */
export function vertices(g: Geometry): Position[] {
  if (g.type === 'Point') return [g.coordinates];
  if (g.type === 'LineString') return g.coordinates;
  return (g.coordinates[0] ?? []).slice(0, -1);
}

const M_PER_DEGREE = 111_320;

/** Moved `east` and `north` metres (negative: west, south): the whole geometry, or vertex `index`. */
export function nudged(g: Geometry, index: number | null, east: number, north: number): Geometry {
  const points = vertices(g);
  const at = (index === null ? points[0] : points[index]) ?? [0, 0];
  const lat = at[1] as number;
  const delta: Position = [east / (M_PER_DEGREE * Math.cos((lat * Math.PI) / 180)), north / M_PER_DEGREE];
  const to: Position = [(at[0] as number) + (delta[0] as number), lat + (delta[1] as number)];
  return moved(g, index, delta, to);
}
