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
