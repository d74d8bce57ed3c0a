/**
 * A map service the office already runs, as the app keeps it: where its tiles come from (a URL template
 * in a Web Mercator or a geographic grid), its datum, its source and attribution, and what it was read
 * from (for the layer's details). Plain data, kept in IndexedDB with the planner's work and safe to
 * share: a token is never part of it — a service that needs one names which (`secret`), and the token
 * is added only when a tile is fetched (secrets.ts).
 */
import type { Datum } from '../basemap/config';

export type ServiceType = 'xyz' | 'wmts' | 'wms' | 'arcgis' | 'tianditu';

/** One zoom level of a geographic tile grid (EPSG:4490 / EPSG:4326), in degrees. */
export interface GeoMatrix {
  id: string;
  /** Degrees per pixel. */
  res: number;
  /** The grid's top-left corner: longitude, latitude. */
  left: number;
  top: number;
  tileWidth: number;
  tileHeight: number;
  matrixWidth: number;
  matrixHeight: number;
}

/** A Web Mercator grid's matrix identifiers by zoom, when they are not the zoom itself. */
export type TileGrid = { kind: 'webmercator'; ids?: Record<string, string> } | { kind: 'geographic'; crs: string; matrices: GeoMatrix[] };

export interface ServiceDef {
  type: ServiceType;
  /** The title shown, from the capabilities or given by the planner (text, never markup). */
  title: string;
  /**
   * Where a tile comes from: `{z}/{x}/{y}` (`{-y}` for TMS) in a Web Mercator grid, `{bbox-epsg-3857}`
   * for a map drawn per request (WMS, ArcGIS export), or `{TileMatrix}/{TileRow}/{TileCol}` in a
   * geographic grid. `{s}` takes one of `subdomains`.
   */
  template: string;
  subdomains?: string[];
  grid: TileGrid;
  tileSize: number;
  minzoom: number;
  maxzoom: number;
  /** The coordinates the service is in: CGCS2000 is WGS-84 at this scale; most Chinese web maps are GCJ-02. */
  datum: Datum;
  /** Shown on screen, in the PNG and in the print. */
  attribution: string;
  /** The token the service needs, added at fetch time and never stored with the service. */
  secret?: 'tianditu';
  /** What the service was read from, for the details: the URL as given (no token), layer, style, tile matrix set, format, version. */
  from: { url: string; layer?: string; style?: string; matrixSet?: string; format?: string; version?: string };
  abstract?: string;
  /** A date the capabilities give (the data's vintage), as written there. */
  vintage?: string;
  /** The operations are called at the address the capabilities were read from, not the one they advertise (a proxy). */
  rebased?: boolean;
}
