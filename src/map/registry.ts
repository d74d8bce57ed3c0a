/**
 * How a feature joins the map. The map owner (MapView) knows no feature: the composition root hands it
 * a list of `MapFeature`s, each of which says what it draws (sources with their data, layers in a slot
 * of the layer order), what part of the map its panel covers (camera padding), how it answers the
 * map's pointer events in each interaction mode, and which map errors are its own. The counties and
 * sites come in the same way (src/map/sitesFeature.ts).
 */

import type { GeoJSON } from 'geojson';
import type { ErrorEvent, LayerSpecification, Map as MapLibreMap, MapMouseEvent, SourceSpecification } from 'maplibre-gl';
import type { Datum } from '../basemap/config';
import type { PaddingSpec, Rect } from './camera';
import type { Online, Overlay } from './useOnlineBasemap';

/** Places in the layer order, bottom to top: the basemap, imported layers, the sites and labels, the planner's own work. */
export const SLOTS = ['base', 'imports', 'sites', 'top'] as const;
export type Slot = (typeof SLOTS)[number];

/**
 * A source: its options (compared by value; a change re-adds it) and, for GeoJSON, its data (compared by
 * identity; a new object is pushed with setData, the same object costs nothing).
 */
export interface SourceEntry {
  spec: SourceSpecification;
  data?: GeoJSON | string;
}

/** A GeoJSON source's options (its data travels apart, in `SourceEntry.data`). */
export const geojsonSpec = (extra: object = {}): SourceSpecification => ({ type: 'geojson', ...extra }) as SourceSpecification;

export interface Contribution {
  sources?: Record<string, SourceEntry>;
  layers?: Partial<Record<Slot, LayerSpecification[]>>;
  /** False while the feature needs the arrow keys for itself (the tour's clicker): keyboard panning is off. */
  keyboard?: boolean;
}

/** What the feature's hook is told about the map. */
export interface MapContext {
  /** The datum the map is drawn in (an online basemap's may differ from the data's). */
  datum: Datum;
  /** Converts a point of the data to the map's datum. */
  toMap: (p: [number, number]) => [number, number];
  /** The online basemap drawn under everything, or null for the embedded one. */
  online: Online;
  /** The app's data (counties, sites, links) in the map's datum. */
  overlay: Overlay;
  /** The map once it has loaded, else null. */
  map: MapLibreMap | null;
}

/** A handler returns true when it took the event: later handlers of the same mode do not see it. */
export type MouseHandler = (e: MapMouseEvent, ctx: { map: MapLibreMap; datum: Datum }) => boolean | undefined;

export interface ModeHandlers {
  click?: MouseHandler;
  dblclick?: MouseHandler;
  mousedown?: MouseHandler;
  mousemove?: MouseHandler;
  mouseup?: MouseHandler;
  mouseout?: MouseHandler;
  /** The map's cursor in this mode (a feature under the pointer may still set its own). */
  cursor?: string;
  /** False: a double click belongs to the mode (finishing a drawing), not to zooming. */
  doubleClickZoom?: boolean;
}

export const MOUSE_EVENTS = ['click', 'dblclick', 'mousedown', 'mousemove', 'mouseup', 'mouseout'] as const;
export type MouseEventName = (typeof MOUSE_EVENTS)[number];

export interface MapFeature {
  id: string;
  /**
   * A React hook, run by the map owner on each render of the feature: what the feature draws now. It
   * must return the same object while nothing changed (memoise it): each new object is merged and
   * applied, and reported again on the next render.
   */
  useContribution?: (ctx: MapContext) => Contribution | null;
  /** Pointer handlers by interaction mode ('browse' when no feature has taken the map). */
  modes?: Partial<Record<Mode, ModeHandlers>>;
  /**
   * The part of the map the feature's panel covers now (null: none), given the map's place on the page.
   * Every camera move keeps clear of the sum; read at the move, from the state that asked for it, so a
   * panel opened with the move counts.
   */
  covers?: (mapRect: Rect) => PaddingSpec | null;
  /** A map error of the feature's own (its source failed): true when it handled it. */
  onError?: (e: MapError) => boolean;
}

export type MapError = ErrorEvent & { sourceId?: string };

/**
 * The interaction modes, one key each. The map knows only `browse`; a feature adds its own modes to
 * this interface (declaration merging, e.g. src/tools/map/interactions.ts), so a mode is a checked
 * name, not any string.
 */
export interface Modes {
  browse: true;
}
export type Mode = keyof Modes;
export const BROWSE = 'browse' satisfies Mode;

/**
 * The interaction mode: one at a time, taken by a feature (a drawing tool, the tour editor) and given
 * back by it. A feature that takes the mode from another tells it (`onLost`), so a drawing tool ends
 * when the tour editor opens instead of both believing they own the pointer.
 */
let holder: { owner: string; mode: Mode; onLost?: () => void } | null = null;
const listeners = new Set<(mode: Mode) => void>();
export const currentMode = (): Mode => holder?.mode ?? BROWSE;
const changed = () => {
  for (const l of listeners) l(currentMode());
};
/** `owner` takes the map in `mode`; the returned function gives it back (if `owner` still holds it). */
export function takeMode(owner: string, mode: Mode, onLost?: () => void): () => void {
  const before = holder;
  const mine = { owner, mode, ...(onLost ? { onLost } : {}) };
  holder = mine;
  if (before && before.owner !== owner) before.onLost?.();
  changed();
  return () => {
    if (holder !== mine) return;
    holder = null;
    changed();
  };
}
export function onModeChange(listener: (mode: Mode) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The handlers of the features for `mode`, in the order the features were given. */
export function handlersFor(features: readonly MapFeature[], m: Mode): ModeHandlers[] {
  return features.flatMap((f) => (f.modes?.[m] ? [f.modes[m]] : []));
}

/** Runs the handlers for one event until one takes it; true when one did. */
export function dispatch(
  handlers: readonly ModeHandlers[],
  name: MouseEventName,
  e: MapMouseEvent,
  ctx: { map: MapLibreMap; datum: Datum },
): boolean {
  for (const h of handlers) if (h[name]?.(e, ctx)) return true;
  return false;
}

/** The features' contributions merged: sources by id (a later feature may not take an id twice), layers in slot order. */
export function mergeContributions(parts: readonly (Contribution | null)[]): {
  sources: Record<string, SourceEntry>;
  layers: LayerSpecification[];
  keyboard: boolean;
} {
  const sources: Record<string, SourceEntry> = {};
  const bySlot = new Map<Slot, LayerSpecification[]>(SLOTS.map((s) => [s, []]));
  let keyboard = true;
  for (const c of parts) {
    if (!c) continue;
    for (const [id, s] of Object.entries(c.sources ?? {})) {
      if (id in sources) throw new Error(`map: two features add the source "${id}"`);
      sources[id] = s;
    }
    for (const slot of SLOTS) bySlot.get(slot)?.push(...(c.layers?.[slot] ?? []));
    if (c.keyboard === false) keyboard = false;
  }
  return { sources, layers: SLOTS.flatMap((s) => bySlot.get(s) ?? []), keyboard };
}

/** The datum type is re-exported for features, which otherwise need not know the basemap module. */
export type { Datum };
