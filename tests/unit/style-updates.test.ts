import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import type { SourceEntry } from '../../src/map/registry';
import { planLayers, planSources } from '../../src/map/styleUpdates';

const line = (id: string, over: Partial<LayerSpecification> = {}): LayerSpecification =>
  ({ id, type: 'line', source: 's', paint: { 'line-color': '#000' }, ...over }) as LayerSpecification;

describe('planning layer updates', () => {
  it('changes nothing when nothing changed', () => {
    const layers = [line('a'), line('b')];
    expect(
      planLayers(
        layers,
        layers.map((l) => ({ ...l })),
      ),
    ).toEqual([]);
  });

  it('sets only the paint, layout, filter and zoom range that changed', () => {
    const before = [line('a', { layout: { visibility: 'visible' }, filter: ['==', 'x', 1] } as never)];
    const after = [
      line('a', { paint: { 'line-color': '#f00', 'line-width': 2 }, layout: {}, filter: ['==', 'x', 2], minzoom: 5 } as never),
    ];
    expect(planLayers(before, after)).toEqual([
      { op: 'layout', id: 'a', name: 'visibility', value: undefined },
      { op: 'paint', id: 'a', name: 'line-color', value: '#f00' },
      { op: 'paint', id: 'a', name: 'line-width', value: 2 },
      { op: 'filter', id: 'a', filter: ['==', 'x', 2] },
      { op: 'zoom', id: 'a', minzoom: 5, maxzoom: 24 },
    ]);
  });

  it('adds new layers in place, under the next layer already there, and removes the ones gone', () => {
    const ops = planLayers([line('a'), line('d')], [line('a'), line('b'), line('c'), line('d')]);
    expect(ops).toEqual([
      { op: 'add', layer: line('b'), before: 'd' },
      { op: 'add', layer: line('c'), before: 'd' },
    ]);
    expect(planLayers([line('a'), line('b')], [line('b')])).toEqual([{ op: 'remove', id: 'a' }]);
    // Added on top when nothing of ours is above.
    expect(planLayers([line('a')], [line('a'), line('z')])).toEqual([{ op: 'add', layer: line('z') }]);
  });

  it('moves layers when the wanted order differs', () => {
    const ops = planLayers([line('a'), line('b'), line('c')], [line('c'), line('a'), line('b')]);
    expect(ops).toEqual([
      { op: 'move', id: 'b', before: undefined },
      { op: 'move', id: 'a', before: 'b' },
      { op: 'move', id: 'c', before: 'a' },
    ]);
  });

  it('rebuilds a layer whose type or source changed, or whose source is added again', () => {
    expect(planLayers([line('a')], [line('a', { type: 'fill', paint: {} } as never)]).map((o) => o.op)).toEqual(['remove', 'add']);
    expect(planLayers([line('a')], [line('a', { source: 't' } as never)]).map((o) => o.op)).toEqual(['remove', 'add']);
    expect(planLayers([line('a')], [line('a')], new Set(['s'])).map((o) => o.op)).toEqual(['remove', 'add']);
  });
});

describe('planning source updates', () => {
  const spec = { type: 'geojson', data: '' } as never;
  const data: FeatureCollection = { type: 'FeatureCollection', features: [] };

  it('pushes data only when it is a different object', () => {
    const had = new Map<string, SourceEntry>([['s', { spec, data }]]);
    expect(planSources(had, { s: { spec, data } }).ops).toEqual([]);
    const next = { ...data };
    expect(planSources(had, { s: { spec, data: next } }).ops).toEqual([{ op: 'data', id: 's', data: next }]);
  });

  it('adds and removes sources, and re-adds one whose options changed', () => {
    const had = new Map<string, SourceEntry>([
      ['s', { spec, data }],
      ['gone', { spec, data }],
    ]);
    const promoted = { type: 'geojson', promoteId: 'id' } as never;
    const plan = planSources(had, { s: { spec: promoted, data }, added: { spec, data } });
    expect(plan.ops.map((o) => `${o.op}:${o.id}`)).toEqual(['remove:s', 'add:s', 'remove:gone', 'add:added']);
    expect([...plan.rebuilt].sort()).toEqual(['gone', 's']);
  });
});
