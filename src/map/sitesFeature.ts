/**
 * The map's own part, as a feature like any other: the counties, the sites, their links and labels,
 * from the app store (which layers, statuses and precisions are shown; the selection; a tour stop's
 * emphasis). A click on a site selects it; hovering one marks it.
 */
import type { FeatureCollection, Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useMemo } from 'react';
import { layers } from '../data/geodata';
import { fallbackFaces } from '../fontFallback';
import { FONT_FAMILY, fontFaces } from '../fonts';
import { useApp } from '../state/store';
import { INTERACTIVE_LAYERS, SOURCE } from './ids';
import { BROWSE, type Contribution, type MapFeature } from './registry';
import { connectionLabelPoints, coreContribution, type MapData, type StyleInput } from './style';
import { useAfterPaint } from './useAfterPaint';
import type { Overlay } from './useOnlineBasemap';

const NO_HIGHLIGHT: string[] = [];
const NO_CIRCLES: FeatureCollection<Polygon> = { type: 'FeatureCollection', features: [] };

/** The style input from the store (all but the basemap, which the map owner knows). */
export function useStyleInput(online: StyleInput['online'], linkLayers: readonly string[]): StyleInput {
  const lang = useApp((s) => s.lang);
  // The panel paints first; the map follows the selection a frame later (see useAfterPaint).
  const selectedId = useAfterPaint(useApp((s) => s.selectedId));
  const visibleLayers = useApp((s) => s.visibleLayers);
  const opacity = useApp((s) => s.opacity);
  const statuses = useApp((s) => s.statuses);
  const precisions = useApp((s) => s.precisions);
  const emphasis = useApp((s) => s.emphasis);
  const fonts = useMemo(() => fontFaces(location.href, fallbackFaces), []);
  return useMemo(
    () => ({
      lang,
      fonts,
      fontFamily: FONT_FAMILY,
      online,
      layers,
      linkLayers,
      visibleLayers,
      opacity,
      statuses,
      precisions,
      selectedId,
      highlightIds: emphasis?.highlight ?? NO_HIGHLIGHT,
      circles: Boolean(emphasis?.circles),
    }),
    [lang, fonts, online, linkLayers, visibleLayers, opacity, statuses, precisions, selectedId, emphasis],
  );
}

/** The sources' data for an overlay (the embedded one, or one converted to an online basemap's datum). */
export function useMapData(overlay: Overlay): MapData {
  return useMemo(
    () => ({
      counties: overlay.counties,
      countyLabels: overlay.countyLabels,
      sites: overlay.sites,
      siteLabels: overlay.siteLabels,
      connections: overlay.connections,
      connectionLabels: connectionLabelPoints(overlay.connections),
      circles: overlay.circles ?? NO_CIRCLES,
    }),
    [overlay],
  );
}

export function useSitesContribution(input: StyleInput, data: MapData): Contribution {
  return useMemo(() => coreContribution(input, data), [input, data]);
}

const hovered = new WeakMap<MapLibreMap, string>();
function setHover(map: MapLibreMap, id: string | null): void {
  const was = hovered.get(map) ?? null;
  if (was === id) return;
  if (was) map.setFeatureState({ source: SOURCE.sites, id: was }, { hover: false });
  if (id) {
    hovered.set(map, id);
    map.setFeatureState({ source: SOURCE.sites, id }, { hover: true });
  } else hovered.delete(map);
  map.getCanvas().style.cursor = id ? 'pointer' : '';
}

/** The site drawn at a point of the map, if any. */
export const siteAt = (map: MapLibreMap, point: { x: number; y: number }) => {
  const layersHere = INTERACTIVE_LAYERS.filter((id) => map.getLayer(id));
  return map.queryRenderedFeatures([point.x, point.y], { layers: layersHere })[0]?.properties?.id as string | undefined;
};

/** Clicks and hovers on the sites, while no tool has taken the map. */
export const sitesFeature: MapFeature = {
  id: 'sites',
  modes: {
    [BROWSE]: {
      click: (e, { map }) => {
        const id = siteAt(map, e.point);
        if (id) useApp.getState().select(id);
        return Boolean(id);
      },
      mousemove: (e, { map }) => {
        setHover(map, siteAt(map, e.point) ?? null);
        return false;
      },
    },
  },
};

/** Hover ends when the pointer leaves the map. */
export const clearHover = (map: MapLibreMap) => setHover(map, null);
