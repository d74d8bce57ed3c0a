/**
 * The planner's tools as a map feature (src/map/registry.ts): drawings, the draft,
 * proximity rings and coverage as sources and layers, in the map's datum; pointer handling by mode in
 * interactions.ts.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { useMemo } from 'react';
import { meta, siteById } from '../../data/geodata';
import { anchorOf } from '../../data/selectors';
import { FONT_FAMILY } from '../../fonts';
import { inDatum } from '../../layers/kinds';
import type { PaddingSpec } from '../../map/camera';
import type { Contribution, MapContext, MapFeature } from '../../map/registry';
import { useApp } from '../../state/store';
import { SIZES } from '../../ui/sizes';
import { communityCoverage } from '../coverage';
import { proximityRings } from '../geometry';
import { useTools } from '../toolsState';
import { toolModes, useToolKeys, useToolMode } from './interactions';
import { draftCollection, type ToolData, toolLayersOnTop, toolSources, vertices } from './toolLayers';

/** The tools' data and layers for the map, each source's data remade only when its own inputs change. */
function useToolsContribution(ctx: MapContext): Contribution | null {
  const mapDatum = ctx.datum;
  const open = useTools((s) => s.open);
  const mode = useTools((s) => s.mode);
  const draft = useTools((s) => s.draft);
  const drawings = useTools((s) => s.drawings);
  const selectedDrawing = useTools((s) => s.selectedDrawing);
  const rings = useTools((s) => s.rings);
  const showCircles = useTools((s) => s.showCircles);
  const walkRadiusKm = useTools((s) => s.walkRadiusKm);
  const selectedId = useApp((s) => s.selectedId);
  const data = meta.datum;
  const toMap = ctx.toMap;
  const coverage = useMemo(
    () =>
      showCircles
        ? ((inDatum(communityCoverage(walkRadiusKm), data, mapDatum).features[0] as Feature<Polygon | MultiPolygon> | undefined) ?? null)
        : null,
    [showCircles, walkRadiusKm, mapDatum],
  );
  const drawingData = useMemo(
    () => inDatum({ type: 'FeatureCollection', features: drawings } as FeatureCollection<Geometry>, data, mapDatum),
    [drawings, mapDatum],
  );
  const draftArea = mode === 'measure-area' || mode === 'draw-polygon';
  const draftData = useMemo(
    () =>
      draftCollection(
        draft.map((p) => toMap(p as [number, number])),
        draftArea,
      ),
    [draft, draftArea, toMap],
  );
  const vertexData = useMemo(() => vertices(drawingData, selectedDrawing), [drawingData, selectedDrawing]);
  // The proximity rings follow the selection only while the tools are open.
  const ringSite = open ? selectedId : null;
  const ringData = useMemo(() => {
    const site = ringSite ? siteById(ringSite) : undefined;
    if (!site) return null;
    const features = proximityRings(toMap(anchorOf(site)), rings).map((r) => ({ ...r.feature, properties: { km: r.km } }));
    return { type: 'FeatureCollection', features } as FeatureCollection<Polygon, { km: number }>;
  }, [ringSite, rings, toMap]);

  return useMemo(() => {
    // Nothing of the planner's to draw: no tool sources or layers at all. Empty GeoJSON sources still cost
    // a tile per view each (five sources: tiles made in the worker, kept on the main thread, 60 cached).
    if (!open && drawings.length === 0 && coverage === null) return null;
    const t: ToolData = { drawings: drawingData, draft: draftData, vertices: vertexData, rings: ringData, coverage };
    return {
      sources: toolSources(t),
      layers: { top: toolLayersOnTop(selectedDrawing, [FONT_FAMILY]) },
    };
  }, [open, drawings, coverage, drawingData, draftData, vertexData, ringData, selectedDrawing]);
}

/** The tools panel over the map's right side (a phone: its upper part), past the map's controls. */
const PANEL_COVER: PaddingSpec = {
  narrow: { top: { ofHeight: 0.55 }, bottom: 0, left: 0, right: 0 },
  wide: { top: 0, bottom: 0, left: 0, right: SIZES.toolsPanelRight + SIZES.toolsPanelWidth },
};

/** The planner's tools on the map: their layers, the map's pointer in each drawing mode, and the panel's place. */
export const toolsMapFeature: MapFeature = {
  id: 'tools',
  covers: () => (useTools.getState().open ? PANEL_COVER : null),
  useContribution: (ctx) => {
    useToolKeys();
    useToolMode();
    return useToolsContribution(ctx);
  },
  modes: toolModes,
};
