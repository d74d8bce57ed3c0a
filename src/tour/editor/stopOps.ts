/**
 * The tour editor's changes, as pure functions of the stops: each returns new stops (the editor keeps
 * the old ones for undo). Nothing here reads the map or the store.
 */
import type { TourStopDef } from '../../data/schema';
import type { View } from '../../state/url';

/** A figure list holds at most this many (the tour card's layout). */
export const MAX_FIGURES = 4;

/** An id not taken by another stop: stop-1, stop-2, … */
export function freshStopId(stops: readonly TourStopDef[], base = 'stop'): string {
  const taken = new Set(stops.map((s) => s.id));
  for (let n = 1; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const round = (v: number, digits: number) => Number(v.toFixed(digits));

/** A stop's camera from the map's view (rounded: 1 m of centre, 0.01 of zoom, a tenth of a degree). */
export function cameraFromView(view: View): TourStopDef['camera'] {
  const bearing = ((((view.bearing + 180) % 360) + 360) % 360) - 180;
  return {
    center: [round(view.center[0], 5), round(view.center[1], 5)],
    zoom: round(Math.max(0, Math.min(22, view.zoom)), 2),
    bearing: round(bearing, 1),
    pitch: round(Math.max(0, Math.min(85, view.pitch)), 1),
  };
}

/** A new stop after `after` (−1: first), showing `view` with `layers`, in the previous stop's section. */
export function addStop(
  stops: readonly TourStopDef[],
  after: number,
  view: View,
  layers: readonly string[],
  figure: string,
): TourStopDef[] {
  const before = stops[after];
  const stop: TourStopDef = {
    id: freshStopId(stops),
    section: before?.section ?? 'overview',
    title: { zh: '', en: '' },
    caption: { zh: '', en: '' },
    notes: { zh: '', en: '' },
    camera: cameraFromView(view),
    layers: [...layers],
    highlight: [],
    figures: [figure],
  };
  return [...stops.slice(0, after + 1), stop, ...stops.slice(after + 1)];
}

export function duplicateStop(stops: readonly TourStopDef[], i: number): TourStopDef[] {
  const s = stops[i];
  if (!s) return [...stops];
  const copy: TourStopDef = structuredClone(s);
  copy.id = freshStopId(stops, s.id.replace(/-\d+$/, '') || 'stop');
  return [...stops.slice(0, i + 1), copy, ...stops.slice(i + 1)];
}

/** Removes a stop; the last one stays (a tour has at least one stop). */
export function deleteStop(stops: readonly TourStopDef[], i: number): TourStopDef[] {
  if (stops.length <= 1) return [...stops];
  return stops.filter((_, k) => k !== i);
}

/** Moves the stop at `from` to `to` (both indices in the list as it is). */
export function moveStop(stops: readonly TourStopDef[], from: number, to: number): TourStopDef[] {
  const out = [...stops];
  if (from < 0 || from >= out.length || to < 0 || to >= out.length || from === to) return out;
  const [s] = out.splice(from, 1);
  out.splice(to, 0, s as TourStopDef);
  return out;
}

export function updateStop(stops: readonly TourStopDef[], i: number, change: Partial<TourStopDef>): TourStopDef[] {
  return stops.map((s, k) => (k === i ? { ...s, ...change } : s));
}

/** Adds or removes `item` from a list, keeping the order given by `order` (the layers' or sites' own). */
export function toggleIn(list: readonly string[], item: string, order: readonly string[]): string[] {
  const set = new Set(list);
  if (set.has(item)) set.delete(item);
  else set.add(item);
  return order.filter((x) => set.has(x));
}

/** Adds a figure (up to MAX_FIGURES, once) or removes it (one stays: a stop shows at least one figure). */
export function toggleFigure(figures: readonly string[], id: string): string[] {
  if (figures.includes(id)) return figures.length > 1 ? figures.filter((f) => f !== id) : [...figures];
  return figures.length >= MAX_FIGURES ? [...figures] : [...figures, id];
}

/** West, south, east, north around points, with a margin (a tenth of the size, at least ~200 m). */
export function boundsAround(points: readonly [number, number][]): [number, number, number, number] | null {
  if (points.length === 0) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [w, e, s, n] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const mx = Math.max((e - w) / 10, 0.002);
  const my = Math.max((n - s) / 10, 0.002);
  return [round(w - mx, 5), round(s - my, 5), round(e + mx, 5), round(n + my, 5)];
}
