/**
 * Features of the map (GCJ-02, or a layer's WGS-84) as KML in WGS-84 (what 奥维互动地图 and Google Earth read), or KMZ (the KML
 * zipped as doc.kml): each a Placemark with its name, its note as the description, and its other
 * attributes as ExtendedData. Text escaped as XML; coordinates to 7 decimals (about 1 cm).
 */
import type { Feature, Geometry, Position } from 'geojson';
import { gcjToWgs } from './exportCrs';
import { zipStored } from './zipWrite';

/**
 * KML's XML namespace, written into every file (OGC KML 2.2 requires it; GDAL's and Google Earth's own KML carry it).
 * A name, not an address: nothing asks for it — the export e2e checks that no request leaves the machine.
 */
const KML_NS = 'http://www.opengis.net/kml/2.2';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
type Datum = 'GCJ-02' | 'WGS-84';
const coordIn = (from: Datum) => (p: Position) => {
  const [x, y] = from === 'GCJ-02' ? gcjToWgs(p) : [p[0] as number, p[1] as number];
  return `${x.toFixed(7)},${y.toFixed(7)}`;
};

function geometry(g: Geometry | null, coord: (p: Position) => string): string {
  const ring = (r: Position[]) => `<LinearRing><coordinates>${r.map(coord).join(' ')}</coordinates></LinearRing>`;
  if (!g) return '';
  switch (g.type) {
    case 'Point':
      return `<Point><coordinates>${coord(g.coordinates)}</coordinates></Point>`;
    case 'LineString':
      return `<LineString><coordinates>${g.coordinates.map(coord).join(' ')}</coordinates></LineString>`;
    case 'Polygon':
      return `<Polygon><outerBoundaryIs>${ring(g.coordinates[0] ?? [])}</outerBoundaryIs>${g.coordinates
        .slice(1)
        .map((h) => `<innerBoundaryIs>${ring(h)}</innerBoundaryIs>`)
        .join('')}</Polygon>`;
    case 'MultiPoint':
    case 'MultiLineString':
    case 'MultiPolygon': {
      const single = g.type.slice(5) as 'Point' | 'LineString' | 'Polygon';
      return `<MultiGeometry>${(g.coordinates as unknown[]).map((c) => geometry({ type: single, coordinates: c } as Geometry, coord)).join('')}</MultiGeometry>`;
    }
    case 'GeometryCollection':
      return `<MultiGeometry>${g.geometries.map((x) => geometry(x, coord)).join('')}</MultiGeometry>`;
  }
}

/** The placemark's name: the usual name fields of drawings, sites and offices' files. */
const NAME_FIELDS = ['name', 'Name', 'NAME', '名称', 'name_zh', 'MC', 'id'];

/** `from`: the features' datum (the map's GCJ-02, or WGS-84 for a layer kept in it). */
export function toKml(title: string, features: readonly Feature[], from: Datum = 'GCJ-02'): string {
  const coord = coordIn(from);
  const placemarks = features
    .filter((f) => f.geometry)
    .map((f) => {
      const p = (f.properties ?? {}) as Record<string, unknown>;
      const key = NAME_FIELDS.find((k) => p[k] !== undefined && p[k] !== null && p[k] !== '');
      const name = key ? String(p[key]) : '';
      const note = String(p.note ?? p.note_zh ?? '');
      const extra = Object.entries(p)
        .filter(([k, v]) => k !== key && k !== 'note' && v !== null && v !== undefined && typeof v !== 'object')
        .map(([k, v]) => `<Data name="${xml(k)}"><value>${xml(String(v))}</value></Data>`)
        .join('');
      return `<Placemark><name>${xml(name)}</name>${note ? `<description>${xml(note)}</description>` : ''}${extra ? `<ExtendedData>${extra}</ExtendedData>` : ''}${geometry(f.geometry, coord)}</Placemark>`;
    });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="${KML_NS}"><Document><name>${xml(title)}</name>\n${placemarks.join('\n')}\n</Document></kml>\n`;
}

export function toKmz(title: string, features: readonly Feature[], from: Datum = 'GCJ-02'): Uint8Array {
  return zipStored([{ name: 'doc.kml', data: new TextEncoder().encode(toKml(title, features, from)) }]);
}
