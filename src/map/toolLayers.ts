/**
 * Sources and layers for the planner's work — imported layers, drawings, the measure or
 * drawing in progress, proximity rings and walking circles. Pure, like style.ts.
 */
import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';

export interface ImportOverlay {
  id: string;
  /** One colour, or an expression of an attribute (a layer styled by category or by number). */
  color: string | ExpressionSpecification;
  opacity: number;
  visible: boolean;
  /** The attribute shown as a label on the map. */
  labelField?: string;
  fc: FeatureCollection<Geometry>;
}

export interface ToolOverlay {
  imports: ImportOverlay[];
  drawings: FeatureCollection;
  selectedDrawing: string | null;
  /** The measure or drawing in progress, and whether it outlines an area. */
  draft: Position[];
  draftIsArea: boolean;
  rings: FeatureCollection<Polygon, { km: number }> | null;
  coverage: Feature<Polygon | MultiPolygon> | null;
}

export const TOOL_SOURCE = { drawings: 'tool-drawings', draft: 'tool-draft', rings: 'tool-rings', coverage: 'tool-coverage' } as const;
export const importSource = (id: string) => `import-${id}`;
export const IMPORT_LAYER_SUFFIXES = ['fill', 'line', 'point'] as const;
export const importLayerIds = (id: string) => IMPORT_LAYER_SUFFIXES.map((s) => `import-${id}-${s}`);
export const DRAWING_LAYERS = ['tool-drawing-fill', 'tool-drawing-line', 'tool-drawing-point'] as const;
export const VERTEX_LAYER = 'tool-vertex';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const isType = (...types: string[]): ExpressionSpecification => ['in', ['geometry-type'], ['literal', types]];

function draftCollection(draft: Position[], area: boolean): FeatureCollection<Point | LineString | Polygon> {
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
function vertices(drawings: FeatureCollection, id: string | null): FeatureCollection<Point, { id: string; index: number }> {
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

export function toolSources(t: ToolOverlay): Record<string, SourceSpecification> {
  const out: Record<string, SourceSpecification> = {
    [TOOL_SOURCE.drawings]: { type: 'geojson', data: t.drawings as never, promoteId: 'id' },
    [TOOL_SOURCE.draft]: { type: 'geojson', data: draftCollection(t.draft, t.draftIsArea) as never },
    [TOOL_SOURCE.rings]: { type: 'geojson', data: (t.rings ?? EMPTY) as never },
    [TOOL_SOURCE.coverage]: { type: 'geojson', data: (t.coverage ?? EMPTY) as never },
    'tool-vertices': { type: 'geojson', data: vertices(t.drawings, t.selectedDrawing) as never },
  };
  for (const l of t.imports) out[importSource(l.id)] = { type: 'geojson', data: l.fc as never };
  return out;
}

/** Imported layers go under the sites; drawings, rings and the draft on top. */
export function importLayers(t: ToolOverlay, font: string[]): LayerSpecification[] {
  return t.imports.flatMap((l) => {
    const visibility = l.visible ? 'visible' : 'none';
    const [fill, line, point] = importLayerIds(l.id) as [string, string, string];
    const label: LayerSpecification[] = l.labelField
      ? [
          {
            id: `import-${l.id}-label`,
            type: 'symbol',
            source: importSource(l.id),
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
            paint: { 'text-color': '#1f2d3d', 'text-halo-color': '#fff', 'text-halo-width': 1.5, 'text-opacity': l.opacity },
          },
        ]
      : [];
    return [
      {
        id: fill,
        type: 'fill',
        source: importSource(l.id),
        filter: isType('Polygon', 'MultiPolygon'),
        layout: { visibility },
        paint: { 'fill-color': l.color, 'fill-opacity': 0.3 * l.opacity },
      },
      {
        id: line,
        type: 'line',
        source: importSource(l.id),
        filter: isType('LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'),
        layout: { visibility },
        paint: { 'line-color': l.color, 'line-width': 2, 'line-opacity': l.opacity },
      },
      {
        id: point,
        type: 'circle',
        source: importSource(l.id),
        filter: isType('Point', 'MultiPoint'),
        layout: { visibility },
        paint: {
          'circle-color': l.color,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 2, 12, 5],
          'circle-opacity': l.opacity,
          'circle-stroke-color': '#fff',
          'circle-stroke-width': 1,
          'circle-stroke-opacity': l.opacity,
        },
      },
      ...label,
    ] satisfies LayerSpecification[];
  });
}

export function toolLayersOnTop(t: ToolOverlay): LayerSpecification[] {
  const selected: ExpressionSpecification = ['==', ['get', 'id'], t.selectedDrawing ?? ''];
  return [
    { id: 'tool-coverage-fill', type: 'fill', source: TOOL_SOURCE.coverage, paint: { 'fill-color': '#E69F00', 'fill-opacity': 0.18 } },
    { id: 'tool-coverage-line', type: 'line', source: TOOL_SOURCE.coverage, paint: { 'line-color': '#B07800', 'line-width': 1.5 } },
    {
      id: 'tool-ring-line',
      type: 'line',
      source: TOOL_SOURCE.rings,
      paint: { 'line-color': '#16324f', 'line-width': 1.5, 'line-dasharray': [3, 2] },
    },
    {
      id: 'tool-ring-label',
      type: 'symbol',
      source: TOOL_SOURCE.rings,
      layout: {
        'symbol-placement': 'line',
        'text-field': ['concat', ['to-string', ['get', 'km']], ' km'],
        'text-font': ['Noto Sans SC'],
        'text-size': 12,
      },
      paint: { 'text-color': '#16324f', 'text-halo-color': '#fff', 'text-halo-width': 1.5 },
    },
    {
      id: DRAWING_LAYERS[0],
      type: 'fill',
      source: TOOL_SOURCE.drawings,
      filter: isType('Polygon'),
      paint: { 'fill-color': '#5E3C99', 'fill-opacity': ['case', selected, 0.3, 0.18] },
    },
    {
      id: DRAWING_LAYERS[1],
      type: 'line',
      source: TOOL_SOURCE.drawings,
      filter: isType('LineString', 'Polygon'),
      paint: { 'line-color': '#5E3C99', 'line-width': ['case', selected, 3.5, 2.5] },
    },
    {
      id: DRAWING_LAYERS[2],
      type: 'circle',
      source: TOOL_SOURCE.drawings,
      filter: isType('Point'),
      paint: {
        'circle-color': '#5E3C99',
        'circle-radius': ['case', selected, 8, 6],
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'tool-draft-fill',
      type: 'fill',
      source: TOOL_SOURCE.draft,
      filter: isType('Polygon'),
      paint: { 'fill-color': '#D55E00', 'fill-opacity': 0.15 },
    },
    {
      id: 'tool-draft-line',
      type: 'line',
      source: TOOL_SOURCE.draft,
      filter: isType('LineString'),
      paint: { 'line-color': '#D55E00', 'line-width': 2.5, 'line-dasharray': [2, 1] },
    },
    {
      id: 'tool-draft-point',
      type: 'circle',
      source: TOOL_SOURCE.draft,
      filter: isType('Point'),
      paint: { 'circle-color': '#fff', 'circle-radius': 5, 'circle-stroke-color': '#D55E00', 'circle-stroke-width': 2.5 },
    },
    {
      id: VERTEX_LAYER,
      type: 'circle',
      source: 'tool-vertices',
      paint: { 'circle-color': '#fff', 'circle-radius': 6, 'circle-stroke-color': '#5E3C99', 'circle-stroke-width': 2.5 },
    },
  ] satisfies LayerSpecification[];
}
