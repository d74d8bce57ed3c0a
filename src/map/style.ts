/**
 * The map's own sources and layers, built by pure functions from state that changes rarely (language,
 * basemap, which layers and sites are shown): no map instance, no DOM. Data is apart (MapData): it
 * reaches the sources with setData. Selection and emphasis are feature state (useChosenState.ts), so a
 * click changes only the site labels' filter. Unit-tested and checked with the style spec's validate()
 * in tests/unit/style.test.ts.
 */

import type { FeatureCollection, Geometry, LineString, Point, Polygon } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { archiveLayers } from '../basemap/archiveLayers';
import type { BasemapConfig } from '../basemap/config';
import { COUNTIES_CREDIT } from '../data/credits';
import type { LayerDef, Precision, Status } from '../data/schema';
import type { ConnectionProps, MapSiteProps } from '../data/selectors';
import type { Lang } from '../i18n/strings';
import { initialStyle } from './applier';
import { LAYER, SOURCE } from './ids';
import { FILL_OPACITY, PALETTE } from './palette';
import { type Contribution, geojsonSpec, mergeContributions, type SourceEntry } from './registry';

export interface FontFaceFile {
  url: string;
  unicodeRange?: string[];
}

export interface StyleInput {
  lang: Lang;
  /** Font files of `fontFamily`, those with a unicode-range first. */
  fonts: FontFaceFile[];
  fontFamily: string;
  /** An online raster basemap under the overlays, or a vector style whose layers go under them. */
  online: { config: BasemapConfig; vectorStyle?: StyleSpecification } | null;
  layers: readonly LayerDef[];
  /** The layers whose sites are linked to their home (the enclaves'): the links show while one of them is shown. */
  linkLayers: readonly string[];
  visibleLayers: readonly string[];
  opacity: Readonly<Record<string, number>>;
  statuses: readonly Status[];
  precisions: readonly Precision[];
  selectedId: string | null;
  /** Sites a tour stop emphasises. */
  highlightIds: readonly string[];
  /** Whether the walking circles are shown. */
  circles: boolean;
}

