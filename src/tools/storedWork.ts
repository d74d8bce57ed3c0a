/**
 * Where the planner's work lies in IndexedDB, and how a layout written by an earlier version is read.
 *
 * Layout 2 (since the two-tab fix): each drawing under a key of its own; each imported layer's
 * details (name, colour, style… and `fcRev`, the revision of its features) under a key of its own and
 * its features under another, the two written in one transaction. A save touches only what changed,
 * so two tabs saving never overwrite each other's drawings or layers (in layout 1 each tab wrote the
 * whole list it held, and the last writer won). Layout 1 — the drawings under one key, the layers'
 * details in one index — is moved to layout 2 in one transaction when first read.
 */

import type { GeoJsonLayer as ImportedLayer } from '../layers/model';
import { readKeys, StorageFault } from '../lib/db';
import { claimLayout, KeyedCollection, LAYOUT_KEY, LAYOUT_VERSION } from '../lib/keyed';
import type { Drawing } from './toolsState';

export const drawingsStore = new KeyedCollection<Drawing>('drawings', 'suichang:drawing:v2:');
/** A layer as listed: everything but its features (and, in layout 1's index, no `kind` and no `fcRev`). */
export type LayerMeta = Omit<ImportedLayer, 'fc' | 'kind'> & { kind?: 'geojson'; fcRev?: string };
export const layersStore = new KeyedCollection<LayerMeta>('imports', 'suichang:import:v3:');
/** A layer's features (the same key in both layouts). */
export const fcKey = (id: string) => `suichang:import:v2:${id}`;

const V1_DRAWINGS = 'suichang:drawings:v1';
const V1_INDEX = 'suichang:imports:v2';
/** The first version kept every layer, features and all, under one key. */
const V0_IMPORTS = 'suichang:imports:v1';

/** A layer as read back: an index entry written before the one layer model has no `kind`, and gets it. */
export const layerFromStored = ({ fcRev: _rev, ...m }: LayerMeta, fc: ImportedLayer['fc']): ImportedLayer => ({
  ...m,
  kind: 'geojson',
  fc,
});

export interface SavedWork {
  drawings: Drawing[];
  layers: ImportedLayer[];
  /** The revision of each layer's features as stored. */
  revs: Map<string, string>;
}

/** Moves layout 1 (and the first version's single key), as read, to layout 2, in one transaction with the layout's version. */
async function migrate(drawings: unknown, index: unknown, v0: unknown): Promise<void> {
  // Nothing of an older layout: nothing to move (a layout version of 0 means just that).
  if (drawings === undefined && index === undefined && v0 === undefined) return;
  const put: [string, unknown][] = [];
  for (const d of Array.isArray(drawings) ? (drawings as Drawing[]) : []) put.push([drawingsStore.key(d.properties.id), d]);
  if (Array.isArray(index)) {
    for (const m of index as LayerMeta[]) put.push([layersStore.key(m.id), { ...m, kind: 'geojson', fcRev: 'v1' }]);
  } else if (Array.isArray(v0)) {
    for (const { fc, ...m } of v0 as (LayerMeta & { fc: ImportedLayer['fc'] })[]) {
      put.push([layersStore.key(m.id), { ...m, kind: 'geojson', fcRev: 'v0' }], [fcKey(m.id), fc]);
    }
  }
  await claimLayout({ put, del: [V1_DRAWINGS, V1_INDEX, V0_IMPORTS] });
}

/** The saved work, after moving an older layout; a newer layout is refused (StorageFault 'newer') rather than misread. */
export async function readSavedWork(): Promise<SavedWork> {
  const [layout, drawingsV1, indexV1, v0] = await readKeys([LAYOUT_KEY, V1_DRAWINGS, V1_INDEX, V0_IMPORTS]);
  const version = typeof layout === 'number' ? layout : 0;
  if (version > LAYOUT_VERSION) throw new StorageFault('newer', `${LAYOUT_KEY} holds ${version}, this version knows ${LAYOUT_VERSION}`);
  if (version < LAYOUT_VERSION) await migrate(drawingsV1, indexV1, v0);
  const [drawings, metas] = await Promise.all([drawingsStore.readAll(), layersStore.readAll()]);
  const ids = [...metas.keys()];
  const fcs = await readKeys(ids.map(fcKey));
  const revs = new Map<string, string>();
  // A layer is listed only with its features (one transaction writes both): one without is skipped.
  const layers = ids.flatMap((id, i) => {
    const m = metas.get(id) as LayerMeta;
    revs.set(id, m.fcRev ?? '');
    return fcs[i] ? [layerFromStored(m, fcs[i] as ImportedLayer['fc'])] : [];
  });
  return { drawings: [...drawings.values()], layers, revs };
}
