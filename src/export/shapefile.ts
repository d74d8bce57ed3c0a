/**
 * A Shapefile's .shp, .shx and .dbf written from features already in the chosen system (pure; checked by
 * GDAL in tests/e2e/export.spec.ts). One geometry kind per file (points, lines, polygons); polygons wound
 * as the format wants (outer rings clockwise, holes counter-clockwise); attribute text in GBK or UTF-8;
 * field names cut to the DBF's 10 bytes, collisions numbered, the mapping returned for the user.
 */
import type { Position } from 'geojson';
import { type DbfEncoding, encodeText } from './gbk';

export type ShapeKind = 'point' | 'line' | 'polygon';

/** A feature's geometry as the kind's parts: a point's one position, a line's or a polygon's rings. */
export interface ShapeFeature {
  parts: Position[][];
  properties: Record<string, unknown>;
}

const SHAPE_TYPE: Record<ShapeKind, number> = { point: 1, line: 3, polygon: 5 };

const signedArea = (ring: Position[]) => {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i] as [number, number];
    const [x2, y2] = ring[i + 1] as [number, number];
    s += x1 * y2 - x2 * y1;
  }
  return s / 2;
};

/** Outer rings clockwise, holes counter-clockwise (the Shapefile's rule, the opposite of GeoJSON's). */
export function windForShapefile(rings: Position[][]): Position[][] {
  return rings.map((ring, i) => {
    const clockwise = signedArea(ring) < 0;
    const want = i === 0;
    return clockwise === want ? ring : [...ring].reverse();
  });
}

function bbox(features: readonly ShapeFeature[]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features)
    for (const part of f.parts)
      for (const [x, y] of part as [number, number][]) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
  return [x0, y0, x1, y1];
}

function header(view: DataView, kind: ShapeKind, fileBytes: number, box: [number, number, number, number]) {
  view.setInt32(0, 9994);
  view.setInt32(24, fileBytes / 2);
  view.setInt32(28, 1000, true);
  view.setInt32(32, SHAPE_TYPE[kind], true);
  box.forEach((v, i) => {
    view.setFloat64(36 + i * 8, v, true);
  });
}

function record(kind: ShapeKind, f: ShapeFeature): Uint8Array {
  if (kind === 'point') {
    const v = new DataView(new ArrayBuffer(20));
    const [x, y] = (f.parts[0]?.[0] ?? [0, 0]) as [number, number];
    v.setInt32(0, 1, true);
    v.setFloat64(4, x, true);
    v.setFloat64(12, y, true);
    return new Uint8Array(v.buffer);
  }
  // Polygons arrive wound (exportShapefile.ts winds each polygon of a multipolygon on its own).
  const parts = f.parts;
  const points = parts.flat();
  const v = new DataView(new ArrayBuffer(44 + 4 * parts.length + 16 * points.length));
  v.setInt32(0, SHAPE_TYPE[kind], true);
  bbox([{ parts, properties: {} }]).forEach((n, i) => {
    v.setFloat64(4 + i * 8, n, true);
  });
  v.setInt32(36, parts.length, true);
  v.setInt32(40, points.length, true);
  let start = 0;
  parts.forEach((p, i) => {
    v.setInt32(44 + i * 4, start, true);
    start += p.length;
  });
  const base = 44 + 4 * parts.length;
  points.forEach(([x, y], i) => {
    v.setFloat64(base + i * 16, x as number, true);
    v.setFloat64(base + i * 16 + 8, y as number, true);
  });
  return new Uint8Array(v.buffer);
}

export interface FieldDef {
  /** The attribute's name in the data. */
  source: string;
  /** Its name in the DBF: at most 10 bytes in the chosen encoding, unique. */
  name: string;
  type: 'C' | 'N';
  width: number;
  decimals: number;
}

/** Cuts a name to `max` bytes without splitting a character. */
function cut(name: string, encoding: DbfEncoding, max: number): string {
  let out = '';
  for (const ch of name) {
    if (encodeText(out + ch, encoding).bytes.length > max) break;
    out += ch;
  }
  return out || 'FIELD';
}

