/**
 * The one builder of a user layer's MapLibre layers, whatever its kind: a fill, a line and a circle
 * layer for what its geometry needs, and a label when a field is chosen. Pure, like src/map/style.ts,
 * and unit-tested with the style spec's validator.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { PALETTE } from '../map/palette';
import type { GeometryKind, LayerBase } from './model';
import { colorExpression } from './style';

/** One drawable part of a layer: a GeoJSON source, or one vector layer of an archive. */
export interface DrawPart {
  /** The MapLibre layers' ids start with this (unique per layer and part). */
  idBase: string;
  source: string;
  sourceLayer?: string;
  geometry: GeometryKind | 'raster';
  /** Many small features (an archive): thinner lines and smaller points, growing with the zoom. */
  dense?: boolean;
}

export const LAYER_SUFFIXES = ['fill', 'line', 'point', 'label', 'raster'] as const;
export const isGeometryType = (...types: string[]): ExpressionSpecification => ['in', ['geometry-type'], ['literal', types]];

/** The MapLibre layers of one part of a user layer. */
export function userLayerSpecs(l: LayerBase, part: DrawPart, font: string[]): LayerSpecification[] {
  const visibility = l.visible ? 'visible' : 'none';
  // A map service's images: drawn as they come, with the layer's opacity and no fade (the software renderer's cost).
  if (part.geometry === 'raster')
    return [
      {
        id: `${part.idBase}-raster`,
        type: 'raster',
        source: part.source,
        layout: { visibility },
        paint: { 'raster-opacity': l.opacity, 'raster-fade-duration': 0 },
      },
    ];
  const color = l.style ? colorExpression(l.style) : l.color;
  const base = {
    source: part.source,
    ...(part.sourceLayer !== undefined ? { 'source-layer': part.sourceLayer } : {}),
    layout: { visibility },
  } as const;
  const polygons = part.geometry === 'Polygon' || part.geometry === 'mixed';
  const lines = polygons || part.geometry === 'LineString';
  const points = part.geometry === 'Point' || part.geometry === 'mixed';
  const out: LayerSpecification[] = [];
  if (polygons)
    out.push({
      ...base,
      id: `${part.idBase}-fill`,
      type: 'fill',
      filter: isGeometryType('Polygon', 'MultiPolygon'),
      paint: { 'fill-color': color, 'fill-opacity': (part.dense ? 0.35 : 0.3) * l.opacity },
    });
  if (lines)
    out.push({
      ...base,
      id: `${part.idBase}-line`,
      type: 'line',
      filter: isGeometryType('LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'),
      paint: {
        'line-color': color,
        'line-width': part.dense ? ['interpolate', ['linear'], ['zoom'], 10, 0.5, 15, 1.5] : 2,
        'line-opacity': l.opacity,
      },
    });
  if (points)
    out.push({
      ...base,
      id: `${part.idBase}-point`,
      type: 'circle',
      filter: isGeometryType('Point', 'MultiPoint'),
      paint: {
        'circle-color': color,
        'circle-radius': part.dense
          ? ['interpolate', ['linear'], ['zoom'], 6, 1.5, 14, 4]
          : ['interpolate', ['linear'], ['zoom'], 5, 2, 12, 5],
        'circle-opacity': l.opacity,
        'circle-stroke-color': PALETTE.white,
        'circle-stroke-width': part.dense ? ['interpolate', ['linear'], ['zoom'], 10, 0, 14, 0.8] : 1,
        'circle-stroke-opacity': l.opacity,
      },
    });
  if (l.labelField)
    out.push({
      ...base,
      id: `${part.idBase}-label`,
      type: 'symbol',
      layout: {
        visibility,
        'text-field': ['to-string', ['coalesce', ['get', l.labelField], '']],
        'text-font': font,
        'text-size': 12,
        'text-offset': [0, 0.9],
        'text-anchor': 'top',
        'text-max-width': 10,
        'symbol-placement': 'point',
      },
      paint: { 'text-color': PALETTE.label, 'text-halo-color': PALETTE.white, 'text-halo-width': 1.5, 'text-opacity': l.opacity },
    });
  return out;
}
