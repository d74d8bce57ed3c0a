/**
 * Tiled layers' own part on the map (src/map/registry.ts): a click that shows the attributes of the
 * archive's feature on top. The layers themselves are drawn by the one user-layer feature
 * (src/layers/layersFeature.ts). Light: the pmtiles library is not imported here.
 */

import { userFeatureAt } from '../layers/layersFeature';
import { layersOf } from '../layers/layersState';
import type { MapFeature } from '../map/registry';
import { useTiles } from './tilesState';

export const tilesMapFeature: MapFeature = {
  id: 'tiles',
  modes: {
    browse: {
      click: (e, { map }) => {
        const { pick, picked } = useTiles.getState();
        if (layersOf('tiled').length === 0) return false;
        const hit = userFeatureAt(map, e.point);
        if (hit?.layer.kind !== 'tiled') {
          if (picked) pick(null);
          return false;
        }
        pick({ layerId: hit.layer.id, sourceLayer: hit.sourceLayer, properties: hit.properties });
        return true;
      },
    },
  },
};
