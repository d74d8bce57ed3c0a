/**
 * Tiled layers as a map feature (src/map/registry.ts): a vector source per archive (pmtiles://key, the
 * protocol registered by open.ts before a layer is ready), a fill, line or circle layer per vector
 * layer in the imports slot, and a click that shows the attributes of the feature on top. Light: the
 * pmtiles library is not imported here, only when an archive is opened.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { useMemo } from 'react';
import { PALETTE } from '../map/palette';
import type { Contribution, MapFeature, SourceEntry } from '../map/registry';
import { colorExpression } from '../tools/layerStyle';
import { type TiledLayer, useTiles, type VectorLayerInfo } from './tilesState';

export const tiledSource = (id: string) => `tiled-${id}`;
const LAYER_PREFIX = 'tiled-';
const isType = (...types: string[]): ExpressionSpecification => ['in', ['geometry-type'], ['literal', types]];

/** The MapLibre layers of one tiled layer: for each vector layer, what its geometry needs. */
export function tiledLayers(l: TiledLayer): LayerSpecification[] {
  const source = tiledSource(l.id);
  const visibility = l.visible ? 'visible' : 'none';
  const color = l.style ? colorExpression(l.style) : l.color;
  return l.vectorLayers.flatMap((v: VectorLayerInfo) => {
    const base = { source, 'source-layer': v.id, layout: { visibility } } as const;
    const id = (kind: string) => `${LAYER_PREFIX}${l.id}-${v.id}-${kind}`;
    const out: LayerSpecification[] = [];
    const polygons = v.geometry === 'Polygon' || v.geometry === 'mixed';
    if (polygons)
      out.push({
        ...base,
        id: id('fill'),
        type: 'fill',
        filter: isType('Polygon', 'MultiPolygon'),
        paint: { 'fill-color': color, 'fill-opacity': 0.35 * l.opacity },
      });
    if (polygons || v.geometry === 'LineString')
      out.push({
        ...base,
        id: id('line'),
        type: 'line',
        filter: isType('LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'),
        paint: { 'line-color': color, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.5, 15, 1.5], 'line-opacity': l.opacity },
      });
    if (v.geometry === 'Point' || v.geometry === 'mixed')
      out.push({
        ...base,
        id: id('point'),
        type: 'circle',
        filter: isType('Point', 'MultiPoint'),
        paint: {
          'circle-color': color,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, 1.5, 14, 4],
          'circle-opacity': l.opacity,
          'circle-stroke-color': PALETTE.white,
          'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 10, 0, 14, 0.8],
          'circle-stroke-opacity': l.opacity,
        },
      });
    return out;
  });
}

/** Which tiled layer a MapLibre layer id belongs to. */
const layerIdOf = (mapLayerId: string, layers: readonly TiledLayer[]) =>
  mapLayerId.startsWith(LAYER_PREFIX) ? layers.find((l) => mapLayerId.startsWith(`${LAYER_PREFIX}${l.id}-`)) : undefined;

function useTiledContribution(): Contribution | null {
  const layers = useTiles((s) => s.layers);
  return useMemo(() => {
    const ready = layers.filter((l) => l.status.kind === 'ready');
    if (ready.length === 0) return null;
    const sources: Record<string, SourceEntry> = {};
    for (const l of ready)
      sources[tiledSource(l.id)] = {
        spec: { type: 'vector', url: `pmtiles://${l.key}` },
      };
    return { sources, layers: { imports: ready.flatMap(tiledLayers) } };
  }, [layers]);
}

export const tilesMapFeature: MapFeature = {
  id: 'tiles',
  useContribution: () => useTiledContribution(),
  modes: {
    browse: {
      click: (e, { map }) => {
        const { layers, pick } = useTiles.getState();
        if (layers.length === 0) return false;
        // The feature on top decides: a site drawn over a parcel is the site's click.
        const top = map.queryRenderedFeatures(e.point)[0];
        const owner = top ? layerIdOf(top.layer.id, layers) : undefined;
        if (!top || !owner) {
          if (useTiles.getState().picked) pick(null);
          return false;
        }
        pick({ layerId: owner.id, sourceLayer: String(top.sourceLayer ?? ''), properties: { ...top.properties } });
        return true;
      },
    },
  },
};
