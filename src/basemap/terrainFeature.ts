/**
 * The terrain on the map (src/map/registry.ts): hillshade over the basemap and under the sites, and 3D
 * terrain with its exaggeration, from the archive findArchives.ts found. The heights are WGS-84: they are
 * drawn only while the map is (a WGS-84 basemap such as the county map); over the embedded outlines, in
 * GCJ-02, they would stand about half a kilometre off, so they are not drawn and the control says why.
 */
import type { LayerSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import { useEffect, useMemo } from 'react';
import { HILLSHADE } from '../map/palette';
import type { Contribution, MapFeature } from '../map/registry';
import { archiveUrl } from '../map/style';
import { useTerrain } from './terrainState';

export const TERRAIN_SOURCE = { hillshade: 'terrain-hillshade', surface: 'terrain-surface' } as const;
export const HILLSHADE_LAYER = 'terrain-hillshade';

/** Sets the 3D surface once its source is on the map (the applier may add it after this runs). */
function setSurface(map: MapLibreMap, exaggeration: number | null): () => void {
  let live = true;
  const go = () => {
    if (!live) return;
    if (exaggeration === null) {
      if (map.getTerrain()) map.setTerrain(null);
      return;
    }
    if (!map.getSource(TERRAIN_SOURCE.surface)) {
      map.once('styledata', go);
      return;
    }
    map.setTerrain({ source: TERRAIN_SOURCE.surface, exaggeration });
  };
  go();
  return () => {
    live = false;
    map.off('styledata', go);
  };
}

export const terrainFeature: MapFeature = {
  id: 'terrain',
  useContribution: (ctx) => {
    const found = useTerrain((s) => s.found);
    const hillshade = useTerrain((s) => s.hillshade);
    const threeD = useTerrain((s) => s.threeD);
    const exaggeration = useTerrain((s) => s.exaggeration);
    const drawn = found !== null && ctx.datum === 'WGS-84';
    const map = ctx.map;
    useEffect(() => {
      if (!map) return;
      return setSurface(map, drawn && threeD ? exaggeration : null);
    }, [map, drawn, threeD, exaggeration]);
    return useMemo<Contribution | null>(() => {
      if (!found || !drawn) return null;
      const dem = (): SourceSpecification => ({
        type: 'raster-dem',
        url: `pmtiles://${archiveUrl(found.url)}`,
        encoding: found.encoding,
        tileSize: 256,
        ...(found.attribution ? { attribution: found.attribution } : {}),
      });
      const layers: LayerSpecification[] = hillshade
        ? [
            {
              id: HILLSHADE_LAYER,
              type: 'hillshade',
              source: TERRAIN_SOURCE.hillshade,
              paint: {
                'hillshade-exaggeration': 0.45,
                'hillshade-shadow-color': HILLSHADE.shadow,
                'hillshade-highlight-color': HILLSHADE.highlight,
                'hillshade-accent-color': HILLSHADE.accent,
              },
            },
          ]
        : [];
      // Two sources, as MapLibre advises (hillshade and the 3D surface want tiles at different zooms); a
      // source without a layer or the surface fetches nothing. Kept while drawn, so the surface is never
      // removed from under setTerrain.
      return {
        sources: { [TERRAIN_SOURCE.hillshade]: { spec: dem() }, [TERRAIN_SOURCE.surface]: { spec: dem() } },
        layers: { base: layers },
      };
    }, [found, drawn, hillshade]);
  },
};
