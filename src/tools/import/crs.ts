/**
 * Coordinate systems of Chinese planning data, and reprojection to longitude/latitude with proj4.
 * CGCS2000 (EPSG:4490) and its Gauss-Kruger systems (4491–4554: 6- and 3-degree zones, with and
 * without the zone number in front of the easting); Xian 1980 and Beijing 1954 Gauss-Kruger; WGS-84
 * UTM 50N and 51N. CGCS2000 is taken as WGS-84: they differ by centimetres, far below this map's
 * precision. Xian 1980 and Beijing 1954 are converted without datum-shift parameters (none are
 * published for general use), which can leave them off by tens of metres: the layer says so.
 */
import proj4 from 'proj4';
import { type CrsDef, type CrsFamily, crsByEpsg, ELLIPSOID, GK_EPSG, OFFERED_EPSG } from './crsDefs';

export { type CrsDef, type CrsFamily, crsByEpsg, OFFERED_EPSG };

export type CrsProblem = { kind: 'unknown'; name: string } | { kind: 'unparseable'; detail: string };

export type ResolvedCrs = { ok: true; def: CrsDef } | { ok: false; problem: CrsProblem };

const num = (wkt: string, param: string) => {
  const m = new RegExp(`PARAMETER\\s*\\[\\s*"${param}"\\s*,\\s*(-?[\\d.eE+-]+)`, 'i').exec(wkt);
  return m ? Number(m[1]) : null;
};

/** The family of a WKT by the names of its datum and ellipsoid. */
function familyOfWkt(wkt: string): CrsFamily | null {
  if (/CGCS|China[_ ]Geodetic|China[_ ]2000/i.test(wkt)) return 'cgcs2000';
  if (/Xian[_ ]?1980|IAG[_ ]?1975|IAU[_ ]?1976|6378140/i.test(wkt)) return 'xian1980';
  if (/Beijing[_ ]?1954|Krasovsk|Krassowsk|6378245/i.test(wkt)) return 'beijing1954';
  if (/WGS[_ ]?(19)?84|6378137[.0]*\s*,\s*298\.257223563/i.test(wkt)) return 'wgs84';
  return null;
}

/**
 * A .prj (Esri or OGC WKT): an EPSG authority where one is given; a Gauss-Kruger or transverse
 * Mercator built from its parameters for the Chinese datums (proj4 reads several of these wrongly or
 * not at all); anything else as proj4 reads it. Never throws.
 */
export function crsFromWkt(wkt: string): ResolvedCrs {
  const text = wkt.trim();
  const name = /^\s*(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS)\s*\[\s*"([^"]*)"/i.exec(text)?.[1] ?? text.slice(0, 60);
  const authority = /AUTHORITY\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]\s*\]\s*$/i.exec(text)?.[1];
  if (authority && crsByEpsg(Number(authority))) return { ok: true, def: crsByEpsg(Number(authority)) as CrsDef };
  const family = familyOfWkt(text);
  const projected = /^\s*(PROJCS|PROJCRS)/i.test(text);
  if (!projected && family) {
    const epsg = { cgcs2000: 4490, wgs84: 4326, xian1980: 4610, beijing1954: 4214 }[family];
    return { ok: true, def: crsByEpsg(epsg) as CrsDef };
  }
  if (projected && family && /Gauss|Transverse_Mercator|"Transverse Mercator"/i.test(text)) {
    const lon0 = num(text, 'Central_Meridian') ?? num(text, 'Longitude of natural origin');
    const x0 = num(text, 'False_Easting') ?? num(text, 'False easting') ?? 500_000;
    const y0 = num(text, 'False_Northing') ?? num(text, 'False northing') ?? 0;
    const k = num(text, 'Scale_Factor') ?? num(text, 'Scale factor at natural origin') ?? 1;
    const lat0 = num(text, 'Latitude_Of_Origin') ?? 0;
    if (lon0 !== null) {
      const def = `+proj=tmerc +lat_0=${lat0} +lon_0=${lon0} +k=${k} +x_0=${x0} +y_0=${y0} ${ELLIPSOID[family]} +units=m +no_defs`;
      // The EPSG system with these very parameters, by its name (CGCS2000 / 3-degree Gauss-Kruger CM 120E).
      const known = GK_EPSG.find((c) => crsByEpsg(c)?.proj4 === def);
      return { ok: true, def: known ? (crsByEpsg(known) as CrsDef) : { epsg: 0, name, family, proj4: def, geographic: false } };
    }
  }
  try {
    const converter = proj4(text, 'WGS84');
    const probe = converter.forward([500_000, 3_000_000]);
    if (!probe.every(Number.isFinite)) throw new Error('it does not convert a test point');
    return { ok: true, def: { epsg: 0, name, family: family ?? 'wgs84', proj4: text, geographic: /^\s*GEOG/i.test(text) } };
  } catch (error) {
    return {
      ok: false,
      problem: family ? { kind: 'unparseable', detail: `${name}: ${(error as Error)?.message ?? error}` } : { kind: 'unknown', name },
    };
  }
}

