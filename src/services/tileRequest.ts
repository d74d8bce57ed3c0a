/**
 * What one map tile of a service needs, pure: a direct request (a Web Mercator tile in the map's datum,
 * or a map drawn for the tile's bounding box — WMS, ArcGIS export — with the datum offset added to the
 * box), or source tiles to resample in the worker (a geographic grid, or Web Mercator tiles in another
 * datum, or beyond the service's zooms).
 */
import type { Datum } from '../basemap/config';
import { convertPoint } from '../basemap/datum';
import { chooseMatrix, fillTemplate, latOfY, lonOfX, mercatorZoom, type ResamplePlan, resamplePlan, TILE, xOfLon, yOfLat } from './grid';
import type { ServiceDef } from './model';
import { withSecret } from './secrets';

export type TileRequest = { kind: 'direct'; url: string } | { kind: 'resample'; plan: ResamplePlan; urls: string[] } | { kind: 'empty' };

/** What to add to a position in the map's datum to get the service's (degrees), taken at the tile's centre. */
export function shiftAt(mapDatum: Datum, serviceDatum: Datum, z: number, x: number, y: number): [number, number] {
  if (mapDatum === serviceDatum) return [0, 0];
  const c: [number, number] = [lonOfX(x + 0.5, z), latOfY(y + 0.5, z)];
  const s = convertPoint(c, mapDatum, serviceDatum);
  return [s[0] - c[0], s[1] - c[1]];
}

const R = 6378137;
const mercX = (lon: number) => (lon * Math.PI * R) / 180;
const mercY = (lat: number) => R * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

export function tileRequest(def: ServiceDef, z: number, x: number, y: number, mapDatum: Datum, token: string | null): TileRequest {
  const shift = shiftAt(mapDatum, def.datum, z, x, y);
  const shifted = shift[0] !== 0 || shift[1] !== 0;
  const secret = (url: string) => withSecret(url, def.secret, token);
  if (/\{bbox-/.test(def.template)) {
    const w = lonOfX(x, z) + shift[0];
    const e = lonOfX(x + 1, z) + shift[0];
    const n = latOfY(y, z) + shift[1];
    const s = latOfY(y + 1, z) + shift[1];
    const url = def.template
      .replaceAll('{bbox-epsg-3857}', [mercX(w), mercY(s), mercX(e), mercY(n)].map((v) => v.toFixed(3)).join(','))
      .replaceAll('{bbox-lonlat}', [w, s, e, n].map((v) => v.toFixed(8)).join(','))
      .replaceAll('{bbox-latlon}', [s, w, n, e].map((v) => v.toFixed(8)).join(','));
    return { kind: 'direct', url: secret(url) };
  }
  if (def.grid.kind === 'webmercator') {
    const ids = def.grid.ids;
    const sz = mercatorZoom(z, def.minzoom, def.maxzoom);
    const at = (tz: number, tx: number, ty: number) => {
      const matrix = ids ? ids[String(tz)] : String(tz);
      return secret(fillTemplate(def.template, { z: tz, x: tx, y: ty, matrix: matrix ?? String(tz), row: ty, col: tx }, def.subdomains));
    };
    if (!shifted && sz === z) return { kind: 'direct', url: at(z, x, y) };
    const plan = resamplePlan(z, x, y, { kind: 'webmercator', z: sz }, shift);
    return plan ? { kind: 'resample', plan, urls: plan.tiles.map((t) => at(sz, t.col, t.row)) } : { kind: 'empty' };
  }
  const m = chooseMatrix(def.grid.matrices, 360 / 2 ** z / TILE);
  const plan = resamplePlan(z, x, y, { kind: 'geographic', m }, shift);
  if (!plan) return { kind: 'empty' };
  return {
    kind: 'resample',
    plan,
    urls: plan.tiles.map((t) => secret(fillTemplate(def.template, { matrix: m.id, row: t.row, col: t.col }, def.subdomains))),
  };
}

/** The tile z/x/y at a point (used to probe a service where the county is). */
export const tileAt = (lon: number, lat: number, z: number): [number, number, number] => [
  z,
  Math.floor(xOfLon(lon, z)),
  Math.floor(yOfLat(lat, z)),
];
