/**
 * The product's main feature on the map, registered like any other: the counties, the sites, their
 * links and labels, from the app store (which layers, statuses and precisions are shown; the
 * selection; a tour stop's emphasis), in the map's datum. A click on a site selects it; hovering one
 * marks it; the selection is feature state; the camera learns where the sites are; a failing county
 * file is its error to report.
 */
import type { FeatureCollection, Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useMemo } from 'react';
import { layers } from '../data/geodata';
import { FONT_FAMILY } from '../fonts';
import { STRINGS } from '../i18n/strings';
import { useApp } from '../state/store';
import { setCameraSites } from './cameraApi';
import { INTERACTIVE_LAYERS, SOURCE } from './ids';
import { mapFonts } from './mapFonts';
import { BROWSE, type Contribution, type MapContext, type MapFeature } from './registry';
import { chosenIds, connectionLabelPoints, coreContribution, type MapData, type StyleInput } from './style';
import { useAfterPaint } from './useAfterPaint';
import { useChosenState } from './useChosenState';
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
  const fonts = mapFonts();
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

/** The layers whose sites are linked to their home: known from the data, whatever they are called. */
const linkLayersOf = (connections: Overlay['connections']) => [...new Set(connections.features.map((f) => f.properties.layer))];

function useSitesContribution(ctx: MapContext): Contribution {
  const { overlay, online, map } = ctx;
  const linkLayers = useMemo(() => linkLayersOf(overlay.connections), [overlay]);
  const input = useStyleInput(online, linkLayers);
  const data = useMapData(overlay);
  const chosen = useMemo(() => chosenIds(input.selectedId, input.highlightIds), [input.selectedId, input.highlightIds]);
  useChosenState(map, chosen);
  // The camera flies to the sites where they are drawn (in the map's datum).
  useEffect(() => {
    setCameraSites({ siteIndex: overlay.siteIndex, seat: overlay.seat });
    return () => setCameraSites(null);
  }, [overlay]);
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

/** The counties file is the embedded map's ground: when it fails, the map says so and keeps saying it. */
function countiesFailed(e: { sourceId?: string; error?: { message?: string } }): boolean {
  const message = e.error?.message ?? String(e.error);
  if (e.sourceId !== SOURCE.counties && !/counties/.test(message)) return false;
  const app = useApp.getState();
  app.setMapStatus('error', `${STRINGS[app.lang].basemapFailed}${message}`);
  return true;
}

/** The sites on the map: drawn in the sites slot; clicks and hovers while no tool has taken the map. */
export const sitesFeature: MapFeature = {
  id: 'sites',
  useContribution: useSitesContribution,
  onError: countiesFailed,
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
      // Hover ends when the pointer leaves the map.
      mouseout: (_e, { map }) => {
        setHover(map, null);
        return false;
      },
    },
  },
};
