/**
 * The map style, built by pure functions from data and state: no map instance, no DOM.
 * Unit-tested and checked with the style spec's validate() in tests/unit/style.test.ts.
 */

import type { FeatureCollection, Geometry, LineString, Point, Polygon } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { BasemapConfig } from '../basemap/config';
import { COUNTIES_CREDIT } from '../data/credits';
import type { LayerDef, Precision, Status } from '../data/schema';
import type { ConnectionProps, MapSiteProps } from '../data/selectors';
import type { Lang } from '../i18n/strings';
import { LAYER, SOURCE } from './ids';
import { FILL_OPACITY, PALETTE } from './palette';
import { importLayers, type ToolOverlay, toolLayersOnTop, toolSources } from './toolLayers';

export interface FontFaceFile {
  url: string;
  unicodeRange?: string[];
}

export interface StyleInput {
  lang: Lang;
  /** Font files of `fontFamily`, those with a unicode-range first. */
  fonts: FontFaceFile[];
  fontFamily: string;
  /** Absolute URL of geodata/basemap/counties.geojson (fetched in MapLibre's worker), or the data itself (converted to another datum). */
  counties: string | FeatureCollection;
  /** An online raster basemap under the overlays, or a vector style whose layers go under them. */
  online: { config: BasemapConfig; vectorStyle?: StyleSpecification } | null;
  countyLabels: FeatureCollection<Point>;
  layers: readonly LayerDef[];
  sites: FeatureCollection<Geometry, MapSiteProps>;
  siteLabels: FeatureCollection<Point, MapSiteProps>;
  connections: FeatureCollection<LineString, ConnectionProps>;
  visibleLayers: readonly string[];
  opacity: Readonly<Record<string, number>>;
  statuses: readonly Status[];
  precisions: readonly Precision[];
  selectedId: string | null;
  /** Sites a tour stop emphasises. */
  highlightIds: readonly string[];
  /** The 15-minute walking circles, or null to leave them off. */
  circles: FeatureCollection<Polygon> | null;
  /** The planner's imported layers, drawings and measurements (absent: none). */
  tools?: ToolOverlay;
}

const nameField = (lang: Lang): ExpressionSpecification => ['get', lang === 'zh' ? 'name_zh' : 'name_en'];

/** `match` on the site's layer id, with one output per layer. */
function byLayer(layers: readonly LayerDef[], value: (l: LayerDef) => string | number, fallback: string | number): ExpressionSpecification {
  if (layers.length === 0) return ['literal', fallback] as unknown as ExpressionSpecification;
  return ['match', ['get', 'layer'], ...layers.flatMap((l) => [l.id, value(l)]), fallback] as unknown as ExpressionSpecification;
}

export function siteFilter(input: Pick<StyleInput, 'visibleLayers' | 'statuses' | 'precisions'>): ExpressionSpecification {
  return [
    'all',
    ['in', ['get', 'layer'], ['literal', [...input.visibleLayers]]],
    ['in', ['get', 'status'], ['literal', [...input.statuses]]],
    ['in', ['get', 'precision'], ['literal', [...input.precisions]]],
  ];
}

const isPolygon: ExpressionSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];

function fontFaces(input: StyleInput) {
  return {
    [input.fontFamily]: input.fonts.map((f) => (f.unicodeRange ? { url: f.url, 'unicode-range': f.unicodeRange } : { url: f.url })),
  };
}

/**
 * One label point per link, at the middle of its arc. A `line-center` label on the line itself is
 * placed once per tile the line crosses, so a long link showed its distance two or three times.
 */
const labelPoints = new WeakMap<object, FeatureCollection<Point, ConnectionProps>>();
export function connectionLabelPoints(lines: FeatureCollection<LineString, ConnectionProps>): FeatureCollection<Point, ConnectionProps> {
  let out = labelPoints.get(lines);
  if (!out) {
    out = {
      type: 'FeatureCollection',
      features: lines.features.map((f) => ({
        type: 'Feature',
        properties: f.properties,
        geometry: { type: 'Point', coordinates: f.geometry.coordinates[Math.floor(f.geometry.coordinates.length / 2)] as [number, number] },
      })),
    };
    labelPoints.set(lines, out);
  }
  return out;
}