/** A GeoJSON `crs` member: {"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}} or "EPSG:4549". */
export function crsFromGeoJson(crs: unknown): ResolvedCrs | null {
  const name = (crs as { properties?: { name?: unknown } } | null)?.properties?.name;
  if (typeof name !== 'string') return null;
  if (/CRS84$/i.test(name)) return null;
  const code = /EPSG:{1,2}(?:[\d.]*:)?(\d+)$/i.exec(name)?.[1];
  if (!code) return { ok: false, problem: { kind: 'unknown', name } };
  const def = crsByEpsg(Number(code));
  return def ? { ok: true, def } : { ok: false, problem: { kind: 'unknown', name: `EPSG:${code}` } };
}

/** Whether coordinates are plainly not degrees (hundreds of thousands or millions). */
export const looksProjected = ([x, y]: readonly number[]) => Math.abs(x as number) > 360 || Math.abs(y as number) > 180;

const CHINA = { west: 73, south: 17, east: 136, north: 54 };
const ZHEJIANG = { west: 118, south: 27, east: 123.3, north: 31.3 };
const inBox = (b: typeof CHINA, [lon, lat]: number[]) =>
  (lon as number) >= b.west && (lon as number) <= b.east && (lat as number) >= b.south && (lat as number) <= b.north;

/**
 * Systems that could have produced projected coordinates that came with no CRS: a leading zone
 * number ("40 5xx xxx") names the zone; an easting around 500,000 m leaves the meridian open, so the
 * meridians and UTM zones that put the points in Zhejiang come first, then those that put them in China.
 */
export function guessCrs(sample: readonly (readonly number[])[]): number[] {
  const [x] = sample[0] ?? [0];
  const prefix = Math.floor(Math.abs(x as number) / 1_000_000);
  const candidates =
    prefix >= 13
      ? [4491 + prefix - 13, 4513 + prefix - 25, 2349 + prefix - 25, 2401 + prefix - 25].filter((c) =>
          crsByEpsg(c)?.proj4.includes(`+x_0=${prefix * 1_000_000 + 500_000}`),
        )
      : [
          ...OFFERED_EPSG.filter((c) => crsByEpsg(c)?.proj4.includes('+x_0=500000')),
          ...[4534, 4535, 4536, 4537, 4538, 4539, 4540, 4541, 4542, 4543, 4544, 4545, 4546, 4547, 4551, 4552, 4553, 4554],
        ];
  const score = (epsg: number) => {
    const def = crsByEpsg(epsg) as CrsDef;
    const lonlat = sample.slice(0, 20).map((p) => toLonLat(def, p));
    if (lonlat.every((p) => inBox(ZHEJIANG, p))) return 2;
    if (lonlat.every((p) => inBox(CHINA, p))) return 1;
    return 0;
  };
  const scored = [...new Set(candidates)].map((c) => ({ c, s: score(c) })).filter((x) => x.s > 0);
  return scored
    .sort((a, b) => b.s - a.s)
    .map((x) => x.c)
    .slice(0, 8);
}

const converters = new Map<string, proj4.Converter>();
/** One position to WGS-84 longitude and latitude (CGCS2000 taken as WGS-84). */
export function toLonLat(def: CrsDef, p: readonly number[]): number[] {
  let c = converters.get(def.proj4);
  if (!c) {
    c = proj4(def.proj4, 'WGS84');
    converters.set(def.proj4, c);
  }
  const [x, y, ...rest] = p as number[];
  const out = c.forward([x as number, y as number]);
  return [out[0] as number, out[1] as number, ...rest];
}
