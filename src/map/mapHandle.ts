/**
 * The app's own way to the MapLibre map (the PNG export, the print, the static first map): set by the
 * map owner when the map has loaded, cleared when it goes. `window.__map` is the same map for tests and
 * power users only.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

let current: MapLibreMap | null = null;
const listeners = new Set<(map: MapLibreMap | null) => void>();

export const currentMap = (): MapLibreMap | null => current;

export function setCurrentMap(map: MapLibreMap | null): void {
  current = map;
  if (map) window.__map = map;
  else delete window.__map;
  for (const l of listeners) l(map);
}

/** Called with the map each time one has loaded (and with null when it goes); returns the unsubscribe. */
export function onMapChange(listener: (map: MapLibreMap | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Resolves once the map has drawn what it was last given (its next `idle`), at most `maxMs` later, at
 * once without a map: work that can wait (storing a large import) keeps off the main thread meanwhile.
 */
export function afterMapDrawn(maxMs = 15_000): Promise<void> {
  return new Promise((resolve) => {
    // Two frames first: data handed over in this task reaches the map in the next render.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const map = current;
        if (!map || (map.loaded() && map.areTilesLoaded() && !map.isMoving())) return resolve();
        const done = () => {
          clearTimeout(timer);
          map.off('idle', done);
          resolve();
        };
        const timer = setTimeout(done, maxMs);
        map.once('idle', done);
      }),
    );
  });
}
