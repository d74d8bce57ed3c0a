/**
 * The layer control stands over the map's left side when open: as a map feature it tells the camera
 * what it covers, measured at each move (its height follows the layers listed), so a fitted layer or a
 * flight to a site does not land under it.
 */
import { coverOf, measured } from '../map/camera';
import type { MapFeature } from '../map/registry';

export const layerControlFeature: MapFeature = {
  id: 'layer-control',
  covers: (mapRect) => {
    const body = document.querySelector('.layer-control.open .layer-control-body');
    const cover = body ? coverOf(body.getBoundingClientRect(), mapRect) : null;
    return cover ? measured(cover) : null;
  },
};
