/**
 * The coordinate systems an export offers, their .prj text (the ESRI WKT ArcGIS and SuperMap write, which
 * GDAL recognises), and the step from the map's GCJ-02 to WGS-84 / CGCS2000: the inverse of GCJ-02's
 * offset, iterated until it reproduces the input to under a millimetre (measured: exportCrs.test).
 */
import gcoord from 'gcoord';
import type { Position } from 'geojson';
import proj4 from 'proj4';
import { crsByEpsg } from '../tools/import/crsDefs';

export interface ExportCrs {
  epsg: number;
  /** As offered in the export dialog. */
  label: { zh: string; en: string };
}

/** The 3-degree Gauss-Kruger zone of a longitude (Suichang, 119.1–119.5°E: zone 40, 120°E). */
export const zone3 = (lon: number) => Math.round(lon / 3);
/** The 6-degree zone (Suichang: zone 20, 117°E). */
export const zone6 = (lon: number) => Math.floor(lon / 6) + 1;

/** The systems for data around `lon`: the data's own 3-degree zone first, as an office's projects mostly use. */
export function exportCrsFor(lon: number): ExportCrs[] {
  const z3 = zone3(lon);
  const z6 = zone6(lon);
  const cm3 = z3 * 3;
  const cm6 = z6 * 6 - 3;
  return [
    {
      epsg: 4534 + (cm3 - 75) / 3,
      label: {
        zh: `CGCS2000 3度带高斯-克吕格 中央经线${cm3}°E（不带带号）`,
        en: `CGCS2000 3-degree Gauss-Kruger, CM ${cm3}°E (no zone prefix)`,
      },
    },
    {
      epsg: 4513 + (z3 - 25),
      label: { zh: `CGCS2000 3度带高斯-克吕格 第${z3}带（带号在前）`, en: `CGCS2000 3-degree Gauss-Kruger, zone ${z3} (zone prefix)` },
    },
    {
      epsg: 4502 + (cm6 - 75) / 6,
      label: { zh: `CGCS2000 6度带高斯-克吕格 中央经线${cm6}°E`, en: `CGCS2000 6-degree Gauss-Kruger, CM ${cm6}°E` },
    },
    { epsg: 4490, label: { zh: 'CGCS2000 地理坐标（经纬度）', en: 'CGCS2000 geographic (degrees)' } },
    { epsg: 4326, label: { zh: 'WGS-84 地理坐标（经纬度）', en: 'WGS-84 geographic (degrees)' } },
  ];
}

const GCS_CGCS2000 =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const GCS_WGS84 =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** The .prj of a system the export offers (ESRI WKT, as ArcGIS writes it). */
export function prjOf(epsg: number): string {
  if (epsg === 4326) return GCS_WGS84;
  if (epsg === 4490) return GCS_CGCS2000;
  const def = crsByEpsg(epsg);
  if (def?.family !== 'cgcs2000' || def.geographic) throw new Error(`EPSG:${epsg} is not a CGCS2000 Gauss-Kruger system the export writes`);
  const lon0 = Number(/\+lon_0=([\d.]+)/.exec(def.proj4)?.[1]);
  const x0 = Number(/\+x_0=([\d.]+)/.exec(def.proj4)?.[1]);
  const prefixed = x0 > 500000;
  const three = epsg >= 4513 && epsg <= 4554;
  const zone = prefixed ? (x0 - 500000) / 1e6 : 0;
  const name = `CGCS2000_${three ? '3_Degree_' : ''}GK_${prefixed ? `Zone_${zone}` : `CM_${lon0}E`}`;
  return `PROJCS["${name}",${GCS_CGCS2000},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${x0.toFixed(1)}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${lon0.toFixed(1)}],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
}

/** GCJ-02 to WGS-84: gcoord's forward offset inverted by fixed-point iteration to under 1e-9° (0.1 mm). */
export function gcjToWgs([lon, lat]: Position): [number, number] {
  let x = lon as number;
  let y = lat as number;
  for (let i = 0; i < 30; i++) {
    const [fx, fy] = gcoord.transform([x, y], gcoord.WGS84, gcoord.GCJ02) as [number, number];
    const dx = fx - (lon as number);
    const dy = fy - (lat as number);
    x -= dx;
    y -= dy;
    if (Math.abs(dx) < 1e-9 && Math.abs(dy) < 1e-9) break;
  }
  return [x, y];
}

/**
 * A position of the map's GCJ-02 (or of a layer kept in WGS-84) in the chosen system. CGCS2000 and WGS-84 are taken as the same here (they differ by
 * centimetres, under what any site on this map claims).
 */
export function projector(epsg: number, from: 'GCJ-02' | 'WGS-84' = 'GCJ-02'): (p: Position) => [number, number] {
  const wgs = from === 'GCJ-02' ? gcjToWgs : (p: Position) => [p[0], p[1]] as [number, number];
  if (epsg === 4326 || epsg === 4490) return wgs;
  const def = crsByEpsg(epsg);
  if (!def) throw new Error(`EPSG:${epsg} is not known`);
  const to = proj4('WGS84', def.proj4);
  return (p) => to.forward(wgs(p)) as [number, number];
}
