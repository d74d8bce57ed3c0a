/**
 * Carries out the plans of styleUpdates.ts on a MapLibre map with its public methods only: the map is
 * created once with the whole style (sources with their data, so the first frame has everything), and
 * from then on each change of state reaches it as the few calls it needs — setData for new data,
 * setPaintProperty / setLayoutProperty / setFilter for a changed layer, addLayer / removeLayer /
 * moveLayer for the set of layers. MapLibre validates each call as usual.
 */
import type { GeoJSON } from 'geojson';
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { SourceEntry } from './registry';
import { planLayers, planSources } from './styleUpdates';

/** The style a map is created with: the sources with their data in it. */
export function initialStyle(
  base: StyleSpecification,
  sources: Record<string, SourceEntry>,
  layers: LayerSpecification[],
): StyleSpecification {
  return {
    ...base,
    sources: { ...base.sources, ...Object.fromEntries(Object.entries(sources).map(([id, s]) => [id, withData(s)])) },
    layers: [...base.layers, ...layers],
  };
}

const withData = (s: SourceEntry): SourceSpecification =>
  (s.data === undefined ? s.spec : { ...s.spec, data: s.data }) as SourceSpecification;

export class StyleApplier {
  private layers: LayerSpecification[];
  private sources: Map<string, SourceEntry>;

  /** `sources` and `layers`: what the map was created with (initialStyle), the applier's from now on. */
  constructor(
    private readonly map: MapLibreMap,
    sources: Record<string, SourceEntry>,
    layers: LayerSpecification[],
  ) {
    this.sources = new Map(Object.entries(sources));
    this.layers = [...layers];
  }

  apply(sources: Record<string, SourceEntry>, layers: LayerSpecification[]): void {
    const map = this.map;
    const sourcePlan = planSources(this.sources, sources);
    const layerOps = planLayers(this.layers, layers, sourcePlan.rebuilt);
    for (const op of layerOps) if (op.op === 'remove' && map.getLayer(op.id)) map.removeLayer(op.id);
    for (const op of sourcePlan.ops) {
      if (op.op === 'remove') {
        if (map.getSource(op.id)) map.removeSource(op.id);
      } else if (op.op === 'add') map.addSource(op.id, withData(op.entry));
      else (map.getSource(op.id) as GeoJSONSource | undefined)?.setData(op.data as GeoJSON);
    }
    for (const op of layerOps) {
      if (op.op === 'remove') continue;
      if (op.op === 'add') map.addLayer(op.layer, op.before);
      else if (op.op === 'move') map.moveLayer(op.id, op.before);
      else if (op.op === 'paint') map.setPaintProperty(op.id, op.name as never, op.value as never);
      else if (op.op === 'layout') map.setLayoutProperty(op.id, op.name as never, op.value as never);
      else if (op.op === 'filter') map.setFilter(op.id, op.filter as never);
      else if (op.op === 'zoom') map.setLayerZoomRange(op.id, op.minzoom, op.maxzoom);
    }
    this.sources = new Map(Object.entries(sources));
    this.layers = [...layers];
  }
}
