/**
 * Drawings and imported layers survive a reload or a crash: written to IndexedDB shortly after each
 * change, read back at start-up. A save counts only once IndexedDB committed it (db.ts); what could
 * not be kept, and why, is in the storage state for the notice that offers to export it instead.
 *
 * Layout: the drawings under one key; each imported layer's features under a key of their own,
 * written in one transaction with the index of layers (names, colours, …), so a reload at any moment
 * finds each layer whole or not at all, and a colour change rewrites the index, not the features.
 */
import { layersOf, useLayers } from '../layers/layersState';
import type { GeoJsonLayer as ImportedLayer } from '../layers/model';
import { classify, readKeys, StorageFault, write } from '../lib/db';
import { afterMapDrawn } from '../map/mapHandle';
import { type SaveState, useStorage } from './storageState';
import { type Drawing, useTools } from './toolsState';

const KEY_DRAWINGS = 'suichang:drawings:v1';
/** Version 1 kept every layer, features and all, under one key; read once and moved to version 2. */
const KEY_IMPORTS_V1 = 'suichang:imports:v1';
const KEY_INDEX = 'suichang:imports:v2';
const fcKey = (id: string) => `suichang:import:v2:${id}`;
/** Layers of this many features are stored after the map has drawn them. */
const LARGE_LAYER = 20_000;

/** As listed in the index: everything but the features (and, before the one layer model, no `kind`). */
type LayerMeta = Omit<ImportedLayer, 'fc' | 'kind'> & { kind?: 'geojson' };
const metaOf = ({ fc: _fc, ...meta }: ImportedLayer): LayerMeta => meta;
/** A layer as read back: an index written before the one layer model has no `kind`, and gets it. */
export const layerFromStored = (m: LayerMeta, fc: ImportedLayer['fc']): ImportedLayer => ({ ...m, kind: 'geojson', fc });

/** What IndexedDB holds, as far as this page knows: the drawings and the layers whose features are stored. */
let storedDrawings: Drawing[] | null = null;
const storedLayers = new Map<string, ImportedLayer>();
let storedIndex = '[]';
/** Layers whose save failed: not retried on every change, only once space may have been freed. */
const failedLayers = new WeakSet<ImportedLayer['fc']>();
let askedToPersist = false;

const setLayerState = (id: string, state: SaveState) => useStorage.setState((s) => ({ layers: { ...s.layers, [id]: state } }));

function fail(error: unknown, what: { drawings?: boolean; layer?: string; layers?: string[] }) {
  const fault = classify(error);
  const named = [...(what.layer ? [what.layer] : []), ...(what.layers ?? [])];
  console.warn(
    `could not save ${what.drawings ? 'the drawings' : `layers ${named.join(', ') || '(index)'}`}: ${fault.kind} (${fault.message})`,
  );
  useStorage.setState((s) => {
    const before = s.failure;
    return {
      dismissed: false,
      failure: {
        kind: fault.kind,
        drawings: Boolean(what.drawings) || Boolean(before?.drawings),
        layers: [...new Set([...(before?.layers ?? []), ...named])],
      },
    };
  });
}

/** A later save of the same work succeeded: it is no longer at risk. */
function kept(what: { drawings?: boolean; layer?: string }) {
  useStorage.setState((s) => {
    if (!s.failure) return s;
    const drawings = s.failure.drawings && !what.drawings;
    const layers = s.failure.layers.filter((id) => id !== what.layer);
    return { failure: drawings || layers.length > 0 ? { ...s.failure, drawings, layers } : null };
  });
}

const indexOf = (layers: Iterable<ImportedLayer>) => JSON.stringify([...layers].map(metaOf));

