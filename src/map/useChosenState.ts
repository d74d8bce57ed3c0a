import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { SOURCE } from './ids';

/** The sources whose paint reads the `selected` feature state (src/map/style.ts). */
const CHOSEN_SOURCES = [SOURCE.sites, SOURCE.connections] as const;

/**
 * Sets `selected` in the map's feature state for `ids` (the selection and a tour stop's highlights) and
 * clears it for the ids marked before. Each id is checked, not assumed (a source added again starts with no state).
 */
export function markChosen(map: MapLibreMap, ids: readonly string[], before: readonly string[]): void {
  for (const source of CHOSEN_SOURCES) {
    if (!map.getSource(source)) continue;
    for (const id of before) if (!ids.includes(id)) map.removeFeatureState({ source, id }, 'selected');
    for (const id of ids)
      if (map.getFeatureState({ source, id })?.selected !== true) map.setFeatureState({ source, id }, { selected: true });
  }
}

/**
 * Keeps the chosen sites marked on the loaded map, on each change of `ids`, and again when the map
 * comes back from a lost WebGL context (MapLibre rebuilds its style from a snapshot then, and the new
 * sources start with no feature state: marked again once that style has loaded).
 */
export function useChosenState(map: MapLibreMap | null, ids: readonly string[]): void {
  const marked = useRef<{ map: MapLibreMap; ids: readonly string[] } | null>(null);
  useEffect(() => {
    if (!map) return;
    markChosen(map, ids, marked.current?.map === map ? marked.current.ids : []);
    marked.current = { map, ids };
    const again = () => markChosen(map, ids, []);
    map.on('style.load', again);
    return () => {
      map.off('style.load', again);
    };
  }, [map, ids]);
}
