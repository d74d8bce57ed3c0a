/**
 * The one owner of the MapLibre instance, and nothing more: it creates the map (once per basemap, with
 * the whole style), merges what the features draw (registry.ts) and hands each change to the map
 * through StyleApplier, passes pointer events to the features' handlers for the interaction mode and
 * map errors to the feature whose they are, and tells the camera (cameraApi.ts) what the features'
 * panels cover. It knows no feature: the composition root (src/app/AppMap.tsx) gives it the list.
 * The app's code reaches the map through mapHandle.ts, tests and power users through window.__map.
 *
 * It owns `maplibregl.Map` directly rather than through a React binding: the app's applier already
 * does what `<Source>`/`<Layer>` would, and the binding's `<Map>` read MapLibre's private
 * `style._loaded` on every `sourcedata` event.
 */

import './map.css';
import type { Map as MapLibreMap, MapMouseEvent, AttributionControl as MlAttributionControl } from 'maplibre-gl';
import { type ReactNode, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { layers, meta } from '../data/geodata';
import { FONT_FAMILY } from '../fonts';
import { mapCredits } from '../i18n/attribution';
import { STRINGS } from '../i18n/strings';
import { useApp } from '../state/store';
import { initialStyle, StyleApplier } from './applier';
import { HOME_BOUNDS, MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM, OPENING_PADDING, resolvePadding } from './camera';
import { attachCamera, setCovers } from './cameraApi';
import { provideIcon } from './icons';
import { mapFonts } from './mapFonts';
import { setCurrentMap } from './mapHandle';
import {
  type Contribution,
  currentMode,
  dispatch,
  handlersFor,
  type MapContext,
  type MapError,
  type MapFeature,
  MOUSE_EVENTS,
  mergeContributions,
  onModeChange,
} from './registry';
import { startSoftwareMode } from './softwareMode';
import { baseStyle } from './style';
import { LARGE_TEXT, scaleLayerText } from './textScale';
import { useOnlineBasemap, useOnlineFallback } from './useOnlineBasemap';

declare global {
  interface Window {
    __map?: MapLibreMap;
  }
}

const setup = import('./setup');
const mapLib = setup.then((m) => m.default);

/** A lost WebGL context not restored within this long is said to be lost. */
const WEBGL_RESTORE_MS = 5000;
/** A map not loaded this long after it was made is asked whether its worker script could start. */
const WORKER_CHECK_MS = 3000;

type Reported = Contribution | null;

/** Runs one feature's hook and reports what it draws; a component, so each feature re-renders alone. */
function FeatureHost({
  feature,
  ctx,
  report,
}: {
  feature: MapFeature;
  ctx: MapContext;
  report: (id: string, c: Reported) => void;
}): ReactNode {
  const contribution = feature.useContribution?.(ctx) ?? null;
  useEffect(() => report(feature.id, contribution), [feature.id, contribution, report]);
  return null;
}

/** An error no feature took: the worker or WebGL refused (the static first map stays), a map that could not be made, or a warning. */
function generalError(e: MapError, made: boolean): void {
  const message = e.error?.message ?? String(e.error);
  const app = useApp.getState();
  if (/worker failed to load/i.test(message)) {
    // The module worker refused (a static host sending .mjs with an old MIME type): nothing will draw.
    console.warn('map:', message);
    app.setMapStatus('error', STRINGS[app.lang].workerFailed);
  } else if (/webgl/i.test(message)) {
    // No WebGL (a virtual desktop, a blocked GPU): the static first map stays (src/ui/StaticMap.tsx).
    console.warn('map:', message);
    app.setMapStatus('error', STRINGS[app.lang].webglFailed);
  } else if (!made) app.setMapStatus('error', message);
  else console.warn('map:', message);
}

interface Loaded {
  key: string;
  map: MapLibreMap;
  applier: StyleApplier;
}

export default function MapView({ features }: { features: readonly MapFeature[] }) {
  const lang = useApp((s) => s.lang);
  const container = useRef<HTMLDivElement | null>(null);
  const { online, overlay } = useOnlineBasemap();
  const datum = online?.config.datum ?? meta.datum;

  // What the features draw, as they last reported it.
  const [reported, setReported] = useState<Record<string, Reported>>({});
  const report = useCallback((id: string, c: Reported) => setReported((r) => (id in r && r[id] === c ? r : { ...r, [id]: c })), []);
  // Larger labels in the large-text mode (适老化).
  const textScale = useApp((s) => (s.textSize === 'large' ? LARGE_TEXT : 1));
  const merged = useMemo(() => {
    const m = mergeContributions(features.map((f) => reported[f.id] ?? null));
    return textScale === 1 ? m : { ...m, layers: scaleLayerText(m.layers, textScale) };
  }, [features, reported, textScale]);
  // The map is made once every feature has said what it draws, so its first frame has everything.
  const ready = features.every((f) => f.id in reported);

  // A vector basemap brings a style of its own under ours: a new map for it (the key); a raster one is
  // a source and a layer like any other.
  const key = online?.vectorStyle ? `vector:${online.config.id}` : 'own';
  const [instance, setInstance] = useState<MapLibreMap | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // While the WebGL context is lost MapLibre holds no style: nothing may be applied to it or asked of it.
  const [contextLost, setContextLost] = useState(false);
  const map = loaded?.key === key && !contextLost ? loaded.map : null;

  // What the map is made with: the state at the moment it is made (kept current after each render).
  const latest = useRef({ merged, online, features });
  useLayoutEffect(() => {
    latest.current = { merged, online, features };
  });

  useEffect(() => {
    const el = container.current;
    if (!ready || !el) return;
    let live = true;
    let made: MapLibreMap | null = null;
    void mapLib.then((maplibregl) => {
      if (!live) return;
      const { merged: m0, online: o0 } = latest.current;
      const v = useApp.getState().view;
      const onError = (e: MapError) => {
        if (!latest.current.features.some((f) => f.onError?.(e))) generalError(e, made !== null);
      };
      try {
        made = new maplibregl.Map({
          container: el,
          style: initialStyle(baseStyle({ online: o0, fonts: mapFonts(), fontFamily: FONT_FAMILY }), m0.sources, m0.layers),
          // A new basemap is a new map, opened where the last one was.
          ...(v
            ? { center: v.center, zoom: v.zoom, bearing: v.bearing, pitch: v.pitch }
            : { bounds: HOME_BOUNDS, fitBoundsOptions: { padding: resolvePadding(OPENING_PADDING, innerWidth, innerHeight) } }),
          maxBounds: MAX_BOUNDS,
          minZoom: MIN_ZOOM,
          maxZoom: MAX_ZOOM,
          attributionControl: false,
          canvasContextAttributes: { preserveDrawingBuffer: new URLSearchParams(location.search).has('testing') },
          // Labels appear without a 300 ms cross-fade: each fade is a run of full redraws, costly in software
          // rendering, and a click landing in one waits for it.
          fadeDuration: 0,
        });
      } catch (error) {
        onError({ type: 'error', error: error as Error } as MapError);
        return;
      }
      const m = made;
      // Icons must be provided from the map's first frame.
      m.setMissingStyleImageResolver((id) => {
        provideIcon(m, id, layers);
      });
      m.addControl(new maplibregl.NavigationControl({ showCompass: true, visualizePitch: true }), 'top-right');
      m.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
      m.on('error', onError);
      // A GPU reset or driver crash loses the context; MapLibre draws again when it is restored. When it is
      // not, the map stays blank: said, with the static map and the panels still there.
      let lost: ReturnType<typeof setTimeout> | undefined;
      let saidLost = false;
      m.on('webglcontextlost', () => {
        setContextLost(true);
        clearTimeout(lost);
        lost = setTimeout(() => {
          const app = useApp.getState();
          saidLost = true;
          app.setMapStatus('error', STRINGS[app.lang].webglLost);
        }, WEBGL_RESTORE_MS);
      });
      m.on('webglcontextrestored', () => {
        setContextLost(false);
        clearTimeout(lost);
        // Restored late: the message this map gave goes (another failure's stays).
        if (saidLost) useApp.getState().setMapStatus('ready');
        saidLost = false;
      });
      m.on('moveend', () => {
        const c = m.getCenter();
        useApp.getState().setView({ center: [c.lng, c.lat], zoom: m.getZoom(), bearing: m.getBearing(), pitch: m.getPitch() });
      });
      // A worker that fails before the map listens to it is never reported: a map slow to load asks why.
      const slow = setTimeout(() => {
        if (m.loaded()) return;
        void setup
          .then((s) => s.workerScriptProblem())
          .then((problem) => {
            if (!problem || !live) return;
            console.warn(`map: the worker script ${problem}`);
            const app = useApp.getState();
            app.setMapStatus('error', `${STRINGS[app.lang].workerFailed} (${problem})`);
          });
      }, WORKER_CHECK_MS);
      m.once('load', () => {
        clearTimeout(slow);
        if (!live) return;
        setCurrentMap(m);
        startSoftwareMode(m);
        // The applier starts from what the map was made with; changes made while it loaded follow at once.
        setLoaded({ key, map: m, applier: new StyleApplier(m, m0.sources, m0.layers) });
        // A feature's failure before the load event (the counties file) keeps its message.
        if (useApp.getState().mapStatus !== 'error') useApp.getState().setMapStatus('ready');
      });
      setInstance(m);
    });
    return () => {
      live = false;
      setCurrentMap(null);
      setInstance(null);
      made?.remove();
    };
  }, [ready, key]);

  // Every later change reaches the loaded map as the few calls it needs (those made while the context was
  // lost, once it is back: MapLibre restores the style it had, the applier brings it up to date).
  useEffect(() => {
    if (loaded?.key === key && !contextLost) loaded.applier.apply(merged.sources, merged.layers);
  }, [loaded, key, merged, contextLost]);

  // In the tour, arrow keys belong to the presenter's clicker, not to panning.
  useEffect(() => {
    if (!map) return;
    if (merged.keyboard) map.keyboard.enable();
    else map.keyboard.disable();
  }, [map, merged.keyboard]);

  // Every camera move keeps clear of what the features' panels cover at that moment.
  useEffect(() => {
    setCovers((mapRect) => features.flatMap((f) => f.covers?.(mapRect) ?? []));
    return () => setCovers(() => []);
  }, [features]);

  // Watched from the map's creation: its first tiles (or errors) may come before it has loaded.
  useOnlineFallback(instance, online);

  // The attribution follows the language and the basemap.
  useEffect(() => {
    if (!instance) return;
    let control: MlAttributionControl | null = null;
    let live = true;
    // The map may be removed before this clean-up runs (its own clean-up comes first when the map goes).
    let removed = false;
    const onRemove = () => {
      removed = true;
    };
    instance.once('remove', onRemove);
    void mapLib.then((maplibregl) => {
      if (!live) return;
      control = new maplibregl.AttributionControl({ compact: false, customAttribution: mapCredits(lang, online?.config ?? null) });
      instance.addControl(control, 'bottom-right');
    });
    return () => {
      live = false;
      instance.off('remove', onRemove);
      if (control && !removed) instance.removeControl(control);
    };
  }, [instance, lang, online]);

  // Pointer events: to the features' handlers for the mode, the first that takes one keeps it.
  useEffect(() => {
    if (!map) return;
    const ctx = { map, datum };
    const applyMode = () => {
      const hs = handlersFor(features, currentMode());
      map.getCanvas().style.cursor = hs.find((h) => h.cursor)?.cursor ?? '';
      if (hs.some((h) => h.doubleClickZoom === false)) map.doubleClickZoom.disable();
      else map.doubleClickZoom.enable();
    };
    const off = MOUSE_EVENTS.map((name) => {
      const fn = (e: MapMouseEvent) => {
        dispatch(handlersFor(features, currentMode()), name, e, ctx);
      };
      map.on(name, fn);
      return () => map.off(name, fn);
    });
    applyMode();
    const offMode = onModeChange(applyMode);
    return () => {
      for (const o of off) o();
      offMode();
      map.doubleClickZoom.enable();
    };
  }, [map, features, datum]);

  // The camera follows the loaded map; nothing may keep moving a removed one.
  useEffect(() => {
    if (!map) return;
    attachCamera({ map, toMap: overlay.toMap });
    return () => attachCamera(null);
  }, [map, overlay]);

  const ctx = useMemo<MapContext>(() => ({ datum, toMap: overlay.toMap, online, overlay, map }), [datum, overlay, online, map]);
  return (
    <>
      {features.map((f) => (
        <FeatureHost key={f.id} feature={f} ctx={ctx} report={report} />
      ))}
      <div key={key} ref={container} className="map-canvas-host" style={{ position: 'absolute', inset: 0 }} />
    </>
  );
}
