import type { MapRef } from '@vis.gl/react-maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { type RefObject, useEffect, useRef } from 'react';
import { SOURCE } from './ids';

/** The sources whose paint reads the `selected` feature state (src/map/style.ts). */
const CHOSEN_SOURCES = [SOURCE.sites, SOURCE.connections] as const;

/**
 * Sets `selected` in the map's feature state for `ids` (the selection and a tour stop's highlights) and
 * clears it for the ids marked before. Self-healing: a style loaded afresh starts with no state, so each
 * id is checked, not assumed.
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
 * Keeps the chosen sites marked on the map: on each change of `ids`, once the map is ready, and after
 * every style change (a basemap whose style cannot be diffed replaces the sources).
 */
export function useChosenState(mapRef: RefObject<MapRef | null>, ids: readonly string[], mapReady: boolean): void {
  const marked = useRef<readonly string[]>([]);
  useEffect(() => {
    const map = mapRef.current?.getMap();
    if (!map || !mapReady) return;
    const apply = () => {
      markChosen(map, ids, marked.current);
      marked.current = ids;
    };
    apply();
    map.on('styledata', apply);
    return () => {
      map.off('styledata', apply);
    };
  }, [mapRef, ids, mapReady]);
}
