/**
 * The one owner of the MapLibre instance. It renders the style the pure builder
 * makes from the store, turns clicks and hovers into store updates, and carries out
 * camera requests. Nothing else touches the map: the app's own code reaches it through mapHandle.ts
 * (set here), tests and power users through window.__map.
 */

import { AttributionControl, type MapRef, NavigationControl, Map as ReactMap, ScaleControl } from '@vis.gl/react-maplibre';
import type { ErrorEvent as MapErrorEvent, MapLayerMouseEvent, Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { layers, meta } from '../data/geodata';
import { FONT_FAMILY, fontFaces } from '../fonts';
import { mapCredits } from '../i18n/attribution';
import { STRINGS } from '../i18n/strings';
import { type StopCamera, useApp } from '../state/store';
import { useTools } from '../tools/toolsState';
import { useTour } from '../tour/tourState';
import { type CameraTarget, HOME_BOUNDS, HOME_TARGET, MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM, targetForSite } from './camera';
import { provideIcon } from './icons';
import { INTERACTIVE_LAYERS, SOURCE } from './ids';
import { setCurrentMap } from './mapHandle';
import { keepUnchangedSources } from './stableSources';
import { buildStyle, chosenIds } from './style';
import { useAfterPaint } from './useAfterPaint';
import { useChosenState } from './useChosenState';
import { type Overlay, useOnlineBasemap } from './useOnlineBasemap';
import { useToolInteractions } from './useToolInteractions';
import { useToolOverlay } from './useToolOverlay';

declare global {
  interface Window {
    __map?: MapLibreMap;
  }
}

const mapLib = import('./setup').then((m) => m.default);
const NO_HIGHLIGHT: string[] = [];
const attached = new WeakSet<MapLibreMap>();

const prefersReducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Padding persists in MapLibre's camera: moves outside the tour reset it. */
const NO_PADDING = { top: 0, bottom: 0, left: 0, right: 0 };

function moveCamera(map: MapLibreMap, target: CameraTarget) {
  const animate = !prefersReducedMotion();
  const narrow = map.getContainer().clientWidth < 700;
  const padding = narrow
    ? { top: 40, bottom: Math.round(map.getContainer().clientHeight * 0.52), left: 30, right: 30 }
    : { top: 60, bottom: 60, left: 60, right: 60 };
  if (target.type === 'fit') {
    map.fitBounds(target.bounds, { padding, maxZoom: target.maxZoom, animate, duration: animate ? 1400 : 0 });
  } else if (animate) {
    map.flyTo({ center: target.center, zoom: target.zoom, padding: narrow ? padding : NO_PADDING, speed: 1.4 });
  } else {
    map.jumpTo({ center: target.center, zoom: target.zoom, padding: narrow ? padding : NO_PADDING });
  }
}

/** On a phone the bottom sheet covers the lower half of the map: fit the county above it. */
function openingPadding() {
  if (typeof innerWidth !== 'number' || innerWidth >= 700) return 30;
  return { top: 20, left: 20, right: 20, bottom: Math.round(innerHeight * 0.4) };
}

/** The tour's caption card covers the lower left (a phone's lower half): frame the stop beside it. */
function tourPadding(map: MapLibreMap) {
  const { clientWidth: w, clientHeight: h } = map.getContainer();
  if (w < 700) return { top: 30, left: 20, right: 20, bottom: Math.round(h * 0.55) };
  const card = document.querySelector('.tour-card')?.getBoundingClientRect();
  const left = Math.min(Math.round((card?.width ?? 560) + 40), Math.round(w * 0.5));
  return { top: 50, left, right: 60, bottom: 60 };
}

function flyToStop(map: MapLibreMap, stop: StopCamera, toMap: Overlay['toMap']) {
  const c = { ...stop, center: toMap(stop.center) };
  if (stop.bounds) {
    const [w, s, e, n] = stop.bounds;
    const sw = toMap([w, s]);
    const ne = toMap([e, n]);
    c.bounds = [sw[0], sw[1], ne[0], ne[1]];
  }
  const animate = !prefersReducedMotion();
  const duration = animate ? 2200 : 0;
  const padding = tourPadding(map);
  if (c.bounds) {
    map.fitBounds(c.bounds, { bearing: c.bearing, pitch: c.pitch, padding, duration, animate });
  } else if (animate) {
    map.flyTo({ center: c.center, zoom: c.zoom, bearing: c.bearing, pitch: c.pitch, padding, duration, essential: false });
  } else {
    map.jumpTo({ center: c.center, zoom: c.zoom, bearing: c.bearing, pitch: c.pitch, padding });
  }
}

export default function MapView() {
  const lang = useApp((s) => s.lang);
  // The panel paints first; the map follows the selection a frame later (see useAfterPaint).
  const selectedId = useAfterPaint(useApp((s) => s.selectedId));
  const visibleLayers = useApp((s) => s.visibleLayers);
  const opacity = useApp((s) => s.opacity);
  const statuses = useApp((s) => s.statuses);
  const precisions = useApp((s) => s.precisions);
  const camera = useApp((s) => s.camera);
  const emphasis = useApp((s) => s.emphasis);
  const touring = useTour((s) => s.active);
  const mapRef = useRef<MapRef | null>(null);
  // Icons must be provided from the map's first frame: attach as soon as the instance exists.
  const setMapRef = useCallback((ref: MapRef | null) => {
    mapRef.current = ref;
    const map = ref?.getMap();
    if (map && !attached.has(map)) {
      attached.add(map);
      map.setMissingStyleImageResolver((id) => {
        provideIcon(map, id, layers);
      });
      // Every later style goes through the diff with unchanged GeoJSON sources kept out of it.
      const setStyle = map.setStyle.bind(map);
      let applied: StyleSpecification | null = null;
      map.setStyle = (next, options) => {
        // Before the first call, the style the map was created with (as MapLibre keeps it).
        const before = applied ?? (map.style as { stylesheet?: StyleSpecification } | undefined)?.stylesheet ?? null;
        applied = typeof next === 'object' ? (next as StyleSpecification) : null;
        return setStyle(next, {
          ...options,
          // MapLibre validates the whole next style on every diff: 1–2 ms here, and its validator was
          // re-optimised by V8 about three times per tour loop. The first style (with an online basemap's
          // own layers: the map is remounted per basemap) is validated when the map is created; later ones
          // differ only in the builder's parts, which tests/unit/style.test.ts checks against the spec.
          validate: options?.validate ?? false,
          transformStyle: (current, proposed) =>
            // A style being diffed is loaded; one loaded afresh (MapLibre's fallback) is not yet.
            keepUnchangedSources(
              current as StyleSpecification | undefined,
              proposed,
              before,
              Boolean((map.style as { _loaded?: boolean })._loaded),
            ),
        });
      };
    }
  }, []);
  const hovered = useRef<string | null>(null);

  const initialView = useRef(useApp.getState().view);

  const fonts = useMemo(() => fontFaces(), []);
  const { online, overlay } = useOnlineBasemap(mapRef);
  const overlayRef = useRef(overlay);
  overlayRef.current = overlay;
  const mapDatum = online?.config.datum ?? meta.datum;
  const tools = useToolOverlay(mapDatum, selectedId);
  const mapReady = useApp((s) => s.mapStatus === 'ready');
  useToolInteractions(mapRef, mapDatum, mapReady);
  const chosen = useMemo(() => chosenIds(selectedId, emphasis?.highlight ?? NO_HIGHLIGHT), [emphasis, selectedId]);
  useChosenState(mapRef, chosen, mapReady);
  const style = useMemo(
    () =>
      buildStyle({
        lang,
        fonts,
        fontFamily: FONT_FAMILY,
        counties: overlay.counties,
        online,
        countyLabels: overlay.countyLabels,
        layers,
        sites: overlay.sites,
        siteLabels: overlay.siteLabels,
        connections: overlay.connections,
        visibleLayers,
        opacity,
        statuses,
        precisions,
        selectedId,
        highlightIds: emphasis?.highlight ?? NO_HIGHLIGHT,
        circles: emphasis?.circles ? overlay.circles : null,
        tools,
      }),
    [lang, fonts, overlay, online, visibleLayers, opacity, statuses, precisions, selectedId, emphasis, tools],
  );

  // Camera requests from the list, search, URL and buttons.
  useEffect(() => {
    const map = mapRef.current?.getMap();
    if (!map || !camera) return;
    if (camera.kind === 'home') moveCamera(map, HOME_TARGET);
    else if (camera.kind === 'stop') flyToStop(map, camera.camera, overlayRef.current.toMap);
    else if (camera.kind === 'bounds') {
      const [w, s, e, n] = camera.bounds;
      const sw = overlayRef.current.toMap([w, s]);
      const ne = overlayRef.current.toMap([e, n]);
      moveCamera(map, { type: 'fit', bounds: [sw[0], sw[1], ne[0], ne[1]], maxZoom: 15 });
    } else if (camera.kind === 'point')
      moveCamera(map, { type: 'center', center: overlayRef.current.toMap(camera.at), zoom: Math.max(map.getZoom(), 14) });
    else if (camera.kind === 'view')
      map.jumpTo({ center: camera.view.center, zoom: camera.view.zoom, bearing: camera.view.bearing, pitch: camera.view.pitch });
    else {
      const site = overlayRef.current.siteIndex.get(camera.id);
      if (site) moveCamera(map, targetForSite(site, overlayRef.current.seat));
    }
  }, [camera]);

  // In the tour, arrow keys belong to the presenter's clicker, not to panning.
  useEffect(() => {
    const map = mapRef.current?.getMap();
    if (!map) return;
    if (touring) map.keyboard.disable();
    else map.keyboard.enable();
  }, [touring]);

  // The map goes with this component: nothing may keep drawing on a removed map.
  useEffect(() => () => setCurrentMap(null), []);

  const onLoad = useCallback(() => {
    const map = mapRef.current?.getMap();
    if (!map) return;
    setCurrentMap(map);
    useApp.getState().setMapStatus('ready');
    // A camera request made before the map existed (e.g. ?site= in the link) is carried out now.
    const pending = useApp.getState().camera;
    const o = overlayRef.current;
    if (pending?.kind === 'site' && !initialView.current) {
      const site = o.siteIndex.get(pending.id);
      if (site) moveCamera(map, targetForSite(site, o.seat));
    } else if (pending?.kind === 'stop') flyToStop(map, pending.camera, o.toMap);
  }, []);

  const onError = useCallback((e: MapErrorEvent & { sourceId?: string }) => {
    const message = e.error?.message ?? String(e.error);
    if (e.sourceId === SOURCE.counties || /counties/.test(message)) {
      useApp.getState().setMapStatus('error', `${STRINGS[useApp.getState().lang].basemapFailed}${message}`);
    } else if (!mapRef.current) {
      useApp.getState().setMapStatus('error', message);
    } else {
      console.warn('map:', message);
    }
  }, []);

  const setHover = useCallback((id: string | null) => {
    const map = mapRef.current?.getMap();
    if (!map || hovered.current === id) return;
    if (hovered.current) map.setFeatureState({ source: SOURCE.sites, id: hovered.current }, { hover: false });
    hovered.current = id;
    if (id) map.setFeatureState({ source: SOURCE.sites, id }, { hover: true });
    map.getCanvas().style.cursor = id ? 'pointer' : '';
  }, []);

  const onMouseMove = useCallback(
    (e: MapLayerMouseEvent) => setHover((e.features?.[0]?.properties?.id as string | undefined) ?? null),
    [setHover],
  );
  const onMouseLeave = useCallback(() => setHover(null), [setHover]);
  const onClick = useCallback((e: MapLayerMouseEvent) => {
    if (useTools.getState().mode !== 'none') return; // the tools take the click
    const id = e.features?.[0]?.properties?.id as string | undefined;
    if (id) useApp.getState().select(id);
  }, []);

  const onMoveEnd = useCallback(() => {
    const map = mapRef.current?.getMap();
    if (!map) return;
    const c = map.getCenter();
    useApp.getState().setView({ center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() });
  }, []);

  const v = initialView.current;
  return (
    <ReactMap
      ref={setMapRef}
      mapLib={mapLib}
      mapStyle={style}
      initialViewState={
        v
          ? { longitude: v.center[0], latitude: v.center[1], zoom: v.zoom, bearing: v.bearing, pitch: v.pitch }
          : { bounds: HOME_BOUNDS, fitBoundsOptions: { padding: openingPadding() } }
      }
      maxBounds={MAX_BOUNDS}
      minZoom={MIN_ZOOM}
      maxZoom={MAX_ZOOM}
      interactiveLayerIds={[...INTERACTIVE_LAYERS]}
      attributionControl={false}
      onLoad={onLoad}
      onError={onError}
      onMouseMove={onMouseMove}
      onMouseLeave={onMouseLeave}
      onClick={onClick}
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
  );
}
