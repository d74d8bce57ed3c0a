/** What the page and GDAL's worker say to each other. */
import type { GdalKind, ParseOptions, ParseResult } from '../tools/import/parse';

export type GdalRequest =
  | { id: number; op: 'read'; kind: GdalKind; fileName: string; bytes: ArrayBuffer; options: ParseOptions & { layer?: string } }
  /** `fcJson`: a FeatureCollection in WGS-84 longitude/latitude; written projected to `epsg`. */
  | { id: number; op: 'gpkg'; layerName: string; fcJson: string; epsg: number };

/** A read layer's features as GeoJSON text (parsed on the page), as the import worker sends them. */
export type ReadReply = ParseResult | (Omit<Extract<ParseResult, { ok: true }>, 'fc'> & { fcJson: string });

export type GdalReply = { id: number; ok: true; result: ReadReply | Uint8Array } | { id: number; ok: false; error: string };