/** What the sources draw: given to the map with setData, apart from the style. */
export interface MapData {
  /** Absolute URL of geodata/basemap/counties.geojson (fetched in MapLibre's worker), or the data itself (converted to another datum). */
  counties: string | FeatureCollection;
  countyLabels: FeatureCollection<Point>;
  sites: FeatureCollection<Geometry, MapSiteProps>;
  siteLabels: FeatureCollection<Point, MapSiteProps>;
  connections: FeatureCollection<LineString, ConnectionProps>;
  /** One point per link for its distance label (connectionLabelPoints). */
  connectionLabels: FeatureCollection<Point, ConnectionProps>;
  /** The 15-minute walking circles. */
  circles: FeatureCollection<Polygon>;
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

function fontFaces(input: Pick<StyleInput, 'fonts' | 'fontFamily'>) {
  return {
    [input.fontFamily]: input.fonts.map((f) => (f.unicodeRange ? { url: f.url, 'unicode-range': f.unicodeRange } : { url: f.url })),
  };
}

/**
 * One label point per link, at the middle of its arc. A `line-center` label on the line itself is
 * placed once per tile the line crosses, so a long link showed its distance two or three times.
 */
export function connectionLabelPoints(lines: FeatureCollection<LineString, ConnectionProps>): FeatureCollection<Point, ConnectionProps> {
  return {
    type: 'FeatureCollection',
    features: lines.features.map((f) => ({
      type: 'Feature',
      properties: f.properties,
      geometry: { type: 'Point', coordinates: f.geometry.coordinates[Math.floor(f.geometry.coordinates.length / 2)] as [number, number] },
    })),
  };
}

/**
 * The tile buffer of the counties (the one large source), in pixels of a 512-pixel tile. MapLibre's
 * default, 128, cuts a quarter of a tile beyond each edge into every tile, all of it cut into triangles
 * and line segments; the widest county line is 3 pixels, so 16 hold its joins and caps (the cold start's
 * breakdown measured 1.50 → 1.39 s to idle in software rendering). The sites' small sources keep the default.
 */
export const COUNTY_BUFFER = 16;

/** An archive's address as the pmtiles protocol takes it: absolute (relative ones are the app's). */
export const archiveUrl = (url: string) => (typeof location === 'undefined' ? url : new URL(url, location.href).href);

/** The sources: their options from the style input, their data from `data`. */
export function buildSources(input: StyleInput, data: MapData): Record<string, SourceEntry> {
  const c = input.online?.config;
  return {
    ...(c?.type === 'raster'
      ? {
          [SOURCE.onlineBasemap]: {
            spec: {
              type: 'raster',
              tiles: c.tiles ?? [],
              tileSize: c.tileSize ?? 256,
              maxzoom: c.maxzoom ?? 18,
              attribution: c.attribution,
            } satisfies SourceSpecification,
          },
        }
      : c?.type === 'archive'
        ? {
            [SOURCE.onlineBasemap]: {
              spec: {
                type: 'vector',
                url: `pmtiles://${archiveUrl(c.url ?? '')}`,
                attribution: c.attribution,
              } satisfies SourceSpecification,
            },
          }
        : {}),
    [SOURCE.counties]: { spec: geojsonSpec({ attribution: COUNTIES_CREDIT, buffer: COUNTY_BUFFER }), data: data.counties },
    [SOURCE.countyLabels]: { spec: geojsonSpec(), data: data.countyLabels },
    [SOURCE.sites]: { spec: geojsonSpec({ promoteId: 'id' }), data: data.sites },
    [SOURCE.siteLabels]: { spec: geojsonSpec(), data: data.siteLabels },
    [SOURCE.connections]: { spec: geojsonSpec({ promoteId: 'id' }), data: data.connections },
    [SOURCE.connectionLabels]: { spec: geojsonSpec(), data: data.connectionLabels },
    [SOURCE.walkCircles]: { spec: geojsonSpec(), data: data.circles },
  };
}

/** The sites shown as chosen: a tour stop's highlights and the selection (labels here, feature state in MapView). */
export function chosenIds(selectedId: string | null, highlightIds: readonly string[]): string[] {
  return [...highlightIds, ...(selectedId ? [selectedId] : [])];
}

/** The map's own part: the counties under everything, the sites and labels above the imports. */
export function coreContribution(input: StyleInput, data: MapData): Contribution {
  const layers = baseLayers(input);
  const firstSite = layers.findIndex((l) => l.id === LAYER.siteFill);
  return { sources: buildSources(input, data), layers: { base: layers.slice(0, firstSite), sites: layers.slice(firstSite) } };
}

function baseLayers(input: StyleInput): LayerSpecification[] {
  const font = [input.fontFamily];
  const filter = siteFilter(input);
  const layerOpacity = byLayer(input.layers, (l) => input.opacity[l.id] ?? 1, 1);
  const color = byLayer(input.layers, (l) => l.color, PALETTE.unknownLayer);
  // Labels' filter and sort key are layout: only the data can say which site is chosen there.
  const selected: ExpressionSpecification = ['in', ['get', 'id'], ['literal', chosenIds(input.selectedId, input.highlightIds)]];
  // Paint reads the feature state MapView sets (`selected`, on the sites and connections sources): a
  // selection then changes no filter or layout of those sources, which MapLibre would re-tile.
  const chosen: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
  // The links show while a layer they lead to is shown (the enclaves'), whatever that layer is called.
  const linksVisible = input.linkLayers.some((id) => input.visibleLayers.includes(id));
  const hover = (on: number, off: number): ExpressionSpecification => ['case', ['boolean', ['feature-state', 'hover'], false], on, off];

  const type = input.online?.config.type;
  const online = input.online !== null;
  const under: LayerSpecification[] =
    type === 'raster'
      ? [
          { id: LAYER.background, type: 'background', paint: { 'background-color': PALETTE.outsideZhejiang } },
          { id: LAYER.onlineBasemap, type: 'raster', source: SOURCE.onlineBasemap },
        ]
      : type === 'archive'
        ? archiveLayers(SOURCE.onlineBasemap, input.lang, input.fontFamily)
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
      // An indicative area has no known edge: a soft halo says "around here" and draws no line to read as a
      // boundary (the fill fades into it); the dashed outline shows only under the pointer or when chosen.
      id: LAYER.siteOutlineIndicative,
      type: 'line',
      source: SOURCE.sites,
      filter: ['all', isPolygon, filter, ['==', ['get', 'precision'], 'indicative']],
      paint: {
        'line-color': color,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 6, 14, 22],
        'line-blur': ['interpolate', ['linear'], ['zoom'], 8, 6, 14, 22],
        'line-opacity': ['*', layerOpacity, 0.35],
      },
    },
    {
      id: LAYER.siteEdgeIndicative,
      type: 'line',
      source: SOURCE.sites,
      filter: ['all', isPolygon, filter, ['==', ['get', 'precision'], 'indicative']],
      paint: { 'line-color': color, 'line-width': 2, 'line-dasharray': [2, 1.5], 'line-opacity': ['*', layerOpacity, hover(1, 0)] },
    },
    {
      id: LAYER.selectedOutline,
      type: 'line',
      source: SOURCE.sites,
      filter: ['all', isPolygon, ['!=', ['get', 'precision'], 'indicative']],
      paint: { 'line-color': PALETTE.selected, 'line-width': 3.5, 'line-opacity': ['case', chosen, 1, 0] },
    },
    {
      // A chosen indicative site stays dashed: the selection must not make a guess look surveyed.
      id: LAYER.selectedOutlineIndicative,
      type: 'line',
      source: SOURCE.sites,
      filter: ['all', isPolygon, ['==', ['get', 'precision'], 'indicative']],
      paint: { 'line-color': PALETTE.selected, 'line-width': 3.5, 'line-dasharray': [2, 1.5], 'line-opacity': ['case', chosen, 1, 0] },
    },
    {
      id: LAYER.walkCircleFill,
      type: 'fill',
      source: SOURCE.walkCircles,
      layout: { visibility: input.circles ? 'visible' : 'none' },
      paint: { 'fill-color': PALETTE.walk, 'fill-opacity': 0.12 },
    },
    {
      id: LAYER.walkCircleLine,
      type: 'line',
      source: SOURCE.walkCircles,
      layout: { visibility: input.circles ? 'visible' : 'none' },
      paint: { 'line-color': PALETTE.walkLine, 'line-width': 1.5, 'line-dasharray': [1, 1.5] },
    },
    {
      id: LAYER.connectionLine,
      type: 'line',
      source: SOURCE.connections,
      layout: { visibility: linksVisible ? 'visible' : 'none', 'line-cap': 'round' },
      paint: {
        'line-color': color,
        'line-width': ['case', chosen, 3.5, 2],
        'line-dasharray': [3, 2],
        // Each link fades with its own layer's opacity.
        'line-opacity': ['*', 0.9, layerOpacity],
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
        'text-color': ['match', ['get', 'role'], 'focus', PALETTE.label, 'enclave-host', PALETTE.enclaveHostLabel, PALETTE.labelMuted],
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

/** The base of the style: what the map is created with before the sources and layers (the vector basemap's own, or none). */
export function baseStyle(input: Pick<StyleInput, 'online' | 'fonts' | 'fontFamily'>): StyleSpecification {
  const base = input.online?.vectorStyle;
  if (base) {
    // A vector basemap: its sources and layers first, ours on top; its glyphs and sprite for its own labels.
    return { ...base, version: 8, 'font-faces': fontFaces(input) } as StyleSpecification;
  }
  // No `glyphs`: every label is drawn from the app's own font files.
  return { version: 8, name: 'suichang-embedded', 'font-faces': fontFaces(input), sources: {}, layers: [] } as StyleSpecification;
}

/** The whole style with the map's own part only, as the map is created with it (tests check it against the spec). */
export function buildStyle(input: StyleInput, data: MapData, extra: (Contribution | null)[] = []): StyleSpecification {
  const merged = mergeContributions([coreContribution(input, data), ...extra]);
  return initialStyle(baseStyle(input), merged.sources, merged.layers);
}
