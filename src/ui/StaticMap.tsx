/**
 * The map before the map (scripts/lib/static-map.ts): the opening view as SVG and HTML, prerendered into
 * the first view and kept by the live page until MapLibre has drawn its first full frame (its first
 * `idle`), then removed — the WebGL map is beneath it, in the same place. Drawn with the county basemap
 * (the build found one beside the app: `data-county`), it stays until the county map is drawn too, or
 * is known not to come (absent, broken, another basemap chosen), so the roads do not vanish and come
 * back. It goes at once if the map moves or the window is resized first (MapLibre keeps its camera
 * where the static map would refit), and stays, under the error message, when the map cannot start.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useState } from 'react';
import { archivesSettled, COUNTY_BASEMAP_ID } from '../basemap/findArchives';
import { SOURCE } from '../map/ids';
import { currentMap, onMapChange } from '../map/mapHandle';
import { useApp } from '../state/store';
import { useFirstView } from './firstView';

/** A county map slower than this (a very slow disk or server) no longer holds the static map back. */
const COUNTY_WAIT_MS = 15_000;

let captured: string | null = null;

/** Takes the static map from the prerendered first view before the app replaces it (src/app/main.tsx). */
export function captureStaticMap(): void {
  const shown = !document.documentElement.classList.contains('no-shell');
  captured = shown ? (document.querySelector('.shell [data-static-map]')?.innerHTML ?? null) : null;
  if (captured === '') captured = null;
}

function useMapDrawn(): boolean {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    if (!captured) return;
    const done = () => setDrawn(true);
    window.addEventListener('resize', done, { once: true });
    let off: (() => void) | null = null;
    const county = captured.includes('data-county');
    let settled = !county;
    let watched: MapLibreMap | null = null;
    // Drawn: loaded and its tiles in, with the county map when that is the basemap (its source in the style).
    const whenDrawn = (map: MapLibreMap, idle: boolean) => {
      if (!settled) return;
      if (useApp.getState().basemapId === COUNTY_BASEMAP_ID && !map.getSource(SOURCE.onlineBasemap)) return;
      if (idle) done();
      else if (map.loaded() && map.areTilesLoaded()) {
        map.once('render', done);
        map.triggerRepaint();
      }
    };
    const onIdle = () => watched && whenDrawn(watched, true);
    if (county)
      void archivesSettled.then(() => {
        settled = true;
        if (watched) whenDrawn(watched, false);
      });
    const timer = county ? setTimeout(done, COUNTY_WAIT_MS) : undefined;
    const watch = (map: ReturnType<typeof currentMap>) => {
      if (!map) return;
      watched = map;
      map.once('movestart', done);
      map.on('idle', onIdle);
      whenDrawn(map, false);
      off?.();
      off = null;
    };
    if (currentMap()) watch(currentMap());
    else off = onMapChange(watch);
    return () => {
      window.removeEventListener('resize', done);
      clearTimeout(timer);
      watched?.off('idle', onIdle);
      off?.();
    };
  }, []);
  return drawn;
}

export function StaticMap() {
  const first = useFirstView();
  const drawn = useMapDrawn();
  // The build fills this slot (vite.config.ts, prerender-shell).
  if (first) return <div className="static-map" data-static-map="" />;
  if (!captured || drawn) return null;
  // The build's own markup (no text from data or users): inserted as it was prerendered.
  // biome-ignore lint/security/noDangerouslySetInnerHtml: markup made by the build from geodata/, not user input
  return <div className="static-map" aria-hidden="true" dangerouslySetInnerHTML={{ __html: captured }} />;
}
