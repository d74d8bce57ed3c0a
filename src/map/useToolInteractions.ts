/**
 * Map input for the planner's tools: clicks add vertices, a double click or Enter
 * finishes a drawing, and the selected drawing's vertices (or the whole drawing) can be
 * dragged. Coordinates are kept in the data's datum, whatever the basemap's.
 */
import type { MapRef } from '@vis.gl/react-maplibre';
import type { Position } from 'geojson';
import type { MapMouseEvent } from 'maplibre-gl';
import { type RefObject, useEffect } from 'react';
import type { Datum } from '../basemap/config';
import { convertPoint } from '../basemap/datum';
import { meta } from '../data/geodata';
import { moved } from '../tools/editGeometry';
import { type Drawing, useTools } from '../tools/toolsState';
import { isTyping } from '../ui/typing';
import { DRAWING_LAYERS, VERTEX_LAYER } from './toolLayers';

export function useToolInteractions(mapRef: RefObject<MapRef | null>, mapDatum: Datum, ready: boolean): void {
  const mode = useTools((s) => s.mode);
  useEffect(() => {
    const map = mapRef.current?.getMap();
    if (!map || !ready) return;
    const toData = (e: MapMouseEvent): Position => convertPoint([e.lngLat.lng, e.lngLat.lat], mapDatum, meta.datum);
    const drawing = mode !== 'none';
    if (drawing) map.doubleClickZoom.disable();
    else map.doubleClickZoom.enable();
    map.getCanvas().style.cursor = drawing ? 'crosshair' : '';

    const onClick = (e: MapMouseEvent) => {
      const tools = useTools.getState();
      if (tools.mode === 'none') {
        const hit = map.queryRenderedFeatures(e.point, { layers: [...DRAWING_LAYERS].filter((id) => map.getLayer(id)) })[0];
        if (hit) tools.selectDrawing(String(hit.properties.id));
        return;
      }
      tools.addVertex(toData(e));
      if (tools.mode === 'draw-point') tools.finishDrawing();
    };
    const onDblClick = (e: MapMouseEvent) => {
      const tools = useTools.getState();
      if (tools.mode.startsWith('draw-')) {
        e.preventDefault();
        tools.undoVertex(); // the second click of the double click added a duplicate
        tools.finishDrawing();
      }
    };

    // Dragging the selected drawing's vertices, or the drawing itself.
    let drag: { id: string; index: number | null; start: Position; before: Drawing[] } | null = null;
    const onDown = (e: MapMouseEvent) => {
      const tools = useTools.getState();
      if (tools.mode !== 'none' || !tools.selectedDrawing) return;
      const layers = [VERTEX_LAYER, ...DRAWING_LAYERS].filter((id) => map.getLayer(id));
      const hit = map.queryRenderedFeatures(e.point, { layers }).find((f) => String(f.properties.id) === tools.selectedDrawing);
      if (!hit) return;
      e.preventDefault();
      map.dragPan.disable();
      drag = {
        id: tools.selectedDrawing,
        index: hit.layer.id === VERTEX_LAYER ? Number(hit.properties.index) : null,
        start: toData(e),
        before: tools.drawings,
      };
    };
    const onMove = (e: MapMouseEvent) => {
      if (!drag) return;
      const at = toData(e);
      const delta: Position = [(at[0] as number) - (drag.start[0] as number), (at[1] as number) - (drag.start[1] as number)];
      const { id, index, before } = drag;
      useTools
        .getState()
        .previewDrawings(before.map((d) => (d.properties.id === id ? { ...d, geometry: moved(d.geometry, index, delta, at) } : d)));
    };
    const onUp = () => {
      if (!drag) return;
      useTools.getState().pushHistory(drag.before);
      drag = null;
      map.dragPan.enable();
    };
    const onKey = (e: KeyboardEvent) => {
      const tools = useTools.getState();
      if (tools.mode === 'none' || isTyping(e.target)) return;
      if (e.key === 'Enter' && tools.mode.startsWith('draw-')) tools.finishDrawing();
      else if (e.key === 'Backspace') tools.undoVertex();
      else if (e.key === 'Escape') {
        // Escape ends the drawing, and only that: the side panel leaves the selected site open.
        e.preventDefault();
        tools.setMode('none');
      }
    };
    map.on('click', onClick);
    map.on('dblclick', onDblClick);
    map.on('mousedown', onDown);
    map.on('mousemove', onMove);
    map.on('mouseup', onUp);
    // Capture phase: before the side panel's Escape, which then sees the key was taken.
    window.addEventListener('keydown', onKey, true);
    return () => {
      map.off('click', onClick);
      map.off('dblclick', onDblClick);
      map.off('mousedown', onDown);
      map.off('mousemove', onMove);
      map.off('mouseup', onUp);
      window.removeEventListener('keydown', onKey, true);
      map.doubleClickZoom.enable();
    };
  }, [mapRef, mapDatum, mode, ready]);
}
