/**
 * The camera, for the app's own code: fly to a site, fit bounds, show a tour stop, go home, restore a
 * view. Calls made before the map has loaded wait for it (the last one wins: a link's ?site= is
 * carried out on load). The policies — where to go, with what padding — are pure, in camera.ts.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { SiteDef } from '../data/schema';
import type { View } from '../state/url';
import {
  type Bounds,
  type CameraTarget,
  CENTRE_PADDING,
  HOME_BOUNDS,
  OPENING_PADDING,
  type PaddingSpec,
  resolvePadding,
  SITE_PADDING,
  type StopCamera,
  stopInDatum,
  targetForSite,
  withCovers,
} from './camera';

export interface CameraHost {
  map: MapLibreMap;
  /** A point of the data in the map's datum. */
  toMap: (p: [number, number]) => [number, number];
}

/** The sites the camera can fly to, in the map's datum (given by the sites' feature). */
export interface CameraSites {
  siteIndex: ReadonlyMap<string, SiteDef>;
  seat: [number, number];
}

let host: CameraHost | null = null;
let sites: CameraSites | null = null;
let covers: (mapRect: DOMRect) => readonly PaddingSpec[] = () => [];
let pending: ((h: CameraHost) => void) | null = null;

const prefersReducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
const size = (map: MapLibreMap) => [map.getContainer().clientWidth, map.getContainer().clientHeight] as const;
/** A move's padding and, added to it, what the features' panels cover now. */
function padded(map: MapLibreMap, spec: PaddingSpec) {
  const [w, h] = size(map);
  return withCovers(
    resolvePadding(spec, w, h),
    covers(map.getContainer().getBoundingClientRect()).map((c) => resolvePadding(c, w, h)),
    w,
    h,
  );
}

/** What the features' panels cover, asked at each move (the map owner gathers it from the features). */
export function setCovers(next: (mapRect: DOMRect) => readonly PaddingSpec[]): void {
  covers = next;
}

/** Set by the sites' feature with the sites in the map's datum (null when it goes). */
export function setCameraSites(next: CameraSites | null): void {
  sites = next;
}

/** Set by the map owner when its map has loaded (null when it goes); a waiting move is made now. */
export function attachCamera(next: CameraHost | null): void {
  host = next;
  if (host && pending) {
    const move = pending;
    pending = null;
    move(host);
  }
}

function run(move: (h: CameraHost) => void): void {
  if (host) move(host);
  else pending = move;
}

function moveTo(map: MapLibreMap, target: CameraTarget): void {
  const animate = !prefersReducedMotion();
  if (target.type === 'fit') {
    map.fitBounds(target.bounds, { padding: padded(map, SITE_PADDING), maxZoom: target.maxZoom, animate, duration: animate ? 1400 : 0 });
    return;
  }
  // Padding persists in MapLibre's camera: a move outside the tour sets it again.
  const options = { center: target.center, zoom: target.zoom, padding: padded(map, CENTRE_PADDING) };
  if (animate) map.flyTo({ ...options, speed: 1.4 });
  else map.jumpTo(options);
}

export function flyToSite(id: string): void {
  run((h) => {
    const site = sites?.siteIndex.get(id);
    if (site && sites) moveTo(h.map, targetForSite(site, sites.seat));
  });
}

/** Bounds in the data's datum (an imported layer's, a table's row). */
export function fitBounds([w, s, e, n]: Bounds): void {
  run((h) => {
    const sw = h.toMap([w, s]);
    const ne = h.toMap([e, n]);
    moveTo(h.map, { type: 'fit', bounds: [sw[0], sw[1], ne[0], ne[1]], maxZoom: 15 });
  });
}

/** The view the app opens with: the county fitted to the map. */
export function home(): void {
  run((h) => {
    const animate = !prefersReducedMotion();
    const [w, s, e, n] = HOME_BOUNDS;
    const sw = h.toMap([w, s]);
    const ne = h.toMap([e, n]);
    h.map.fitBounds([sw[0], sw[1], ne[0], ne[1]], {
      padding: padded(h.map, OPENING_PADDING),
      bearing: 0,
      pitch: 0,
      animate,
      duration: animate ? 1400 : 0,
    });
  });
}

/** A view as the URL keeps it (in the map's own datum, as the map reported it), with no padding left over from a tour. */
export function showView(view: View): void {
  run((h) =>
    h.map.jumpTo({
      center: view.center,
      zoom: view.zoom,
      bearing: view.bearing,
      pitch: view.pitch,
      padding: { top: 0, bottom: 0, left: 0, right: 0 },
    }),
  );
}

/** Tilts the map to `pitch` degrees (3D terrain turned on over a flat view). */
export function tilt(pitch: number): void {
  run((h) => h.map.easeTo({ pitch, duration: prefersReducedMotion() ? 0 : 600 }));
}

/** The view on the map now (null before it has loaded). */
export function currentView(): View | null {
  if (!host) return null;
  const m = host.map;
  const c = m.getCenter();
  return { center: [c.lng, c.lat], zoom: m.getZoom(), bearing: m.getBearing(), pitch: m.getPitch() };
}

/** A tour stop: framed beside the panel that asks for `padding`. */
export function showStop(stop: StopCamera, padding: PaddingSpec): void {
  run((h) => {
    const c = stopInDatum(stop, h.toMap);
    const animate = !prefersReducedMotion();
    const duration = animate ? 2200 : 0;
    const p = padded(h.map, padding);
    if (c.bounds) h.map.fitBounds(c.bounds, { bearing: c.bearing, pitch: c.pitch, padding: p, duration, animate });
    else if (animate)
      h.map.flyTo({ center: c.center, zoom: c.zoom, bearing: c.bearing, pitch: c.pitch, padding: p, duration, essential: false });
    else h.map.jumpTo({ center: c.center, zoom: c.zoom, bearing: c.bearing, pitch: c.pitch, padding: p });
  });
}
