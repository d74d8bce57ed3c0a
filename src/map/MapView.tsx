/**
 * The one owner of the MapLibre instance. It knows no feature: it is given a list of map features
 * (registry.ts) and, with its own (the counties and sites, sitesFeature.ts), merges what they draw and
 * hands the changes to the map through StyleApplier (setData, setPaintProperty, addLayer … — the map
 * is created once per basemap with the whole style and never given a whole style again). Pointer
 * events go to the features' handlers for the interaction mode. The camera is moved through
 * cameraApi.ts, attached here; the app's own code reaches the map through mapHandle.ts, tests and
 * power users through window.__map.
 */

import { AttributionControl, type MapRef, NavigationControl, Map as ReactMap, ScaleControl } from '@vis.gl/react-maplibre';
import type { ErrorEvent as MapErrorEvent, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { layers, meta } from '../data/geodata';
import { mapCredits } from '../i18n/attribution';
import { STRINGS } from '../i18n/strings';
import { useApp } from '../state/store';
import { initialStyle, StyleApplier } from './applier';
import { HOME_BOUNDS, MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM, OPENING_PADDING, resolvePadding } from './camera';
import { attachCamera } from './cameraApi';
import { provideIcon } from './icons';
import { SOURCE } from './ids';
import { setCurrentMap } from './mapHandle';
import {
  currentMode,
  dispatch,
  handlersFor,
  type MapContext,
  type MapFeature,
  MOUSE_EVENTS,
  mergeContributions,
  onModeChange,
} from './registry';
import { clearHover, sitesFeature, useMapData, useSitesContribution, useStyleInput } from './sitesFeature';
import { startSoftwareMode } from './softwareMode';
import { baseStyle, chosenIds } from './style';
import { useChosenState } from './useChosenState';
import { useOnlineBasemap, useOnlineFallback } from './useOnlineBasemap';

declare global {
  interface Window {
    __map?: MapLibreMap;
  }
}

const mapLib = import('./setup').then((m) => m.default);

/** The layers whose sites are linked to their home: known from the data, whatever they are called. */
const linkLayersOf = (connections: { features: { properties: { layer: string } }[] }) => [
  ...new Set(connections.features.map((f) => f.properties.layer)),
];

/** Runs one feature's hook and reports what it draws; a component, so each feature re-renders alone. */
function FeatureHost({
  feature,
  ctx,
  report,
}: {
  feature: MapFeature;
  ctx: MapContext;
  report: (id: string, c: ReturnType<NonNullable<MapFeature['useContribution']>>) => void;
}): ReactNode {
  const contribution = feature.useContribution?.(ctx) ?? null;
  useEffect(() => report(feature.id, contribution), [feature.id, contribution, report]);
  return null;
}

export default function MapView({ features = [] }: { features?: readonly MapFeature[] }) {
  const lang = useApp((s) => s.lang);
  const mapRef = useRef<MapRef | null>(null);
  const { online, overlay } = useOnlineBasemap();
  const datum = online?.config.datum ?? meta.datum;
  const linkLayers = useMemo(() => linkLayersOf(overlay.connections), [overlay]);
  const input = useStyleInput(online, linkLayers);
  const data = useMapData(overlay);
  const own = useSitesContribution(input, data);
  const all = useMemo(() => [...features, sitesFeature], [features]);

  // What the other features draw, as they last reported it.
  const [reported, setReported] = useState<Record<string, ReturnType<NonNullable<MapFeature['useContribution']>>>>({});
  const report = useCallback(
    (id: string, c: ReturnType<NonNullable<MapFeature['useContribution']>>) => setReported((r) => (r[id] === c ? r : { ...r, [id]: c })),
    [],
  );
  const merged = useMemo(() => mergeContributions([own, ...features.map((f) => reported[f.id] ?? null)]), [own, features, reported]);

  // The map is created with the style as it is at mount. A vector basemap brings a style of its own
  // under ours: a new map for it (the key); a raster one is a source and a layer like any other.
  const key = online?.vectorStyle ? `vector:${online.config.id}` : 'own';
  const created = useRef<{ key: string; style: ReturnType<typeof initialStyle>; merged: typeof merged } | null>(null);
  if (created.current?.key !== key) created.current = { key, style: initialStyle(baseStyle(input), merged.sources, merged.layers), merged };
  const [loaded, setLoaded] = useState<{ key: string; map: MapLibreMap; applier: StyleApplier } | null>(null);
  const map = loaded?.key === key ? loaded.map : null;
  // A map being replaced is nobody's to draw on: the handle waits for the new one.
  useEffect(() => {
    if (loaded && loaded.key !== key) setCurrentMap(null);
  }, [loaded, key]);

  // Every later change reaches the loaded map as the few calls it needs.
  useEffect(() => {
    if (loaded?.key === key) loaded.applier.apply(merged.sources, merged.layers);
  }, [loaded, key, merged]);

  // In the tour, arrow keys belong to the presenter's clicker, not to panning.
  useEffect(() => {
    if (!map) return;
    if (merged.keyboard) map.keyboard.enable();
    else map.keyboard.disable();
  }, [map, merged.keyboard]);

  // Watched from the map's creation: its first tiles (or errors) may come before it has loaded.
  const [instance, setInstance] = useState<MapLibreMap | null>(null);
  useOnlineFallback(instance, online);

  const chosen = useMemo(() => chosenIds(input.selectedId, input.highlightIds), [input.selectedId, input.highlightIds]);
  useChosenState(map, chosen);

  // Pointer events: to the features' handlers for the mode, the first that takes one keeps it.
  useEffect(() => {
    if (!map) return;
    const ctx = { map, datum };
    const applyMode = () => {
      const hs = handlersFor(all, currentMode());
      const cursor = hs.find((h) => h.cursor)?.cursor ?? '';
      map.getCanvas().style.cursor = cursor;
      if (hs.some((h) => h.doubleClickZoom === false)) map.doubleClickZoom.disable();
      else map.doubleClickZoom.enable();
    };
    const on = MOUSE_EVENTS.map((name) => {
      const fn = (e: MapMouseEvent) => {
        dispatch(handlersFor(all, currentMode()), name, e, ctx);
      };
      map.on(name, fn);
      return () => map.off(name, fn);
    });
    const leave = () => clearHover(map);
    map.on('mouseout', leave);
    applyMode();
    const offMode = onModeChange(applyMode);
    return () => {
      for (const off of on) off();
      map.off('mouseout', leave);
      offMode();
      map.doubleClickZoom.enable();
    };
  }, [map, all, datum]);

  // The camera and the map handle follow the loaded map; nothing may keep drawing on a removed one.
  useEffect(() => {
    if (!map) return;
    attachCamera({ map, toMap: overlay.toMap, siteIndex: overlay.siteIndex, seat: overlay.seat });
    return () => attachCamera(null);
  }, [map, overlay]);
  useEffect(
    () => () => {
      setCurrentMap(null);
    },
    [],
  );

  const basemapFailed = useRef(false);
  // Icons must be provided from the map's first frame: attach as soon as the instance exists.
  const setMapRef = useCallback((ref: MapRef | null) => {
    mapRef.current = ref;
    basemapFailed.current = false;
    const m = ref?.getMap() ?? null;
    m?.setMissingStyleImageResolver((id) => {
      provideIcon(m, id, layers);
    });
    setInstance(m);
  }, []);

  const onLoad = useCallback(() => {
    const m = mapRef.current?.getMap();
    const made = created.current;
    if (!m || !made) return;
    setCurrentMap(m);
    startSoftwareMode(m);
    // The applier starts from what the map was created with; changes made while it loaded follow at once.
    setLoaded({ key: made.key, map: m, applier: new StyleApplier(m, made.merged.sources, made.merged.layers) });
    // A basemap that failed to parse may do so before the map's load event: its message stays.
    if (!basemapFailed.current) useApp.getState().setMapStatus('ready');
  }, []);

  const onError = useCallback((e: MapErrorEvent & { sourceId?: string }) => {
    const message = e.error?.message ?? String(e.error);
    if (e.sourceId === SOURCE.counties || /counties/.test(message)) {
      basemapFailed.current = true;
      useApp.getState().setMapStatus('error', `${STRINGS[useApp.getState().lang].basemapFailed}${message}`);
    } else if (/webgl/i.test(message)) {
      // No WebGL (a virtual desktop, a blocked GPU): the static first map stays (src/ui/StaticMap.tsx).
      console.warn('map:', message);
      useApp.getState().setMapStatus('error', STRINGS[useApp.getState().lang].webglFailed);
    } else if (!mapRef.current) {
      useApp.getState().setMapStatus('error', message);
    } else {
      console.warn('map:', message);
    }
  }, []);

  const onMoveEnd = useCallback(() => {
    const m = mapRef.current?.getMap();
    if (!m) return;
    const c = m.getCenter();
    useApp.getState().setView({ center: [c.lng, c.lat], zoom: m.getZoom(), bearing: m.getBearing(), pitch: m.getPitch() });
  }, []);

  const ctx = useMemo<MapContext>(() => ({ datum, toMap: overlay.toMap, map }), [datum, overlay, map]);
  // A new basemap is a new map, opened where the last one was.
  const v = useApp.getState().view;
  return (
    <>
      {features.map((f) => (
        <FeatureHost key={f.id} feature={f} ctx={ctx} report={report} />
      ))}
      <ReactMap
        key={key}
        ref={setMapRef}
        mapLib={mapLib}
        mapStyle={created.current.style}
        initialViewState={
          v
            ? { longitude: v.center[0], latitude: v.center[1], zoom: v.zoom, bearing: v.bearing, pitch: v.pitch }
            : {
                bounds: HOME_BOUNDS,
                fitBoundsOptions: { padding: resolvePadding(OPENING_PADDING, innerWidth, innerHeight) },
              }
        }
        maxBounds={MAX_BOUNDS}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        attributionControl={false}
        onLoad={onLoad}
        onError={onError}
        onMoveEnd={onMoveEnd}
        style={{ position: 'absolute', inset: 0 }}
        canvasContextAttributes={{ preserveDrawingBuffer: new URLSearchParams(location.search).has('testing') }}
        cooperativeGestures={false}
        // Labels appear without a 300 ms cross-fade: each fade is a run of full redraws, costly in software
        // rendering, and a click landing in one waits for it.
        fadeDuration={0}
      >
        <NavigationControl position="top-right" showCompass visualizePitch />
        <ScaleControl position="bottom-left" unit="metric" />
        <AttributionControl
          key={`${lang}-${online?.config.id ?? 'embedded'}`}
          position="bottom-right"
          compact={false}
          customAttribution={mapCredits(lang, online?.config ?? null)}
        />
      </ReactMap>
    </>
  );
}
