/** The planner's work as map overlay data, in the map's datum. */
import type { FeatureCollection, Geometry, Polygon, Position } from 'geojson';
import { useMemo } from 'react';
import type { Datum } from '../basemap/config';
import { convertCollection, convertPoint } from '../basemap/datum';
import { meta, sites } from '../data/geodata';
import { anchorOf } from '../data/selectors';
import { circlesUnion, proximityRings } from '../tools/geometry';
import { useTools } from '../tools/toolsState';
import type { ToolOverlay } from './toolLayers';

const cache = new WeakMap<object, Map<string, FeatureCollection<Geometry>>>();
/** Conversions of big imports are done once per layer and datum. */
function inDatum(fc: FeatureCollection<Geometry>, from: Datum, to: Datum): FeatureCollection<Geometry> {
  if (from === to) return fc;
  const byDatum = cache.get(fc) ?? new Map<string, FeatureCollection<Geometry>>();
  cache.set(fc, byDatum);
  const key = `${from}>${to}`;
  const out = byDatum.get(key) ?? convertCollection(fc, from, to);
  byDatum.set(key, out);
  return out;
}

export function useToolOverlay(mapDatum: Datum, selectedId: string | null): ToolOverlay | undefined {
  const open = useTools((s) => s.open);
  const mode = useTools((s) => s.mode);
  const draft = useTools((s) => s.draft);
  const drawings = useTools((s) => s.drawings);
  const selectedDrawing = useTools((s) => s.selectedDrawing);
  const imports = useTools((s) => s.imports);
  const rings = useTools((s) => s.rings);
  const showCircles = useTools((s) => s.showCircles);
  const walkRadiusKm = useTools((s) => s.walkRadiusKm);
  const data = meta.datum;

  return useMemo(() => {
    const toMap = (p: Position) => convertPoint(p as [number, number], data, mapDatum);
    const site = selectedId ? sites.find((s) => s.properties.id === selectedId) : undefined;
    const ringFeatures =
      open && site ? proximityRings(toMap(anchorOf(site)), rings).map((r) => ({ ...r.feature, properties: { km: r.km } })) : null;
    const centres = sites.filter((s) => s.properties.layer === 'community').map((s) => toMap(anchorOf(s)));
    return {
      imports: imports.map((l) => ({
        id: l.id,
        color: l.color,
        opacity: l.opacity,
        visible: l.visible,
        fc: inDatum(l.fc, l.datum, mapDatum),
      })),
      drawings: inDatum({ type: 'FeatureCollection', features: drawings } as FeatureCollection<Geometry>, data, mapDatum),
      selectedDrawing,
      draft: draft.map((p) => toMap(p)),
      draftIsArea: mode === 'measure-area' || mode === 'draw-polygon',
      rings: ringFeatures ? ({ type: 'FeatureCollection', features: ringFeatures } as FeatureCollection<Polygon, { km: number }>) : null,
      coverage: showCircles ? circlesUnion(centres, walkRadiusKm) : null,
    };
  }, [open, mode, draft, drawings, selectedDrawing, imports, rings, showCircles, walkRadiusKm, mapDatum, selectedId]);
}
