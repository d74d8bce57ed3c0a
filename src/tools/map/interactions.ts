/**
 * Map input for the planner's tools, as the map registry's handler table (src/map/registry.ts): in a
 * measuring or drawing mode clicks add vertices and a double click finishes a drawing; while browsing,
 * a click selects a drawing and the selected drawing's vertices (or the whole drawing) can be dragged.
 * Coordinates are kept in the data's datum, whatever the basemap's.
 */
import type { Position } from 'geojson';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { useEffect } from 'react';
import type { Datum } from '../../basemap/config';
import { convertPoint } from '../../basemap/datum';
import { meta } from '../../data/geodata';
import { BROWSE, type ModeHandlers, takeMode } from '../../map/registry';
import { isTyping } from '../../ui/typing';
import { moved } from '../editGeometry';
import { type Drawing, type ToolMode, useTools } from '../toolsState';
import { DRAWING_LAYERS, VERTEX_LAYER } from './toolLayers';

const toData = (e: MapMouseEvent, datum: Datum): Position => convertPoint([e.lngLat.lng, e.lngLat.lat], datum, meta.datum);
const present = (map: MapLibreMap, ids: readonly string[]) => ids.filter((id) => map.getLayer(id));

// Dragging the selected drawing's vertices, or the drawing itself: one gesture at a time.
let drag: { id: string; index: number | null; start: Position; before: Drawing[] } | null = null;

const browse: ModeHandlers = {
  click: (e, { map }) => {
    const layers = present(map, DRAWING_LAYERS);
    // No drawing layers (the tools closed, nothing drawn): nothing to hit, and no query of the whole map.
    const hit = layers.length > 0 ? map.queryRenderedFeatures(e.point, { layers })[0] : undefined;
    if (hit) useTools.getState().selectDrawing(String(hit.properties.id));
    return false; // a site under the drawing is still selected
  },
  mousedown: (e, { map, datum }) => {
    const tools = useTools.getState();
    const layers = present(map, [VERTEX_LAYER, ...DRAWING_LAYERS]);
    if (!tools.selectedDrawing || layers.length === 0) return false;
    const hit = map.queryRenderedFeatures(e.point, { layers }).find((f) => String(f.properties.id) === tools.selectedDrawing);
    if (!hit) return false;
    e.preventDefault();
    map.dragPan.disable();
    drag = {
      id: tools.selectedDrawing,
      index: hit.layer.id === VERTEX_LAYER ? Number(hit.properties.index) : null,
      start: toData(e, datum),
      before: tools.drawings,
    };
    return true;
  },
  mousemove: (e, { datum }) => {
    if (!drag) return false;
    const at = toData(e, datum);
    const delta: Position = [(at[0] as number) - (drag.start[0] as number), (at[1] as number) - (drag.start[1] as number)];
    const { id, index, before } = drag;
    useTools
      .getState()
      .previewDrawings(before.map((d) => (d.properties.id === id ? { ...d, geometry: moved(d.geometry, index, delta, at) } : d)));
    return true;
  },
  mouseup: (_e, { map }) => {
    if (!drag) return false;
    useTools.getState().pushHistory(drag.before);
    drag = null;
    map.dragPan.enable();
    return true;
  },
};

const drawing = (finishOnClick: boolean): ModeHandlers => ({
  cursor: 'crosshair',
  doubleClickZoom: false,
  click: (e, { datum }) => {
    const tools = useTools.getState();
    tools.addVertex(toData(e, datum));
    if (finishOnClick) tools.finishDrawing();
    return true;
  },
  dblclick: (e) => {
    const tools = useTools.getState();
    if (!tools.mode.startsWith('draw-')) return true;
    e.preventDefault();
    tools.undoVertex(); // the second click of the double click added a duplicate
    tools.finishDrawing();
    return true;
  },
});

type DrawMode = Exclude<ToolMode, 'none'>;

declare module '../../map/registry' {
  /** The tools' modes: measuring and drawing (src/map/registry.ts). */
  interface Modes extends Record<DrawMode, true> {}
}

export const toolModes: Record<DrawMode | typeof BROWSE, ModeHandlers> = {
  [BROWSE]: browse,
  'measure-line': drawing(false),
  'measure-area': drawing(false),
  'draw-line': drawing(false),
  'draw-polygon': drawing(false),
  'draw-point': drawing(true),
};

/** A measuring or drawing mode takes the map's pointer, and gives it back when it ends; taken by another feature, it ends. */
export function useToolMode(): void {
  const mode = useTools((s) => s.mode);
  useEffect(() => {
    if (mode === 'none') return;
    return takeMode('tools', mode, () => useTools.getState().setMode('none'));
  }, [mode]);
}

/** Enter finishes a drawing, Backspace takes back a vertex, Escape ends the mode (and only that). */
export function useToolKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const tools = useTools.getState();
      if (tools.mode === 'none' || isTyping(e.target)) return;
      if (e.key === 'Enter' && tools.mode.startsWith('draw-')) tools.finishDrawing();
      else if (e.key === 'Backspace') tools.undoVertex();
      else if (e.key === 'Escape') {
        // The side panel leaves the selected site open: it sees the key was taken.
        e.preventDefault();
        tools.setMode('none');
      }
    };
    // Capture phase: before the side panel's Escape.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
