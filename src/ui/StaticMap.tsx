/**
 * The map before the map (scripts/lib/static-map.ts): the opening view as SVG and HTML, prerendered into
 * the first view and kept by the live page until MapLibre has drawn its first full frame (its first
 * `idle`), then removed — the WebGL map is beneath it, in the same place. It goes at once if the map
 * moves or the window is resized first (MapLibre keeps its camera where the static map would refit),
 * and stays, under the error message, when the interactive map cannot start.
 */
import { useEffect, useState } from 'react';
import { currentMap, onMapChange } from '../map/mapHandle';
import { useFirstView } from './firstView';

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
    const watch = (map: ReturnType<typeof currentMap>) => {
      if (!map) return;
      map.once('movestart', done);
      if (map.loaded() && map.areTilesLoaded()) map.once('render', done);
      else map.once('idle', done);
      off?.();
      off = null;
    };
    if (currentMap()) watch(currentMap());
    else off = onMapChange(watch);
    return () => {
      window.removeEventListener('resize', done);
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
