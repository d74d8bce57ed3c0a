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

/** Padding of the camera as data: pixels, or a share of the map's height or width (capped) for one side. */
export type PaddingSide = number | { ofHeight: number } | { ofWidth: number; max: number };
type Sides = Record<'top' | 'bottom' | 'left' | 'right', PaddingSide>;
/** Below 700 px of map width (a phone: the bottom sheet covers the lower part), and above. */
export interface PaddingSpec {
  narrow: Sides;
  wide: Sides;
}
export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export const NARROW_MAP_PX = 700;
const all = (n: number): Sides => ({ top: n, bottom: n, left: n, right: n });

/** Moving to a site or to bounds: clear of the bottom sheet on a phone. */
export const SITE_PADDING: PaddingSpec = { narrow: { top: 40, bottom: { ofHeight: 0.52 }, left: 30, right: 30 }, wide: all(60) };
/** The opening view: the county fitted to the map, above the bottom sheet on a phone. */
export const OPENING_PADDING: PaddingSpec = { narrow: { top: 20, bottom: { ofHeight: 0.4 }, left: 20, right: 20 }, wide: all(30) };
/** A flight to a point (zoom given) keeps the point in the middle of what is visible. */
export const CENTRE_PADDING: PaddingSpec = { narrow: SITE_PADDING.narrow, wide: all(0) };

function side(s: PaddingSide, w: number, h: number): number {
  if (typeof s === 'number') return s;
  if ('ofHeight' in s) return Math.round(h * s.ofHeight);
  return Math.min(s.max, Math.round(w * s.ofWidth));
}

/** The padding in pixels for a map of `w` × `h` pixels. */
export function resolvePadding(spec: PaddingSpec, w: number, h: number): Padding {
  const s = w < NARROW_MAP_PX ? spec.narrow : spec.wide;
  return { top: side(s.top, w, h), bottom: side(s.bottom, w, h), left: side(s.left, w, h), right: side(s.right, w, h) };
}

/** The least of the map left in view whatever covers it: padding is cut to leave this many pixels each way. */
export const MIN_VIEW_PX = 80;
/** And this share of the map on each axis: a panel's cover is cut (the later panels' first) to keep it. */
export const MIN_VIEW_SHARE = 0.4;

/**
 * A move's own padding plus what the features' panels cover, in the features' order: each cover is
 * honoured while MIN_VIEW_SHARE of the map stays in view on that axis, and cut to keep it (a layer
 * fitted into a sliver between two panels is worse than one partly under the later panel). The sum is
 * then cut so MIN_VIEW_PX stay in any case (MapLibre ignores a move whose padding exceeds the map).
 */
export function withCovers(own: Padding, covers: readonly Padding[], w: number, h: number): Padding {
  const p = { ...own };
  for (const c of covers) {
    const roomX = Math.max(0, w - p.left - p.right - Math.max(MIN_VIEW_PX, w * MIN_VIEW_SHARE));
    const roomY = Math.max(0, h - p.top - p.bottom - Math.max(MIN_VIEW_PX, h * MIN_VIEW_SHARE));
    const kx = c.left + c.right > roomX ? roomX / (c.left + c.right) : 1;
    const ky = c.top + c.bottom > roomY ? roomY / (c.top + c.bottom) : 1;
    p.left += Math.floor(c.left * kx);
    p.right += Math.floor(c.right * kx);
    p.top += Math.floor(c.top * ky);
    p.bottom += Math.floor(c.bottom * ky);
  }
  const share = (a: number, b: number, room: number): [number, number] => {
    const over = a + b - Math.max(0, room - MIN_VIEW_PX);
    if (over <= 0) return [a, b];
    const k = (a + b - over) / (a + b);
    return [Math.floor(a * k), Math.floor(b * k)];
  };
  const [top, bottom] = share(p.top, p.bottom, h);
  const [left, right] = share(p.left, p.right, w);
  return { top, bottom, left, right };
}

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The padding a panel over the map takes, measured: the side it stands against (within `hug` px of
 * the map's edge, past the map's own controls) and how far it reaches in, plus a margin. A panel against a side covers it only when
 * it runs along a third of that side or more (a small button in a corner covers nothing).
 */
export function coverOf(panel: Rect, map: Rect, margin = 10, hug = 60): Padding | null {
  const w = map.right - map.left;
  const h = map.bottom - map.top;
  const none = { top: 0, bottom: 0, left: 0, right: 0 };
  const tall = panel.bottom - panel.top >= h / 3;
  const wide = panel.right - panel.left >= w / 3;
  if (panel.right <= map.left || panel.left >= map.right || panel.bottom <= map.top || panel.top >= map.bottom) return null;
  if (tall && panel.left - map.left <= hug && panel.right - map.left < w / 2) return { ...none, left: panel.right - map.left + margin };
  if (tall && map.right - panel.right <= hug && map.right - panel.left < w / 2) return { ...none, right: map.right - panel.left + margin };
  if (wide && panel.top - map.top <= hug && panel.bottom - map.top < h / 2) return { ...none, top: panel.bottom - map.top + margin };
  if (wide && map.bottom - panel.bottom <= hug && map.bottom - panel.top < h / 2)
    return { ...none, bottom: map.bottom - panel.top + margin };
  return null;
}

/** A measured cover as a padding spec (the same in both layouts: it was measured in the one shown). */
export const measured = (p: Padding): PaddingSpec => ({ narrow: p, wide: p });

export interface StopCamera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
  bounds?: Bounds;
}

/** A stop's camera in the map's datum (`toMap` converts a point of the data). */
export function stopInDatum(stop: StopCamera, toMap: (p: [number, number]) => [number, number]): StopCamera {
  const out: StopCamera = { ...stop, center: toMap(stop.center) };
  if (stop.bounds) {
    const [w, s, e, n] = stop.bounds;
    const sw = toMap([w, s]);
    const ne = toMap([e, n]);
    out.bounds = [sw[0], sw[1], ne[0], ne[1]];
  }
  return out;
}