export function buildSources(input: StyleInput): Record<string, SourceSpecification> {
  const c = input.online?.config;
  return {
    ...(c?.type === 'raster'
      ? {
          [SOURCE.onlineBasemap]: {
            type: 'raster',
            tiles: c.tiles ?? [],
            tileSize: c.tileSize ?? 256,
            maxzoom: c.maxzoom ?? 18,
            attribution: c.attribution,
          } satisfies SourceSpecification,
        }
      : {}),
    [SOURCE.counties]: { type: 'geojson', data: input.counties as never, attribution: COUNTIES_CREDIT },
    [SOURCE.countyLabels]: { type: 'geojson', data: input.countyLabels },
    [SOURCE.sites]: { type: 'geojson', data: input.sites as never, promoteId: 'id' },
    [SOURCE.siteLabels]: { type: 'geojson', data: input.siteLabels as never },
    [SOURCE.connections]: { type: 'geojson', data: input.connections as never, promoteId: 'id' },
    [SOURCE.connectionLabels]: { type: 'geojson', data: connectionLabelPoints(input.connections) as never },
    [SOURCE.walkCircles]: { type: 'geojson', data: (input.circles ?? { type: 'FeatureCollection', features: [] }) as never },
    ...(input.tools ? toolSources(input.tools) : {}),
  };
}

export function buildLayers(input: StyleInput): LayerSpecification[] {
  const layers = baseLayers(input);
  if (!input.tools) return layers;
  // Imported layers under the sites, the planner's own work on top.
  const firstSite = layers.findIndex((l) => l.id === LAYER.siteFill);
  return [
    ...layers.slice(0, firstSite),
    ...importLayers(input.tools, [input.fontFamily]),
    ...layers.slice(firstSite),
    ...toolLayersOnTop(input.tools),
  ];
}

/** The sites shown as chosen: a tour stop's highlights and the selection (labels here, feature state in MapView). */
export function chosenIds(selectedId: string | null, highlightIds: readonly string[]): string[] {
  return [...highlightIds, ...(selectedId ? [selectedId] : [])];
}

