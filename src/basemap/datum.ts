/**
 * Datum conversion between GCJ-02 (China's map datum, the one geodata/ uses) and
 * WGS-84 (GPS, most online basemaps): a few hundred metres around Suichang. gcoord's
 * inverse is iterative, good to well under a metre.
 */
import gcoord from 'gcoord';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import type { Datum } from './config';

const CRS = { 'WGS-84': gcoord.WGS84, 'GCJ-02': gcoord.GCJ02 } as const;

export function convertPoint(p: [number, number], from: Datum, to: Datum): [number, number] {
  if (from === to) return p;
  const out = gcoord.transform(p, CRS[from], CRS[to]) as Position;
  return [out[0] as number, out[1] as number];
}

type Coords = Position | Coords[];

function convertCoords(c: Coords, from: Datum, to: Datum): Coords {
  if (typeof c[0] === 'number') return convertPoint(c as [number, number], from, to);
  return (c as Coords[]).map((x) => convertCoords(x, from, to));
}

/** A copy of the geometry in the other datum. */
export function convertGeometry<G extends Geometry>(g: G, from: Datum, to: Datum): G {
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map((x) => convertGeometry(x, from, to)) };
  return { ...g, coordinates: convertCoords((g as Exclude<Geometry, { type: 'GeometryCollection' }>).coordinates as Coords, from, to) };
}

/** A copy of the collection in the other datum (the input is left as it was; properties are shared). */
export function convertCollection<G extends Geometry, P>(fc: FeatureCollection<G, P>, from: Datum, to: Datum): FeatureCollection<G, P> {
  if (from === to) return fc;
  return { ...fc, features: fc.features.map((f) => ({ ...f, geometry: f.geometry && convertGeometry(f.geometry, from, to) })) };
}
