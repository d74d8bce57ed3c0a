/**
 * Sources and layers for the planner's work — drawings, the measure or
 * drawing in progress, proximity rings and walking circles. Pure, like src/map/style.ts: the data of
 * each source is made by its own function, so the tools' map feature (toolsFeature.ts) remakes only
 * what changed and the map receives only that with setData.
 */
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { isGeometryType } from '../../layers/mapLayers';
import { PALETTE } from '../../map/palette';
import { geojsonSpec, type SourceEntry } from '../../map/registry';

/** The data of the tools' sources, each made apart (the same object while its inputs are unchanged). */
export interface ToolData {
  drawings: FeatureCollection;
  /** The draft's vertices, line and area (draftCollection). */
  draft: FeatureCollection;
  /** The selected drawing's vertices (vertices()). */
  vertices: FeatureCollection;
  rings: FeatureCollection<Polygon, { km: number }> | null;
  coverage: Feature<Polygon | MultiPolygon> | null;
}

export const TOOL_SOURCE = {
  drawings: 'tool-drawings',
  draft: 'tool-draft',
  rings: 'tool-rings',
  coverage: 'tool-coverage',
  vertices: 'tool-vertices',
} as const;
export const DRAWING_LAYERS = ['tool-drawing-fill', 'tool-drawing-line', 'tool-drawing-point'] as const;
export const VERTEX_LAYER = 'tool-vertex';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function draftCollection(draft: Position[], area: boolean): FeatureCollection<Point | LineString | Polygon> {
  const features: Feature<Point | LineString | Polygon>[] = draft.map((p, i) => ({
    type: 'Feature',
    properties: { i },
    geometry: { type: 'Point', coordinates: p },
  }));
  if (draft.length >= 2)
    features.push({
      type: 'Feature',
      properties: {},
      geometry: { type: 'LineString', coordinates: area && draft.length >= 3 ? [...draft, draft[0] as Position] : draft },
    });
  if (area && draft.length >= 3)
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...draft, draft[0] as Position]] } });
  return { type: 'FeatureCollection', features };
}

/** The selected drawing's vertices, draggable handles for editing. */
export function vertices(drawings: FeatureCollection, id: string | null): FeatureCollection<Point, { id: string; index: number }> {
  const d = drawings.features.find((f) => (f.properties as { id?: string } | null)?.id === id);
  if (!d || !id) return { type: 'FeatureCollection', features: [] };
  const coords: Position[] =
    d.geometry.type === 'Point'
      ? [d.geometry.coordinates]
      : d.geometry.type === 'LineString'
        ? d.geometry.coordinates
        : d.geometry.type === 'Polygon'
          ? (d.geometry.coordinates[0] ?? []).slice(0, -1)
          : [];
  return {
    type: 'FeatureCollection',
    features: coords.map((c, index) => ({ type: 'Feature', properties: { id, index }, geometry: { type: 'Point', coordinates: c } })),
  };
}

export function toolSources(t: ToolData): Record<string, SourceEntry> {
  const out: Record<string, SourceEntry> = {
    [TOOL_SOURCE.drawings]: { spec: geojsonSpec({ promoteId: 'id' }), data: t.drawings },
    [TOOL_SOURCE.draft]: { spec: geojsonSpec(), data: t.draft },
    [TOOL_SOURCE.rings]: { spec: geojsonSpec(), data: t.rings ?? EMPTY },
    [TOOL_SOURCE.coverage]: { spec: geojsonSpec(), data: t.coverage ?? EMPTY },
    [TOOL_SOURCE.vertices]: { spec: geojsonSpec(), data: t.vertices },
  };
  return out;
}

/** Drawings, rings and the draft, on top of the sites. */
export function toolLayersOnTop(selectedDrawing: string | null, font: string[]): LayerSpecification[] {
  const selected: ExpressionSpecification = ['==', ['get', 'id'], selectedDrawing ?? ''];
  return [
    { id: 'tool-coverage-fill', type: 'fill', source: TOOL_SOURCE.coverage, paint: { 'fill-color': PALETTE.walk, 'fill-opacity': 0.18 } },
    { id: 'tool-coverage-line', type: 'line', source: TOOL_SOURCE.coverage, paint: { 'line-color': PALETTE.walkLine, 'line-width': 1.5 } },
    {
      id: 'tool-ring-line',
      type: 'line',
      source: TOOL_SOURCE.rings,
      paint: { 'line-color': PALETTE.ring, 'line-width': 1.5, 'line-dasharray': [3, 2] },
    },
    {
      id: 'tool-ring-label',
      type: 'symbol',
      source: TOOL_SOURCE.rings,
      layout: {
        'symbol-placement': 'line',
        'text-field': ['concat', ['to-string', ['get', 'km']], ' km'],
        'text-font': font,
        'text-size': 12,
      },
      paint: { 'text-color': PALETTE.ring, 'text-halo-color': PALETTE.white, 'text-halo-width': 1.5 },
    },
    {
      id: DRAWING_LAYERS[0],
      type: 'fill',
      source: TOOL_SOURCE.drawings,
      filter: isGeometryType('Polygon'),
      paint: { 'fill-color': PALETTE.drawing, 'fill-opacity': ['case', selected, 0.3, 0.18] },
    },
    {
      id: DRAWING_LAYERS[1],
      type: 'line',
      source: TOOL_SOURCE.drawings,
      filter: isGeometryType('LineString', 'Polygon'),
      paint: { 'line-color': PALETTE.drawing, 'line-width': ['case', selected, 3.5, 2.5] },
    },
    {
      id: DRAWING_LAYERS[2],
      type: 'circle',
      source: TOOL_SOURCE.drawings,
      filter: isGeometryType('Point'),
      paint: {
        'circle-color': PALETTE.drawing,
        'circle-radius': ['case', selected, 8, 6],
        'circle-stroke-color': PALETTE.white,
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'tool-draft-fill',
      type: 'fill',
      source: TOOL_SOURCE.draft,
      filter: isGeometryType('Polygon'),
      paint: { 'fill-color': PALETTE.draft, 'fill-opacity': 0.15 },
    },
    {
      id: 'tool-draft-line',
      type: 'line',
      source: TOOL_SOURCE.draft,
      filter: isGeometryType('LineString'),
      paint: { 'line-color': PALETTE.draft, 'line-width': 2.5, 'line-dasharray': [2, 1] },
    },
    {
      id: 'tool-draft-point',
      type: 'circle',
      source: TOOL_SOURCE.draft,
      filter: isGeometryType('Point'),
      paint: { 'circle-color': PALETTE.white, 'circle-radius': 5, 'circle-stroke-color': PALETTE.draft, 'circle-stroke-width': 2.5 },
    },
    {
      id: VERTEX_LAYER,
      type: 'circle',
      source: TOOL_SOURCE.vertices,
      paint: { 'circle-color': PALETTE.white, 'circle-radius': 6, 'circle-stroke-color': PALETTE.drawing, 'circle-stroke-width': 2.5 },
    },
  ] satisfies LayerSpecification[];
}
