/** A geometry's positions through a function (datum or projection), the structure kept. */
import type { Geometry, Position } from 'geojson';

type Coords = Position | Coords[];

const map = (c: Coords, f: (p: Position) => Position): Coords =>
  typeof c[0] === 'number' ? f(c as Position) : (c as Coords[]).map((x) => map(x, f));

export function convertCoords<G extends Geometry>(g: G, f: (p: Position) => Position): G {
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map((x) => convertCoords(x, f)) };
  return { ...g, coordinates: map((g as Exclude<Geometry, { type: 'GeometryCollection' }>).coordinates as Coords, f) } as G;
}
