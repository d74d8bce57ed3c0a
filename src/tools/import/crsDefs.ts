/**
 * The coordinate systems of Chinese planning data, as definitions only (no proj4 here, so the import
 * panel can list them without loading the projection code): CGCS2000 (EPSG:4490) and its Gauss-Kruger
 * systems (4491–4554: 6- and 3-degree zones, with and without the zone number in front of the
 * easting); Xian 1980 and Beijing 1954 Gauss-Kruger; WGS-84 UTM 49N–51N.
 */
export type CrsFamily = 'cgcs2000' | 'xian1980' | 'beijing1954' | 'wgs84';

export interface CrsDef {
  epsg: number;
  name: string;
  family: CrsFamily;
  proj4: string;
  /** Geographic (degrees) rather than projected (metres). */
  geographic: boolean;
}

export const ELLIPSOID: Record<CrsFamily, string> = {
  cgcs2000: '+ellps=GRS80',
  wgs84: '+datum=WGS84',
  // IAG 1975 (GDAL calls it IAU76) and Krassowsky 1940, with no datum shift: latitude and longitude
  // kept as they are, as GDAL does where no transformation is known (its "ballpark").
  xian1980: '+a=6378140 +rf=298.257',
  beijing1954: '+ellps=krass',
};
const FAMILY_NAME: Record<CrsFamily, string> = {
  cgcs2000: 'CGCS2000',
  xian1980: 'Xian 1980',
  beijing1954: 'Beijing 1954',
  wgs84: 'WGS 84',
};

const tmerc = (family: CrsFamily, lon0: number, x0: number) =>
  `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=${x0} +y_0=0 ${ELLIPSOID[family]} +units=m +no_defs`;

/** The Gauss-Kruger ranges of each family: [first EPSG code, zone or meridian of the first, count, degrees, prefixed]. */
const GK_RANGES: Record<Exclude<CrsFamily, 'wgs84'>, [number, number, number, 3 | 6, boolean][]> = {
  cgcs2000: [
    [4491, 13, 11, 6, true],
    [4502, 75, 11, 6, false],
    [4513, 25, 21, 3, true],
    [4534, 75, 21, 3, false],
  ],
  xian1980: [
    [2327, 13, 11, 6, true],
    [2338, 75, 11, 6, false],
    [2349, 25, 21, 3, true],
    [2370, 75, 21, 3, false],
  ],
  beijing1954: [
    [21413, 13, 11, 6, true],
    [21473, 75, 11, 6, false],
    [2401, 25, 21, 3, true],
    [2422, 75, 21, 3, false],
  ],
};

/** Every Gauss-Kruger code of the Chinese families above. */
export const GK_EPSG: readonly number[] = Object.values(GK_RANGES).flatMap((ranges) =>
  ranges.flatMap(([first, , count]) => Array.from({ length: count }, (_, i) => first + i)),
);

function gk(epsg: number): CrsDef | null {
  for (const [family, ranges] of Object.entries(GK_RANGES) as [Exclude<CrsFamily, 'wgs84'>, (typeof GK_RANGES)['cgcs2000']][]) {
    for (const [first, start, count, degrees, prefixed] of ranges) {
      const i = epsg - first;
      if (i < 0 || i >= count) continue;
      const step = prefixed ? 1 : degrees;
      const zoneOrCm = start + i * step;
      const lon0 = prefixed ? (degrees === 6 ? zoneOrCm * 6 - 3 : zoneOrCm * 3) : zoneOrCm;
      const x0 = prefixed ? zoneOrCm * 1_000_000 + 500_000 : 500_000;
      const name = `${FAMILY_NAME[family]} / ${degrees}-degree Gauss-Kruger ${prefixed ? `zone ${zoneOrCm}` : `CM ${lon0}E`}`;
      return { epsg, name, family, proj4: tmerc(family, lon0, x0), geographic: false };
    }
  }
  return null;
}

/** The definition of an EPSG code this importer knows, or null. */
export function crsByEpsg(epsg: number): CrsDef | null {
  if (epsg === 4326 || epsg === 4490)
    return {
      epsg,
      name: epsg === 4490 ? 'CGCS2000' : 'WGS 84',
      family: epsg === 4490 ? 'cgcs2000' : 'wgs84',
      proj4: '+proj=longlat +datum=WGS84 +no_defs',
      geographic: true,
    };
  if (epsg === 4610 || epsg === 4214)
    return {
      epsg,
      name: epsg === 4610 ? 'Xian 1980' : 'Beijing 1954',
      family: epsg === 4610 ? 'xian1980' : 'beijing1954',
      proj4: `+proj=longlat ${ELLIPSOID[epsg === 4610 ? 'xian1980' : 'beijing1954']} +no_defs`,
      geographic: true,
    };
  if (epsg >= 32649 && epsg <= 32651) {
    const zone = epsg - 32600;
    return {
      epsg,
      name: `WGS 84 / UTM zone ${zone}N`,
      family: 'wgs84',
      proj4: `+proj=utm +zone=${zone} +datum=WGS84 +units=m +no_defs`,
      geographic: false,
    };
  }
  return gk(epsg);
}

/** The systems offered in the importer's list (Zhejiang lies at 118–123° E: 3-degree CM 117E–123E, zones 39–41). */
export const OFFERED_EPSG: readonly number[] = [
  4490, 4548, 4549, 4550, 4527, 4528, 4529, 4509, 4510, 4498, 4499, 2384, 2385, 2436, 2437, 32650, 32651,
];
