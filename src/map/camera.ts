/** Where the camera goes for a request: pure, so it is unit-tested without a map. */

import type { SiteDef } from '../data/schema';
import { anchorOf, boundsOf } from '../data/selectors';

export type Bounds = [number, number, number, number];

/** 遂昌县's extent in geodata/basemap/counties.geojson (a unit test keeps the two in step). */
export const HOME_BOUNDS: Bounds = [118.6963, 28.21, 119.5215, 28.8135];
/** Zhejiang and a margin: panning stops here, yet Jiaxing's enclaves stay in reach. */
export const MAX_BOUNDS: Bounds = [114.5, 25.0, 125.5, 33.0];
export const MIN_ZOOM = 5;
export const MAX_ZOOM = 17;

export type CameraTarget = { type: 'fit'; bounds: Bounds; maxZoom: number } | { type: 'center'; center: [number, number]; zoom: number };

export function targetForSite(site: SiteDef, seat: [number, number]): CameraTarget {
  const p = site.properties;
  if (p.connectsTo === 'county-seat') {
    const [x, y] = anchorOf(site);
    return {
      type: 'fit',
      bounds: [Math.min(x, seat[0]), Math.min(y, seat[1]), Math.max(x, seat[0]), Math.max(y, seat[1])],
      maxZoom: 9,
    };
  }
  if (site.geometry.type === 'Point') return { type: 'center', center: anchorOf(site), zoom: 13 };
  return { type: 'fit', bounds: boundsOf(site), maxZoom: 13 };
}

export const HOME_TARGET: CameraTarget = { type: 'fit', bounds: HOME_BOUNDS, maxZoom: 12 };
