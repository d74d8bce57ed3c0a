/**
 * Area by land class: how much of a red line each class of a parcel layer takes, in m², 公顷 and 亩. Pure
 * and worker-safe (landClass.worker.ts runs it off the page; unit tests under Node).
 *
 * Areas are ellipsoidal as the 三调 reckons them: the red line and the parcels are projected to a Lambert
 * azimuthal equal-area projection on the GRS80 ellipsoid centred on the red line (equal-area: a plane area
 * there is the area on the ellipsoid), clipped there (polyclip-ts, through turf's intersect) and measured
 * by the shoelace formula. Parcels are first picked by bounding box (one pass; a single red line gains
 * nothing from an index). A parcel whose ring crosses itself is skipped and counted — clipping it would
 * give a wrong area, and a wrong total is worse than a told gap.
 */
import { featureCollection, intersect, kinks, polygon as turfPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import proj4 from 'proj4';

export const M2_PER_MU = 10_000 / 15;
export const M2_PER_HA = 10_000;

export interface LandClassRow {
  /** The class as the field gives it ('' when empty). */
  value: string;
  m2: number;
  /** Of the red line's area. */
  share: number;
  /** Parcels (pieces) of this class inside the red line. */
  parcels: number;
}

export interface LandClassResult {
  rows: LandClassRow[];
  /** The red line's own area. */
  areaM2: number;
  /** Sum of the rows: less than the red line's area where no parcel covers it. */
  classedM2: number;
  /** Parcels skipped, by feature index, and why. */
  skipped: { index: number; reason: 'self-intersection' | 'clip-failed' }[];
  /** Features of the layer that are not polygons (ignored). */
  notPolygons: number;
  /** The pieces inside the red line (in the layer's longitude/latitude), with their class and area. */
  pieces: Feature<Polygon | MultiPolygon, Record<string, string | number>>[];
}

type Rings = Position[][];

/** Shoelace area of a polygon's rings (outer minus holes), in the plane's units squared. */
function ringsArea(rings: Rings): number {
  let total = 0;
  rings.forEach((ring, i) => {
    let s = 0;
    for (let k = 0; k + 1 < ring.length; k++) {
      const a = ring[k] as Position;
      const b = ring[k + 1] as Position;
      s += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
    }
    total += (i === 0 ? 1 : -1) * Math.abs(s / 2);
  });
  return total;
}

function polygonsOf(g: Polygon | MultiPolygon): Rings[] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

const areaOf = (g: Polygon | MultiPolygon) => polygonsOf(g).reduce((s, p) => s + ringsArea(p), 0);

function bboxOf(polys: readonly Rings[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of polys)
    for (const pos of p[0] ?? []) {
      const [x, y] = pos as [number, number];
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  return b;
}

const overlaps = (a: readonly number[], b: readonly number[]) =>
  (a[0] as number) <= (b[2] as number) &&
  (b[0] as number) <= (a[2] as number) &&
  (a[1] as number) <= (b[3] as number) &&
  (b[1] as number) <= (a[3] as number);

const mapRings = (polys: readonly Rings[], f: (p: Position) => Position): Rings[] => polys.map((rings) => rings.map((r) => r.map(f)));

const asGeometry = (polys: Rings[]): Polygon | MultiPolygon =>
  polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] as Rings } : { type: 'MultiPolygon', coordinates: polys };

/** A ring that crosses itself (turf's kinks on each ring). */
function selfIntersects(polys: readonly Rings[]): boolean {
  return polys.some((rings) => rings.some((ring) => ring.length >= 4 && kinks(turfPolygon([ring])).features.length > 0));
}

export interface LandClassInput {
  /** The red line, in the same longitude/latitude datum as the parcels. */
  target: Polygon | MultiPolygon;
  parcels: readonly Feature[];
  field: string;
  /** Called every few hundred parcels (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

export function landClassTable({ target, parcels, field, onProgress }: LandClassInput): LandClassResult {
  const targetPolys = polygonsOf(target);
  const [w, s, e, n] = bboxOf(targetPolys);
  // proj4js needs +x_0/+y_0 spelled out for laea (without them every position is NaN).
  const laea = proj4('WGS84', `+proj=laea +lat_0=${(s + n) / 2} +lon_0=${(w + e) / 2} +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs`);
  const fwd = (p: Position) => laea.forward([p[0] as number, p[1] as number]) as Position;
  const inv = (p: Position) => laea.inverse([p[0] as number, p[1] as number]) as Position;
  const targetM = asGeometry(mapRings(targetPolys, fwd));
  const areaM2 = areaOf(targetM);
  const targetFeature = { type: 'Feature' as const, properties: {}, geometry: targetM };
  const targetBox = [w, s, e, n];

  const byClass = new Map<string, { m2: number; parcels: number }>();
  const skipped: LandClassResult['skipped'] = [];
  const pieces: LandClassResult['pieces'] = [];
  let notPolygons = 0;
  parcels.forEach((f, index) => {
    if (onProgress && index % 500 === 0) onProgress(index, parcels.length);
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      notPolygons++;
      return;
    }
    const polys = polygonsOf(g);
    if (!overlaps(bboxOf(polys), targetBox)) return;
    if (selfIntersects(polys)) {
      skipped.push({ index, reason: 'self-intersection' });
      return;
    }
    let piece: Feature<Polygon | MultiPolygon> | null;
    try {
      piece = intersect(
        featureCollection([{ type: 'Feature', properties: {}, geometry: asGeometry(mapRings(polys, fwd)) }, targetFeature]),
      );
    } catch {
      skipped.push({ index, reason: 'clip-failed' });
      return;
    }
    if (!piece) return;
    const m2 = areaOf(piece.geometry);
    if (m2 <= 0) return;
    const raw = f.properties?.[field];
    const value = raw === null || raw === undefined ? '' : String(raw);
    const c = byClass.get(value) ?? { m2: 0, parcels: 0 };
    c.m2 += m2;
    c.parcels += 1;
    byClass.set(value, c);
    pieces.push({
      type: 'Feature',
      properties: { [field]: value, m2: Math.round(m2 * 100) / 100, mu: Math.round((m2 / M2_PER_MU) * 1000) / 1000 },
      geometry: asGeometry(mapRings(polygonsOf(piece.geometry), inv)),
    });
  });
  onProgress?.(parcels.length, parcels.length);
  const rows = [...byClass]
    .map(([value, c]) => ({ value, m2: c.m2, share: areaM2 > 0 ? c.m2 / areaM2 : 0, parcels: c.parcels }))
    .sort((a, b) => b.m2 - a.m2 || a.value.localeCompare(b.value, 'zh-CN'));
  return { rows, areaM2, classedM2: rows.reduce((t, r) => t + r.m2, 0), skipped, notPolygons, pieces };
}

/** The field to offer first: the 三调's land-class name, then its code, then the first text field. */
export function suggestClassField(fields: readonly { name: string; numeric: boolean }[]): string | undefined {
  for (const name of ['DLMC', 'DLBM', 'dlmc', 'dlbm', '地类名称', '地类编码']) if (fields.some((f) => f.name === name)) return name;
  return fields.find((f) => !f.numeric)?.name;
}