function baseLayers(input: StyleInput): LayerSpecification[] {
  const font = [input.fontFamily];
  const filter = siteFilter(input);
  const layerOpacity = byLayer(input.layers, (l) => input.opacity[l.id] ?? 1, 1);
  const color = byLayer(input.layers, (l) => l.color, '#777777');
  // Labels' filter and sort key are layout: only the data can say which site is chosen there.
  const selected: ExpressionSpecification = ['in', ['get', 'id'], ['literal', chosenIds(input.selectedId, input.highlightIds)]];
  // Paint reads the feature state MapView sets (`selected`, on the sites and connections sources): a
  // selection then changes no filter or layout of those sources, which MapLibre would re-tile.
  const chosen: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
  // The links show while a layer they lead to is shown (the enclaves'), whatever that layer is called.
  const linksVisible = input.connections.features.some((f) => input.visibleLayers.includes(f.properties.layer));
  const hover = (on: number, off: number): ExpressionSpecification => ['case', ['boolean', ['feature-state', 'hover'], false], on, off];

  const raster = input.online?.config.type === 'raster';
  const online = input.online !== null;
  const under: LayerSpecification[] = raster
    ? [
        { id: LAYER.background, type: 'background', paint: { 'background-color': PALETTE.outsideZhejiang } },
        { id: LAYER.onlineBasemap, type: 'raster', source: SOURCE.onlineBasemap },
      ]
    : online
      ? []
      : [{ id: LAYER.background, type: 'background', paint: { 'background-color': PALETTE.outsideZhejiang } }];
  return [
    ...under,
    {
      id: LAYER.countyFill,
      type: 'fill',
      source: SOURCE.counties,
      paint: {
        'fill-color': ['match', ['get', 'role'], 'focus', PALETTE.focus, 'lishui', PALETTE.lishui, PALETTE.zhejiang],
        // Over an online basemap the counties only tint Suichang; the basemap shows through.
        'fill-opacity': online ? ['match', ['get', 'role'], 'focus', 0.18, 0] : 1,
      },
    },
    {
      id: LAYER.countyLine,
      type: 'line',
      source: SOURCE.counties,
      paint: { 'line-color': PALETTE.countyLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.4, 10, 1] },
    },
    {
      id: LAYER.enclaveHostOutline,
      type: 'line',
      source: SOURCE.counties,
      filter: ['==', ['get', 'role'], 'enclave-host'],
      paint: { 'line-color': PALETTE.enclaveHost, 'line-width': 2 },
    },
    {
      id: LAYER.focusOutline,
      type: 'line',
      source: SOURCE.counties,
      filter: ['==', ['get', 'role'], 'focus'],
      paint: { 'line-color': PALETTE.focusLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1.5, 11, 3] },
    },
    {
      id: LAYER.siteFill,
      type: 'fill',
      source: SOURCE.sites,
      filter: ['all', isPolygon, filter],
      paint: {
        'fill-color': color,
        'fill-opacity': [
          '*',
          layerOpacity,
          hover(1.35, 1),
          ['match', ['get', 'precision'], 'official', FILL_OPACITY.official, 'described', FILL_OPACITY.described, FILL_OPACITY.indicative],
        ],
      },
    },
    {
      id: LAYER.siteOutline,
      type: 'line',
      source: SOURCE.sites,
      filter: ['all', isPolygon, filter, ['!=', ['get', 'precision'], 'indicative']],
      paint: { 'line-color': color, 'line-width': hover(3, 2), 'line-opacity': layerOpacity },
    },
    {
      id: LAYER.siteOutlineIndicative,
      type: 'line',
      source: SOURCE.sites,
      filter: ['all', isPolygon, filter, ['==', ['get', 'precision'], 'indicative']],
      paint: { 'line-color': color, 'line-width': hover(3, 2), 'line-dasharray': [2, 1.5], 'line-opacity': layerOpacity },
    },
    {
      id: LAYER.selectedOutline,
      type: 'line',
      source: SOURCE.sites,
      filter: isPolygon,
      paint: { 'line-color': PALETTE.selected, 'line-width': 3.5, 'line-opacity': ['case', chosen, 1, 0] },
    },
    {
      id: LAYER.walkCircleFill,
      type: 'fill',
      source: SOURCE.walkCircles,
      layout: { visibility: input.circles ? 'visible' : 'none' },
      paint: { 'fill-color': '#E69F00', 'fill-opacity': 0.12 },
    },
    {
      id: LAYER.walkCircleLine,
      type: 'line',
      source: SOURCE.walkCircles,
      layout: { visibility: input.circles ? 'visible' : 'none' },
      paint: { 'line-color': '#B07800', 'line-width': 1.5, 'line-dasharray': [1, 1.5] },
    },
    {
      id: LAYER.connectionLine,
      type: 'line',
      source: SOURCE.connections,
      layout: { visibility: linksVisible ? 'visible' : 'none', 'line-cap': 'round' },
      paint: {
        'line-color': byLayer(input.layers, (l) => l.color, '#CC79A7'),
        'line-width': ['case', chosen, 3.5, 2],
        'line-dasharray': [3, 2],
        'line-opacity': ['*', 0.9, input.opacity.enclaves ?? 1],
      },
    },
    {
      id: LAYER.connectionLabel,
      type: 'symbol',
      source: SOURCE.connectionLabels,
      layout: {
        visibility: linksVisible ? 'visible' : 'none',
        'text-field':
          input.lang === 'zh'
            ? ['concat', '约 ', ['to-string', ['get', 'km']], ' 公里']
            : ['concat', '≈ ', ['to-string', ['get', 'km']], ' km'],
        'text-font': font,
        'text-size': 12,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.6,
      },
      paint: { 'text-color': PALETTE.labelMuted, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.5 },
    },
    {
      id: LAYER.siteHalo,
      type: 'circle',
      source: SOURCE.sites,
      filter: ['all', isPoint, filter],
      paint: {
        'circle-radius': ['case', chosen, 17, 14],
        'circle-color': ['case', chosen, PALETTE.selected, color],
        'circle-opacity': ['case', chosen, 0.25, hover(0.3, 0)],
        'circle-stroke-width': ['case', chosen, 2, 0],
        'circle-stroke-color': PALETTE.selected,
      },
    },
    {
      id: LAYER.sitePoint,
      type: 'symbol',
      source: SOURCE.sites,
      filter: ['all', isPoint, filter],
      layout: {
        'icon-image': ['concat', 'site-', ['get', 'layer'], '-', ['case', ['==', ['get', 'precision'], 'indicative'], 'hollow', 'solid']],
        'icon-size': ['interpolate', ['linear'], ['zoom'], 6, 0.7, 11, 1],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
      paint: { 'icon-opacity': layerOpacity },
    },
    {
      id: LAYER.siteLabel,
      type: 'symbol',
      // One anchor point per site: a polygon source would be labelled once per tile it spans.
      source: SOURCE.siteLabels,
      filter: ['all', filter, ['any', ['>=', ['zoom'], 10.5], ['==', ['get', 'far'], true], ['==', ['get', 'id'], input.selectedId ?? '']]],
      layout: {
        'text-field': nameField(input.lang),
        'text-font': font,
        'text-size': ['interpolate', ['linear'], ['zoom'], 8, 11, 13, 13],
        'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
        'text-radial-offset': 1.1,
        'text-justify': 'auto',
        'text-max-width': 9,
        'symbol-sort-key': ['case', selected, 0, 1],
      },
      paint: { 'text-color': PALETTE.label, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.6, 'text-opacity': layerOpacity },
    },
    {
      id: LAYER.countyLabel,
      type: 'symbol',
      source: SOURCE.countyLabels,
      filter: ['==', ['get', 'kind'], 'county'],
      layout: {
        'text-field': nameField(input.lang),
        'text-font': font,
        'text-size': ['match', ['get', 'role'], 'focus', 18, 13],
        'text-letter-spacing': ['match', ['get', 'role'], 'focus', 0.15, 0.05],
        'symbol-sort-key': ['match', ['get', 'role'], 'focus', 0, 1],
        'text-max-width': 8,
      },
      maxzoom: 10.5,
      paint: {
        'text-color': ['match', ['get', 'role'], 'focus', PALETTE.label, 'enclave-host', '#8e3b6b', PALETTE.labelMuted],
        'text-halo-color': PALETTE.halo,
        'text-halo-width': 1.5,
      },
    },
    {
      id: LAYER.seatLabel,
      type: 'symbol',
      source: SOURCE.countyLabels,
      filter: ['==', ['get', 'kind'], 'seat'],
      layout: {
        'text-field': nameField(input.lang),
        'text-font': font,
        'text-size': 12,
        'text-variable-anchor': ['bottom', 'top', 'right', 'left'],
        'text-radial-offset': 0.7,
        'icon-image': 'county-seat',
        'icon-allow-overlap': true,
      },
      minzoom: 7.5,
      paint: { 'text-color': PALETTE.label, 'text-halo-color': PALETTE.halo, 'text-halo-width': 1.5 },
    },
  ];
}

export function buildStyle(input: StyleInput): StyleSpecification {
  const base = input.online?.vectorStyle;
  if (base) {
    // A vector basemap: its sources and layers first, ours on top; its glyphs and sprite for its own labels.
    return {
      ...base,
      version: 8,
      'font-faces': fontFaces(input),
      sources: { ...base.sources, ...buildSources(input) },
      layers: [...base.layers, ...buildLayers(input)],
    } as StyleSpecification;
  }
  return {
    version: 8,
    name: 'suichang-embedded',
    // No `glyphs`: every label is drawn from the app's own font files.
    'font-faces': fontFaces(input),
    sources: buildSources(input),
    layers: buildLayers(input),
  } as StyleSpecification;
}
