/**
 * What to change on the map to go from the layers and sources it has to the ones wanted: pure, so it is
 * unit-tested without a map (tests/unit/style-updates.test.ts). MapView's applier carries the plan out
 * with MapLibre's public methods (addLayer, setPaintProperty, setFilter, moveLayer, setData …).
 */
import type { LayerSpecification } from 'maplibre-gl';
import type { SourceEntry } from './registry';

export type LayerOp =
  | { op: 'remove'; id: string }
  | { op: 'add'; layer: LayerSpecification; before?: string }
  | { op: 'paint' | 'layout'; id: string; name: string; value: unknown }
  | { op: 'filter'; id: string; filter: unknown }
  | { op: 'zoom'; id: string; minzoom: number; maxzoom: number }
  | { op: 'move'; id: string; before?: string };

export type SourceOp =
  | { op: 'add'; id: string; entry: SourceEntry }
  | { op: 'remove'; id: string }
  | { op: 'data'; id: string; data: NonNullable<SourceEntry['data']> };

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
type Props = Record<string, unknown>;
const section = (l: LayerSpecification, key: 'paint' | 'layout') => ((l as { [k: string]: unknown })[key] ?? {}) as Props;
const sourceOf = (l: LayerSpecification) => (l as { source?: unknown }).source;
const sourceLayerOf = (l: LayerSpecification) => (l as { 'source-layer'?: unknown })['source-layer'];

/** A layer must be removed and added again when what it draws from changes (or its type). */
const rebuilt = (a: LayerSpecification, b: LayerSpecification) =>
  a.type !== b.type || sourceOf(a) !== sourceOf(b) || sourceLayerOf(a) !== sourceLayerOf(b);

function propertyOps(id: string, key: 'paint' | 'layout', before: Props, after: Props): LayerOp[] {
  const ops: LayerOp[] = [];
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)]))
    if (!same(before[name], after[name])) ops.push({ op: key, id, name, value: after[name] });
  return ops;
}

/**
 * `had`: the layers the applier put on the map, in the map's order; `want`: the layers wanted, in order.
 * `rebuiltSources`: sources that are removed and added again (their layers go with them).
 * Layers of the map that are not the applier's (a vector basemap's) are never touched; ours stay above them.
 */
export function planLayers(
  had: readonly LayerSpecification[],
  want: readonly LayerSpecification[],
  rebuiltSources: ReadonlySet<string> = new Set(),
): LayerOp[] {
  const ops: LayerOp[] = [];
  const wanted = new Map(want.map((l) => [l.id, l]));
  const kept = new Map<string, LayerSpecification>();
  for (const l of had) {
    const next = wanted.get(l.id);
    const source = sourceOf(l);
    if (!next || rebuilt(l, next) || (typeof source === 'string' && rebuiltSources.has(source))) ops.push({ op: 'remove', id: l.id });
    else kept.set(l.id, l);
  }
  // The kept layers' order after the removals, to be fixed by moves where it differs from the wanted one.
  const order = had.filter((l) => kept.has(l.id)).map((l) => l.id);
  const wantedKept = want.filter((l) => kept.has(l.id)).map((l) => l.id);
  if (order.join('\n') !== wantedKept.join('\n')) {
    // From the top down: each kept layer is moved under the one wanted above it.
    for (let i = wantedKept.length - 1; i >= 0; i--) ops.push({ op: 'move', id: wantedKept[i] as string, before: wantedKept[i + 1] });
  }
  for (const [i, l] of want.entries()) {
    const old = kept.get(l.id);
    if (!old) {
      // Under the next kept layer above it: new layers are added in the wanted order, so consecutive new
      // ones stack under that same layer in turn.
      const before = want.slice(i + 1).find((x) => kept.has(x.id))?.id;
      ops.push({ op: 'add', layer: l, ...(before ? { before } : {}) });
      continue;
    }
    ops.push(...propertyOps(l.id, 'layout', section(old, 'layout'), section(l, 'layout')));
    ops.push(...propertyOps(l.id, 'paint', section(old, 'paint'), section(l, 'paint')));
    const filter = (x: LayerSpecification) => (x as { filter?: unknown }).filter;
    if (!same(filter(old), filter(l))) ops.push({ op: 'filter', id: l.id, filter: filter(l) ?? null });
    if (old.minzoom !== l.minzoom || old.maxzoom !== l.maxzoom)
      ops.push({ op: 'zoom', id: l.id, minzoom: l.minzoom ?? 0, maxzoom: l.maxzoom ?? 24 });
  }
  return ops;
}

/** `had`: the sources the applier added (with the data last pushed); `want`: the sources wanted now. */
export function planSources(
  had: ReadonlyMap<string, SourceEntry>,
  want: Readonly<Record<string, SourceEntry>>,
): { ops: SourceOp[]; rebuilt: Set<string> } {
  const ops: SourceOp[] = [];
  const rebuilt = new Set<string>();
  for (const [id, old] of had) {
    const next = want[id];
    if (!next) {
      ops.push({ op: 'remove', id });
      rebuilt.add(id);
    } else if (!same(old.spec, next.spec)) {
      ops.push({ op: 'remove', id }, { op: 'add', id, entry: next });
      rebuilt.add(id);
    } else if (next.data !== undefined && next.data !== old.data) ops.push({ op: 'data', id, data: next.data });
  }
  for (const [id, entry] of Object.entries(want)) if (!had.has(id)) ops.push({ op: 'add', id, entry });
  return { ops, rebuilt };
}
