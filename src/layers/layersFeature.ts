/**
 * Every layer a user added, as one map feature (src/map/registry.ts): a source per layer and its
 * layers from the one builder, in the imports slot under the sites, in the map's datum. A click on a
 * drawn feature is found by `userFeatureAt` for the kind that shows it (src/tiles shows an archive's).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useMemo } from 'react';
import { FONT_FAMILY } from '../fonts';
import type { Contribution, MapContext, MapFeature, SourceEntry } from '../map/registry';
import { adapterOf } from './kinds';
import { useLayers } from './layersState';
import { LAYER_SUFFIXES, userLayerSpecs } from './mapLayers';
import { isDrawable, isImagery, type UserLayer } from './model';

function useLayersContribution(ctx: MapContext): Contribution | null {
  const layers = useLayers((s) => s.layers);
  const mapDatum = ctx.datum;
  return useMemo(() => {
    // Pictures (map services, image archives) lowest, the vector layers over them.
    const drawn = [...layers.filter(isImagery), ...layers.filter((l) => !isImagery(l))].filter(isDrawable);
    if (drawn.length === 0) return null;
    const sources: Record<string, SourceEntry> = {};
    for (const l of drawn) sources[adapterOf(l).sourceId(l)] = adapterOf(l).source(l, mapDatum);
    const specs = drawn.flatMap((l) =>
      adapterOf(l)
        .parts(l)
        .flatMap((p) => userLayerSpecs(l, p, [FONT_FAMILY])),
    );
    return { sources, layers: { imports: specs } };
  }, [layers, mapDatum]);
}

export const layersMapFeature: MapFeature = {
  id: 'layers',
  useContribution: useLayersContribution,
  // A map service's or an image archive's tile faults are told on its layer by src/services (protocol.ts), not as map errors.
  onError: (e) => Boolean(e.sourceId?.startsWith('service-') || e.sourceId?.startsWith('tiled-image-')),
};

/** The user layer that drew a MapLibre layer, if any. */
export function ownerOf(mapLayerId: string, layers: readonly UserLayer[] = useLayers.getState().layers): UserLayer | undefined {
  return layers.find((l) =>
    adapterOf(l)
      .parts(l)
      .some((p) => LAYER_SUFFIXES.some((s) => mapLayerId === `${p.idBase}-${s}`)),
  );
}

/** The feature on top at a point, when a user layer drew it (a site drawn over a parcel is the site's). */
export function userFeatureAt(map: MapLibreMap, point: { x: number; y: number }) {
  const top = map.queryRenderedFeatures([point.x, point.y])[0];
  const layer = top ? ownerOf(top.layer.id) : undefined;
  return top && layer ? { layer, sourceLayer: String(top.sourceLayer ?? ''), properties: { ...top.properties } } : null;
}
