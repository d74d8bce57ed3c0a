/** The planner's work as map overlay data, in the map's datum. */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { useMemo } from 'react';
import type { Datum } from '../basemap/config';
import { convertCollection, convertPoint } from '../basemap/datum';
import { meta, sites } from '../data/geodata';
import { anchorOf } from '../data/selectors';
import { communityCoverage } from '../tools/coverage';
import { proximityRings } from '../tools/geometry';
import type { Props } from '../tools/import/sanitize';
import { colorExpression, isActive, type LayerFilter, matches } from '../tools/layerStyle';
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

const filteredCache = new WeakMap<FeatureCollection<Geometry>, { key: string; fc: FeatureCollection<Geometry> }>();
/** The features the attribute table's filter lets through (the same collection while the filter is unchanged). */
function filtered<F extends FeatureCollection<Geometry>>(fc: F, filter: LayerFilter | undefined): F {
  if (!isActive(filter)) return fc;
  const key = JSON.stringify(filter);
  const hit = filteredCache.get(fc);
  if (hit?.key === key) return hit.fc as F;
  const out = { ...fc, features: fc.features.filter((f) => matches(f.properties as Props, filter)) };
  filteredCache.set(fc, { key, fc: out });
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
  // Its own memo: editing a drawing does not redo the union (converted to the map's datum once).
  const coverage = useMemo(
    () =>
      showCircles
        ? ((inDatum(communityCoverage(walkRadiusKm), data, mapDatum).features[0] as Feature<Polygon | MultiPolygon> | undefined) ?? null)
        : null,
    [showCircles, walkRadiusKm, mapDatum],
  );

  // The proximity rings follow the selection only while the tools are open.
  const ringSite = open ? selectedId : null;
  return useMemo(() => {
    // Nothing of the planner's to draw: no tool sources or layers at all. Empty GeoJSON sources still cost
    // a tile per view each (five sources: tiles made in the worker, kept on the main thread, 60 cached).
    if (!open && drawings.length === 0 && imports.length === 0 && coverage === null) return undefined;
    const toMap = (p: Position) => convertPoint(p as [number, number], data, mapDatum);
    const site = ringSite ? sites.find((s) => s.properties.id === ringSite) : undefined;
    const ringFeatures = site
      ? proximityRings(toMap(anchorOf(site)), rings).map((r) => ({ ...r.feature, properties: { km: r.km } }))
      : null;
    return {
      imports: imports.map((l) => ({
        id: l.id,
        color: l.style ? colorExpression(l.style) : l.color,
        opacity: l.opacity,
        visible: l.visible,
        ...(l.labelField ? { labelField: l.labelField } : {}),
        fc: inDatum(filtered(l.fc, l.filter), l.datum, mapDatum),
      })),
      drawings: inDatum({ type: 'FeatureCollection', features: drawings } as FeatureCollection<Geometry>, data, mapDatum),
      selectedDrawing,
      draft: draft.map((p) => toMap(p)),
      draftIsArea: mode === 'measure-area' || mode === 'draw-polygon',
      rings: ringFeatures ? ({ type: 'FeatureCollection', features: ringFeatures } as FeatureCollection<Polygon, { km: number }>) : null,
      coverage,
    };
  }, [open, mode, draft, drawings, selectedDrawing, imports, rings, coverage, mapDatum, ringSite]);
}
