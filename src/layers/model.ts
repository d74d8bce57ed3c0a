/**
 * One model for every layer a user adds to the map. What all kinds share — a name, the datum it is in,
 * a colour or a style by attribute, opacity, visibility, a label field — is `LayerBase`; what differs
 * is the `kind` and its own fields: where the data comes from, how features are read, how it is kept.
 * Today's kinds: `geojson` (an imported file, its features in memory and in IndexedDB, src/tools),
 * `tiled` (a PMTiles archive read by range requests, src/tiles) and `service` (a map service's tiles,
 * src/services). Plain data, no functions: the store
 * (layersState.ts) holds it, the one map contribution (layersFeature.ts) draws it.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type { Datum } from '../basemap/config';
import type { ServiceDef } from '../services/model';
import type { ServiceProblem } from '../services/problems';
import type { LayerFilter, LayerStyle } from './style';

/** An attribute value as the app keeps it: text, a number, a boolean or nothing (never an object). */
export type Props = Record<string, string | number | boolean | null>;

export interface LayerBase {
  id: string;
  name: string;
  /** A configured layer's name in both languages. */
  names?: { zh: string; en: string };
  /** The datum the layer's coordinates are in. */
  datum: Datum;
  color: string;
  opacity: number;
  visible: boolean;
  /** Coloured by an attribute (categories or graduated numbers) instead of `color`. */
  style?: LayerStyle;
  /** The attribute shown as a label on the map. */
  labelField?: string;
}

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'big5';
/** How the encoding was chosen: shown in the layer's details, so a wrong guess can be corrected. */
export type EncodingBasis = 'bom' | 'declared' | 'detected' | 'fallback' | 'chosen';

/** How a file was read, shown in the layer's details. */
export interface ReadAs {
  encoding?: { name: TextEncodingName; basis: EncodingBasis };
  crs?: { name: string; epsg: number; approximate: boolean; basis: 'file' | 'chosen' };
  sheet?: string;
  /** The layer read from a GeoPackage or geodatabase. */
  layer?: string;
  /** The coordinates were BD-09 and are now GCJ-02. */
  fromBd09?: boolean;
}

/** An imported file: its features, kept in the browser with the layer. */
export interface GeoJsonLayer extends LayerBase {
  kind: 'geojson';
  /** How the file was read (encoding, coordinate system, sheet). */
  readAs?: ReadAs;
  /** The attribute table's filter: the map shows only what passes it. */
  filter?: LayerFilter;
  fc: FeatureCollection<Geometry, Props>;
}

/** Where an archive is read from. A file is kept as its bytes (small) or its handle (Chromium), else not at all. */
export type TiledOrigin =
  | { kind: 'url'; url: string; config?: boolean }
  | { kind: 'file'; fileName: string; size: number; file?: File; handle?: FileSystemFileHandle };

export type GeometryKind = 'Point' | 'LineString' | 'Polygon' | 'mixed';

/** One vector layer inside an archive, as the tiler's metadata (vector_layers, tilestats) describes it. */
export interface VectorLayerInfo {
  id: string;
  geometry: GeometryKind;
  fields: { name: string; type: string; values: (string | number | boolean)[]; min?: number; max?: number }[];
}

export type TiledStatus =
  | { kind: 'ready' }
  /** Kept as a handle: reading it again needs the user's permission (a click). */
  | { kind: 'needs-permission' }
  /** A dropped file that could not be kept: the layer is listed so its loss is said, not silent. */
  | { kind: 'missing' }
  | { kind: 'error'; text: string };

/** How the layer is kept in the browser: saved (bytes or handle), only for this session (and why), or being saved. */
export type KeptState = { kind: 'saving' } | { kind: 'saved'; how: 'bytes' | 'handle' | 'url' } | { kind: 'session'; why: string };

/** A PMTiles archive: vector tiles (data with attributes), or image tiles (an orthophoto, a scanned plan). */
export interface TiledLayer extends LayerBase {
  kind: 'tiled';
  origin: TiledOrigin;
  status: TiledStatus;
  kept: KeptState;
  /** The key the pmtiles protocol knows the archive by (the MapLibre source URL is pmtiles://key). */
  key: string;
  bounds: [number, number, number, number];
  minZoom: number;
  maxZoom: number;
  vectorLayers: VectorLayerInfo[];
  /** Image tiles (PNG, JPEG, WebP): drawn as a picture, with no attributes; `credit` from the archive's metadata (text). */
  raster?: { format: string; tileSize: number; credit?: string };
  /** Image tiles only: over the map with the user's layers (the default), or offered and chosen as the basemap. */
  role?: 'overlay' | 'basemap';
}

/** A map service's tiles (WMTS, WMS, XYZ, ArcGIS, Tianditu: src/services), as an overlay or as the basemap. */
export interface ServiceLayer extends LayerBase {
  kind: 'service';
  service: ServiceDef;
  /** An overlay is drawn with the user's layers; a basemap is offered with the online basemaps, under everything. */
  role: 'overlay' | 'basemap';
  status: { kind: 'ready' } | { kind: 'error'; problem: ServiceProblem };
}

export type UserLayer = GeoJsonLayer | TiledLayer | ServiceLayer;
export type LayerKind = UserLayer['kind'];
export type LayerOfKind<K extends LayerKind> = Extract<UserLayer, { kind: K }>;

/** Whether the layer can be drawn now (a tiled archive may be waiting for its file or a permission). */
export const isDrawable = (l: UserLayer) => l.kind === 'geojson' || (l.status.kind === 'ready' && (l.role ?? 'overlay') === 'overlay');

/** A layer of pictures (a map service, an archive of image tiles): drawn under the vector layers, with opacity only. */
export const isImagery = (l: UserLayer) => l.kind === 'service' || (l.kind === 'tiled' && l.raster !== undefined);

/** The layer's name in the interface's language. */
export const layerName = (l: LayerBase, lang: 'zh' | 'en') => (l.names ? l.names[lang] : l.name);
