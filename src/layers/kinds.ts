/**
 * What differs per kind of layer when it is drawn: its source (GeoJSON data converted to the map's
 * datum and filtered by the attribute table, or an archive's vector tiles) and its drawable parts.
 * How each kind is read and kept stays with its owner (src/tools/persist.ts, src/tiles/manage.ts).
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type { Datum } from '../basemap/config';
import { convertCollection } from '../basemap/datum';
import { geojsonSpec, type SourceEntry } from '../map/registry';
import { serviceUrl } from '../services/serviceUrl';
import type { DrawPart } from './mapLayers';
import type { GeoJsonLayer, LayerKind, LayerOfKind, Props, ServiceLayer, TiledLayer } from './model';
import { isActive, type LayerFilter, matches } from './style';

export interface KindAdapter<L> {
  /** The MapLibre source id of a layer. */
  sourceId: (l: L) => string;
  source: (l: L, mapDatum: Datum) => SourceEntry;
  parts: (l: L) => DrawPart[];
}

/** Conversions of big imports are done once per layer and datum (re-converting 100k features on an opacity change took seconds). */
const converted = new WeakMap<object, Map<string, FeatureCollection<Geometry>>>();
export function inDatum<F extends FeatureCollection<Geometry>>(fc: F, from: Datum, to: Datum): F {
  if (from === to) return fc;
  const byDatum = converted.get(fc) ?? new Map<string, FeatureCollection<Geometry>>();
  converted.set(fc, byDatum);
  const key = `${from}>${to}`;
  const out = byDatum.get(key) ?? convertCollection(fc, from, to);
  byDatum.set(key, out);
  return out as F;
}

const filteredCache = new WeakMap<FeatureCollection<Geometry>, { key: string; fc: FeatureCollection<Geometry> }>();
/** The features the attribute table's filter lets through (the same collection while the filter is unchanged). */
export function filtered<F extends FeatureCollection<Geometry>>(fc: F, filter: LayerFilter | undefined): F {
  if (!isActive(filter)) return fc;
  const key = JSON.stringify(filter);
  const hit = filteredCache.get(fc);
  if (hit?.key === key) return hit.fc as F;
  const out = { ...fc, features: fc.features.filter((f) => matches(f.properties as Props, filter)) };
  filteredCache.set(fc, { key, fc: out });
  return out;
}

const geojson: KindAdapter<GeoJsonLayer> = {
  sourceId: (l) => `import-${l.id}`,
  source: (l, mapDatum) => ({
    spec: geojsonSpec(),
    data: inDatum(filtered(l.fc, l.filter), l.datum, mapDatum),
  }),
  parts: (l) => [{ idBase: `import-${l.id}`, source: geojson.sourceId(l), geometry: 'mixed' }],
};

/** MapLibre shows a source's attribution as markup: a service's own text is escaped first (text, never HTML). */
const asText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const tiled: KindAdapter<TiledLayer> = {
  sourceId: (l) => (l.raster ? `tiled-image-${l.id}` : `tiled-${l.id}`),
  source: (l, mapDatum) =>
    l.raster
      ? // Image tiles come through the svc protocol (src/services/protocol.ts), which reads them from the archive and
        // shifts them to the map's datum when it is another (src/tiles/imageArchive.ts registers the archive).
        {
          spec: {
            type: 'raster',
            tiles: [serviceUrl(l.id, mapDatum)],
            tileSize: 256,
            minzoom: l.minZoom,
            bounds: l.bounds,
            attribution: asText(l.raster.credit || l.name),
          },
        }
      : // The pmtiles protocol knows the archive by its key (registered by src/tiles/open.ts before the layer is ready).
        { spec: { type: 'vector', url: `pmtiles://${l.key}` } },
  parts: (l) =>
    l.raster
      ? [{ idBase: `tiled-${l.id}`, source: tiled.sourceId(l), geometry: 'raster' }]
      : l.vectorLayers.map((v) => ({
          idBase: `tiled-${l.id}-${v.id}`,
          source: tiled.sourceId(l),
          sourceLayer: v.id,
          geometry: v.geometry,
          dense: true,
        })),
};

const service: KindAdapter<ServiceLayer> = {
  sourceId: (l) => `service-${l.id}`,
  // Tiles come through the svc protocol (src/services/protocol.ts): no address or token in the style.
  source: (l, mapDatum) => ({
    spec: {
      type: 'raster',
      tiles: [serviceUrl(l.id, mapDatum)],
      tileSize: 256,
      ...(l.service.grid.kind === 'webmercator' && !/\{bbox-/.test(l.service.template) ? { minzoom: l.service.minzoom } : {}),
      attribution: asText(l.service.attribution || l.service.title),
    },
  }),
  parts: (l) => [{ idBase: `service-${l.id}`, source: service.sourceId(l), geometry: 'raster' }],
};

export const KINDS: { [K in LayerKind]: KindAdapter<LayerOfKind<K>> } = { geojson, tiled, service };

export const adapterOf = <K extends LayerKind>(l: LayerOfKind<K>) => KINDS[l.kind] as unknown as KindAdapter<LayerOfKind<K>>;
