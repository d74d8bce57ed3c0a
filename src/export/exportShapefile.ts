/**
 * Features of the map (GCJ-02) as a zipped Shapefile in the chosen system, for the office's GIS: one
 * Shapefile per geometry kind present (name_points, name_lines, name_polygons), each with its .prj (ESRI
 * WKT) and .cpg (the DBF's encoding); a fields.txt when names were cut to the DBF's 10 bytes.
 */
import type { Feature, Geometry, Position } from 'geojson';
import { prjOf, projector } from './exportCrs';
import type { DbfEncoding } from './gbk';
import { type ShapeFeature, type ShapeKind, windForShapefile, writeShapefile } from './shapefile';
import { zipStored } from './zipWrite';

export interface ShapefileExport {
  zip: Uint8Array;
  /** The files in the zip, for the message. */
  files: string[];
  counts: Partial<Record<ShapeKind, number>>;
  /** DBF names that differ from the attribute's. */
  renamed: { from: string; to: string }[];
  unmappable: string[];
  /** Features left out (no geometry, or a kind a Shapefile cannot hold). */
  skipped: number;
}

function shapes(g: Geometry | null, project: (p: Position) => [number, number]): { kind: ShapeKind; parts: Position[][] }[] {
  if (!g) return [];
  const ring = (r: Position[]) => r.map(project);
  switch (g.type) {
    case 'Point':
      return [{ kind: 'point', parts: [[project(g.coordinates)]] }];
    case 'MultiPoint':
      return g.coordinates.map((p) => ({ kind: 'point' as const, parts: [[project(p)]] }));
    case 'LineString':
      return [{ kind: 'line', parts: [ring(g.coordinates)] }];
    case 'MultiLineString':
      return [{ kind: 'line', parts: g.coordinates.map(ring) }];
    case 'Polygon':
      return [{ kind: 'polygon', parts: windForShapefile(g.coordinates.map(ring)) }];
    case 'MultiPolygon':
      return [{ kind: 'polygon', parts: g.coordinates.flatMap((poly) => windForShapefile(poly.map(ring))) }];
    case 'GeometryCollection':
      return g.geometries.flatMap((x) => shapes(x, project));
  }
}

const SUFFIX: Record<ShapeKind, string> = { point: 'points', line: 'lines', polygon: 'polygons' };

/** `from`: the features' datum, the map's GCJ-02 or WGS-84 for a layer kept in it. */
export function exportShapefile(
  base: string,
  features: readonly Feature[],
  epsg: number,
  encoding: DbfEncoding,
  from: 'GCJ-02' | 'WGS-84' = 'GCJ-02',
): ShapefileExport {
  const project = projector(epsg, from);
  const byKind: Record<ShapeKind, ShapeFeature[]> = { point: [], line: [], polygon: [] };
  let skipped = 0;
  for (const f of features) {
    const s = shapes(f.geometry, project);
    if (s.length === 0) skipped++;
    for (const { kind, parts } of s) byKind[kind].push({ parts, properties: { ...(f.properties ?? {}) } });
  }
  const files: { name: string; data: Uint8Array }[] = [];
  const renamed = new Map<string, string>();
  const unmappable = new Set<string>();
  const counts: Partial<Record<ShapeKind, number>> = {};
  const text = new TextEncoder();
  for (const kind of ['point', 'line', 'polygon'] as const) {
    const list = byKind[kind];
    if (list.length === 0) continue;
    counts[kind] = list.length;
    const name = `${base}_${SUFFIX[kind]}`;
    const w = writeShapefile(kind, list, encoding);
    for (const f of w.fields) if (f.name !== f.source) renamed.set(f.source, f.name);
    for (const c of w.unmappable) unmappable.add(c);
    files.push(
      { name: `${name}.shp`, data: w.shp },
      { name: `${name}.shx`, data: w.shx },
      { name: `${name}.dbf`, data: w.dbf },
      { name: `${name}.prj`, data: text.encode(prjOf(epsg)) },
      { name: `${name}.cpg`, data: text.encode(encoding) },
    );
  }
  const renames = [...renamed].map(([from, to]) => ({ from, to }));
  if (renames.length > 0) {
    files.push({
      name: `${base}_fields.txt`,
      data: text.encode(`字段名 · field names (DBF: at most 10 bytes)\r\n${renames.map((r) => `${r.from}\t→\t${r.to}`).join('\r\n')}\r\n`),
    });
  }
  return { zip: zipStored(files), files: files.map((f) => f.name), counts, renamed: renames, unmappable: [...unmappable], skipped };
}