/** The DBF fields for the attributes the features have: names cut and made unique, types from the values. */
export function planFields(features: readonly ShapeFeature[], encoding: DbfEncoding): FieldDef[] {
  const names = [...new Set(features.flatMap((f) => Object.keys(f.properties)))];
  const used = new Set<string>();
  return names.map((source) => {
    const values = features.map((f) => f.properties[source]).filter((v) => v !== undefined && v !== null && v !== '');
    const numeric = values.length > 0 && values.every((v) => typeof v === 'number' && Number.isFinite(v));
    let name = cut(source.replace(/\s/g, '_').split('\u0000').join(''), encoding, 10);
    for (let n = 1; used.has(name.toUpperCase()); n++) name = `${cut(name, encoding, 10 - String(n).length - 1)}_${n}`;
    used.add(name.toUpperCase());
    if (numeric) {
      const decimals = Math.min(8, Math.max(0, ...values.map((v) => (String(v).split('.')[1] ?? '').length)));
      return { source, name, type: 'N', width: 19, decimals };
    }
    const width = Math.min(254, Math.max(1, ...values.map((v) => encodeText(String(v), encoding).bytes.length)));
    return { source, name, type: 'C', width, decimals: 0 };
  });
}

function dbf(features: readonly ShapeFeature[], fields: readonly FieldDef[], encoding: DbfEncoding, unmappable: Set<string>): Uint8Array {
  const headerBytes = 32 + 32 * fields.length + 1;
  const recordBytes = 1 + fields.reduce((n, f) => n + f.width, 0);
  const out = new Uint8Array(headerBytes + recordBytes * features.length + 1);
  const v = new DataView(out.buffer);
  const now = new Date();
  v.setUint8(0, 3);
  v.setUint8(1, now.getFullYear() - 1900);
  v.setUint8(2, now.getMonth() + 1);
  v.setUint8(3, now.getDate());
  v.setUint32(4, features.length, true);
  v.setUint16(8, headerBytes, true);
  v.setUint16(10, recordBytes, true);
  // Language driver: 0x4D is GBK (936) for ArcGIS; the .cpg says it too.
  v.setUint8(29, encoding === 'GBK' ? 0x4d : 0x00);
  fields.forEach((f, i) => {
    const at = 32 + 32 * i;
    out.set(encodeText(f.name, encoding).bytes.slice(0, 10), at);
    v.setUint8(at + 11, f.type.charCodeAt(0));
    v.setUint8(at + 16, f.width);
    v.setUint8(at + 17, f.decimals);
  });
  v.setUint8(headerBytes - 1, 0x0d);
  features.forEach((feature, r) => {
    let at = headerBytes + r * recordBytes;
    out[at++] = 0x20;
    for (const f of fields) {
      const value = feature.properties[f.source];
      const cell = new Uint8Array(f.width).fill(0x20);
      if (value !== undefined && value !== null && value !== '') {
        if (f.type === 'N') {
          const text = (value as number).toFixed(f.decimals);
          cell.set(new TextEncoder().encode(text.slice(0, f.width)), Math.max(0, f.width - text.length));
        } else {
          const enc = encodeText(String(value), encoding);
          for (const ch of enc.unmappable) unmappable.add(ch);
          // Cut at the width without splitting a character.
          let bytes = enc.bytes;
          if (bytes.length > f.width) bytes = encodeText(cut(String(value), encoding, f.width), encoding).bytes;
          cell.set(bytes);
        }
      }
      out.set(cell, at);
      at += f.width;
    }
  });
  out[out.length - 1] = 0x1a;
  return out;
}

export interface WrittenShapefile {
  shp: Uint8Array;
  shx: Uint8Array;
  dbf: Uint8Array;
  fields: FieldDef[];
  /** Characters the encoding cannot hold, written as "?". */
  unmappable: string[];
}

export function writeShapefile(kind: ShapeKind, features: readonly ShapeFeature[], encoding: DbfEncoding): WrittenShapefile {
  const records = features.map((f) => record(kind, f));
  const box = bbox(features);
  const shpBytes = 100 + records.reduce((n, r) => n + 8 + r.length, 0);
  const shp = new Uint8Array(shpBytes);
  const shx = new Uint8Array(100 + 8 * records.length);
  const sv = new DataView(shp.buffer);
  const xv = new DataView(shx.buffer);
  header(sv, kind, shpBytes, box);
  header(xv, kind, shx.length, box);
  let at = 100;
  records.forEach((r, i) => {
    sv.setInt32(at, i + 1);
    sv.setInt32(at + 4, r.length / 2);
    shp.set(r, at + 8);
    xv.setInt32(100 + i * 8, at / 2);
    xv.setInt32(104 + i * 8, r.length / 2);
    at += 8 + r.length;
  });
  const fields = planFields(features, encoding);
  const unmappable = new Set<string>();
  const table = dbf(features, fields, encoding, unmappable);
  return { shp, shx, dbf: table, fields, unmappable: [...unmappable] };
}