/** Writes what changed since the last committed save, each piece in its own transaction. */
async function flushOnce(): Promise<void> {
  const { drawings } = useTools.getState();
  const imports = layersOf('geojson');
  if (drawings !== storedDrawings) {
    try {
      await write({ put: [[KEY_DRAWINGS, drawings]] });
      storedDrawings = drawings;
      kept({ drawings: true });
    } catch (error) {
      fail(error, { drawings: true });
    }
  }
  const current = new Map(imports.map((l) => [l.id, l]));
  // Removed layers: their features and their place in the index go in one transaction.
  for (const id of [...storedLayers.keys()]) {
    if (current.has(id)) continue;
    const next = new Map(storedLayers);
    next.delete(id);
    const index = indexOf(next.values());
    try {
      await write({ put: [[KEY_INDEX, JSON.parse(index)]], del: [fcKey(id)] });
      storedLayers.delete(id);
      storedIndex = index;
    } catch (error) {
      fail(error, {});
    }
  }
  // New layers (or new features): the features and the index that names them, in one transaction.
  for (const layer of imports) {
    const stored = storedLayers.get(layer.id);
    if (stored?.fc === layer.fc || failedLayers.has(layer.fc)) continue;
    const next = new Map(storedLayers);
    next.set(layer.id, layer);
    const index = indexOf(imports.filter((l) => next.has(l.id)).map((l) => next.get(l.id) as ImportedLayer));
    setLayerState(layer.id, 'saving');
    try {
      // Storing copies the features on the main thread (100k points: about 0.4 s here): a large layer is
      // stored once the map has drawn it, so the copy does not delay the drawing. "Saved" waits for it.
      if (layer.fc.features.length >= LARGE_LAYER) {
        await afterMapDrawn();
        // Removed or read again meanwhile: the next flush has the layer as it is now.
        if (layersOf('geojson').find((l) => l.id === layer.id)?.fc !== layer.fc) continue;
      }
      await write({
        put: [
          [fcKey(layer.id), layer.fc],
          [KEY_INDEX, JSON.parse(index)],
        ],
      });
      storedLayers.set(layer.id, layer);
      storedIndex = index;
      setLayerState(layer.id, 'saved');
      kept({ layer: layer.id });
    } catch (error) {
      failedLayers.add(layer.fc);
      setLayerState(layer.id, 'failed');
      fail(error, { layer: layer.id });
    }
  }
  // Names, colours, opacity, visibility, order: the index alone.
  for (const layer of imports) if (storedLayers.has(layer.id)) storedLayers.set(layer.id, layer);
  const index = indexOf(imports.filter((l) => storedLayers.has(l.id)));
  if (index !== storedIndex) {
    try {
      await write({ put: [[KEY_INDEX, JSON.parse(index)]] });
      storedIndex = index;
      for (const id of storedLayers.keys()) kept({ layer: id });
    } catch (error) {
      // A name, colour or style not kept: the layers are named, so the notice can offer them as files.
      fail(error, { layers: [...storedLayers.keys()] });
    }
  }
  if (!askedToPersist && (drawings.length > 0 || storedLayers.size > 0)) {
    askedToPersist = true;
    void askToPersist();
  }
  void refreshEstimate();
}

/** Asks the browser to keep the work under storage pressure (once there is work to keep). */
async function askToPersist(): Promise<void> {
  try {
    const persisted = (await navigator.storage?.persisted?.()) || (await navigator.storage?.persist?.());
    useStorage.setState({ persisted: Boolean(persisted) });
  } catch {
    useStorage.setState({ persisted: false });
  }
}

export async function refreshEstimate(): Promise<void> {
  try {
    const e = await navigator.storage?.estimate?.();
    if (e && typeof e.usage === 'number' && typeof e.quota === 'number')
      useStorage.setState({ estimate: { usage: e.usage, quota: e.quota } });
  } catch {
    // No estimate: the panel says nothing about space.
  }
}

let flushing: Promise<void> | null = null;
let again = false;
/** One flush at a time; changes during a flush are written by one more flush after it. */
function scheduleFlush() {
  if (useStorage.getState().status !== 'ok') return;
  if (flushing) {
    again = true;
    return;
  }
  flushing = new Promise<void>((r) => setTimeout(r, 0))
    .then(flushOnce)
    .catch((error) => fail(error, {}))
    .finally(() => {
      flushing = null;
      if (again) {
        again = false;
        scheduleFlush();
      }
    });
}

