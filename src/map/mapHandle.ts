/**
 * The app's own way to the MapLibre map (the PNG export, the print): set by the map owner when the map
 * has loaded, cleared when it goes. `window.__map` is the same map for tests and power users only.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

let current: MapLibreMap | null = null;

export const currentMap = (): MapLibreMap | null => current;

export function setCurrentMap(map: MapLibreMap | null): void {
  current = map;
  if (map) window.__map = map;
  else delete window.__map;
}