/** The save of a layer just added: resolves once it is committed, failed, or kept for this session only. */
export function whenSaved(layerId: string): Promise<SaveState> {
  return new Promise((resolve) => {
    const check = (s = useStorage.getState()) => {
      if (s.status === 'unavailable') return 'session' as const;
      const st = s.layers[layerId];
      return st === 'saved' || st === 'failed' ? st : null;
    };
    const now = check();
    if (now) return resolve(now);
    const off = useStorage.subscribe((s) => {
      const st = check(s);
      if (st) {
        off();
        resolve(st);
      }
    });
  });
}

async function readSaved(): Promise<{ drawings: Drawing[]; layers: ImportedLayer[]; migrate: boolean }> {
  const [drawings, index, legacy] = await readKeys([KEY_DRAWINGS, KEY_INDEX, KEY_IMPORTS_V1]);
  let layers: ImportedLayer[] = [];
  let migrate = false;
  if (Array.isArray(index)) {
    const metas = index as LayerMeta[];
    const fcs = await readKeys(metas.map((m) => fcKey(m.id)));
    // A layer is listed only with its features (one transaction writes both): one without is skipped.
    layers = metas.flatMap((m, i) => (fcs[i] ? [layerFromStored(m, fcs[i] as ImportedLayer['fc'])] : []));
  } else if (Array.isArray(legacy)) {
    layers = (legacy as (LayerMeta & { fc: ImportedLayer['fc'] })[]).map(({ fc, ...m }) => layerFromStored(m, fc));
    migrate = true;
  }
  return { drawings: Array.isArray(drawings) ? (drawings as Drawing[]) : [], layers, migrate };
}

export async function restoreTools(): Promise<void> {
  const tools = useTools.getState();
  try {
    const saved = await readSaved();
    if (saved.migrate) {
      await write({
        put: [...saved.layers.map((l): [string, unknown] => [fcKey(l.id), l.fc]), [KEY_INDEX, saved.layers.map(metaOf)]],
        del: [KEY_IMPORTS_V1],
      });
    }
    storedDrawings = saved.drawings;
    for (const l of saved.layers) storedLayers.set(l.id, l);
    storedIndex = indexOf(saved.layers);
    // Work done before the saved work was read (a very quick drop) joins it rather than replacing it.
    const now = useTools.getState();
    const drawingIds = new Set(saved.drawings.map((d) => d.properties.id));
    const layerIds = new Set(saved.layers.map((l) => l.id));
    tools.setDrawings(
      now.drawings.length === 0 ? saved.drawings : [...saved.drawings, ...now.drawings.filter((d) => !drawingIds.has(d.properties.id))],
    );
    const nowLayers = layersOf('geojson');
    useLayers.getState().setKind('geojson', [...saved.layers, ...nowLayers.filter((l) => !layerIds.has(l.id))]);
    useStorage.setState({
      status: 'ok',
      layers: Object.fromEntries(saved.layers.map((l) => [l.id, 'saved' as const])),
    });
  } catch (error) {
    const fault = error instanceof StorageFault ? error : classify(error);
    console.warn(`saved drawings and layers cannot be read or kept: ${fault.kind} (${fault.message})`);
    useStorage.setState({ status: 'unavailable', failure: { kind: fault.kind, drawings: false, layers: [] } });
  } finally {
    useTools.getState().setRestored();
  }
  scheduleFlush();
  useTools.subscribe((s, prev) => {
    // A drag writes once, when it ends, not at every pointer move.
    if (s.previewing) return;
    if (s.drawings !== prev.drawings || prev.previewing) scheduleFlush();
  });
  useLayers.subscribe((s, prev) => {
    const now = layersOf('geojson', s.layers);
    const before = layersOf('geojson', prev.layers);
    if (now.length === before.length && now.every((l, i) => l === before[i])) return;
    // A layer removed may have freed space: layers that failed to save are tried again.
    if (now.length < before.length) for (const l of now) failedLayers.delete(l.fc);
    scheduleFlush();
  });
  void refreshEstimate();
}
