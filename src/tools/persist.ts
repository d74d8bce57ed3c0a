/**
 * Drawings and imported layers survive a reload, a crash and a second tab: written to IndexedDB
 * shortly after each change (only what changed: storedWork.ts), read back at start-up, and taken in
 * when another tab of the app saves. A save counts only once IndexedDB committed it (src/lib/db.ts);
 * what could not be kept, and why, is in the storage state for the notice that offers a file instead.
 * Two tabs changing the same drawing or layer end with the one saved last, in both tabs; a tab whose
 * own change was replaced so is told.
 */
import { TOOL_STRINGS } from '../i18n/toolStrings';
import { layerById, layersOf, useLayers } from '../layers/layersState';
import type { GeoJsonLayer as ImportedLayer } from '../layers/model';
import { beforeReload } from '../lib/beforeReload';
import { classify, readKeys, StorageFault } from '../lib/db';
import { newId } from '../lib/ids';
import { afterMapDrawn } from '../map/mapHandle';
import { useApp } from '../state/store';
import { type SaveState, useStorage } from './storageState';
import { drawingsStore, fcKey, type LayerMeta, layerFromStored, layersStore, readSavedWork } from './storedWork';
import { type Drawing, useTools } from './toolsState';

/** Layers of this many features are stored after the map has drawn them. */
const LARGE_LAYER = 20_000;

/** What IndexedDB holds, as far as this tab knows: each drawing, and each layer with its details and features' revision. */
const storedDrawings = new Map<string, Drawing>();
const storedLayers = new Map<string, { layer: ImportedLayer; meta: string; rev: string }>();
/** Drawings and layers this tab saved a change of: if another tab's save replaces one, this tab says so. */
const changedHere = new Set<string>();
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

const metaOf = ({ fc: _fc, ...meta }: ImportedLayer, fcRev: string): LayerMeta => ({ ...meta, fcRev });
const metaText = (l: ImportedLayer) => JSON.stringify(metaOf(l, ''));

/** The drawings that changed since the last committed save, and those gone: one transaction. */
async function flushDrawings(): Promise<void> {
  const drawings = useTools.getState().drawings;
  const current = new Map(drawings.map((d) => [d.properties.id, d]));
  const put = drawings.filter((d) => storedDrawings.get(d.properties.id) !== d).map((d): [string, Drawing] => [d.properties.id, d]);
  const del = [...storedDrawings.keys()].filter((id) => !current.has(id));
  if (put.length === 0 && del.length === 0) return;
  try {
    await drawingsStore.commit(put, del);
    for (const [id, d] of put) {
      storedDrawings.set(id, d);
      changedHere.add(id);
    }
    for (const id of del) storedDrawings.delete(id);
    kept({ drawings: true });
  } catch (error) {
    fail(error, { drawings: true });
  }
}

/** Removed layers, new features, then changed details: each layer's own keys only. */
async function flushLayers(): Promise<void> {
  const imports = layersOf('geojson');
  const current = new Map(imports.map((l) => [l.id, l]));
  for (const id of [...storedLayers.keys()]) {
    if (current.has(id)) continue;
    try {
      await layersStore.commit([], [id], { del: [fcKey(id)] });
      storedLayers.delete(id);
    } catch (error) {
      fail(error, {});
    }
  }
  // New layers (or new features): the features and the details that name them, in one transaction.
  for (const layer of imports) {
    const stored = storedLayers.get(layer.id);
    if (stored?.layer.fc === layer.fc || failedLayers.has(layer.fc)) continue;
    setLayerState(layer.id, 'saving');
    try {
      // Storing copies the features on the main thread (100k points: about 0.4 s here): a large layer is
      // stored once the map has drawn it, so the copy does not delay the drawing. "Saved" waits for it.
      if (layer.fc.features.length >= LARGE_LAYER) {
        await afterMapDrawn();
        // Removed or read again meanwhile: the next flush has the layer as it is now.
        if (layerById('geojson', layer.id)?.fc !== layer.fc) continue;
      }
      const rev = newId('fc');
      await layersStore.commit([[layer.id, metaOf(layer, rev)]], [], { put: [[fcKey(layer.id), layer.fc]] });
      storedLayers.set(layer.id, { layer, meta: metaText(layer), rev });
      changedHere.add(layer.id);
      setLayerState(layer.id, 'saved');
      kept({ layer: layer.id });
    } catch (error) {
      failedLayers.add(layer.fc);
      setLayerState(layer.id, 'failed');
      fail(error, { layer: layer.id });
    }
  }
  // Names, colours, opacity, visibility, style, filter: the details alone.
  const changed = imports.flatMap((l) => {
    const stored = storedLayers.get(l.id);
    return stored && stored.layer.fc === l.fc && stored.meta !== metaText(l) ? [{ l, rev: stored.rev }] : [];
  });
  if (changed.length === 0) return;
  try {
    await layersStore.commit(changed.map(({ l, rev }): [string, LayerMeta] => [l.id, metaOf(l, rev)]));
    for (const { l, rev } of changed) {
      storedLayers.set(l.id, { layer: l, meta: metaText(l), rev });
      changedHere.add(l.id);
      kept({ layer: l.id });
    }
  } catch (error) {
    // A name, colour or style not kept: the layers are named, so the notice can offer them as files.
    fail(error, { layers: changed.map(({ l }) => l.id) });
  }
}

/** Writes what changed since the last committed save. */
async function flushOnce(): Promise<void> {
  await flushDrawings();
  await flushLayers();
  if (!askedToPersist && (storedDrawings.size > 0 || storedLayers.size > 0)) {
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

/** Tells the user their own change of a drawing or layer was replaced by another tab's later save. */
function replacedElsewhere(names: string[]): void {
  if (names.length === 0) return;
  useApp.getState().notify(TOOL_STRINGS[useApp.getState().lang].changedInOtherTab(names));
}

/** Drawings another tab saved or deleted: taken in as stored (so this tab does not write them again). */
async function takeDrawings(ids: string[]): Promise<void> {
  const got = await drawingsStore.read(ids);
  let list = useTools.getState().drawings;
  const replaced: string[] = [];
  for (const [id, d] of got) {
    const mine = list.find((x) => x.properties.id === id);
    if (d === undefined) {
      storedDrawings.delete(id);
      list = list.filter((x) => x.properties.id !== id);
      continue;
    }
    // This tab's own change (saved, or not yet) is replaced by the later save: said, not silent.
    const ownChange = mine && (changedHere.has(id) || storedDrawings.get(id) !== mine);
    if (ownChange && JSON.stringify(mine) !== JSON.stringify(d)) replaced.push(d.properties.name || id);
    storedDrawings.set(id, d);
    changedHere.delete(id);
    list = mine
      ? list.map((x) => (x.properties.id === id ? d : x))
      : [...list, d].sort((a, b) => (a.properties.id < b.properties.id ? -1 : 1));
  }
  const tools = useTools.getState();
  tools.setDrawings(list);
  if (tools.selectedDrawing && !list.some((d) => d.properties.id === tools.selectedDrawing)) tools.selectDrawing(null);
  replacedElsewhere(replaced);
}

/** Layers another tab saved or removed: their details, and their features only when those changed. */
async function takeLayers(ids: string[]): Promise<void> {
  const metas = await layersStore.read(ids);
  const needFeatures = ids.filter((id) => {
    const m = metas.get(id);
    return m && storedLayers.get(id)?.rev !== m.fcRev;
  });
  const fcs = new Map(needFeatures.map((id, i) => [id, i]));
  const read = await readKeys(needFeatures.map(fcKey));
  const replaced: string[] = [];
  for (const [id, m] of metas) {
    const mine = layerById('geojson', id);
    if (!m) {
      storedLayers.delete(id);
      if (mine) useLayers.getState().remove(id);
      continue;
    }
    const i = fcs.get(id);
    const fc = (i !== undefined ? read[i] : mine?.fc) as ImportedLayer['fc'] | undefined;
    if (!fc) continue;
    const layer = layerFromStored(m, fc);
    if (mine && changedHere.has(id) && (metaText(mine) !== metaText(layer) || mine.fc !== fc)) replaced.push(layer.name);
    storedLayers.set(id, { layer, meta: metaText(layer), rev: m.fcRev ?? '' });
    changedHere.delete(id);
    useLayers.getState().add(layer);
    setLayerState(id, 'saved');
  }
  replacedElsewhere(replaced);
}

/** Saves now what is pending and waits for it (a flush under way, then one more). */
async function flushNow(): Promise<void> {
  if (flushing) await flushing;
  scheduleFlush();
  if (flushing) await flushing;
}

export async function restoreTools(): Promise<void> {
  const tools = useTools.getState();
  try {
    const saved = await readSavedWork();
    for (const d of saved.drawings) storedDrawings.set(d.properties.id, d);
    for (const l of saved.layers) storedLayers.set(l.id, { layer: l, meta: metaText(l), rev: saved.revs.get(l.id) ?? '' });
    // Work done before the saved work was read (a very quick drop) joins it rather than replacing it.
    const now = useTools.getState();
    const drawingIds = new Set(saved.drawings.map((d) => d.properties.id));
    const layerIds = new Set(saved.layers.map((l) => l.id));
    tools.setDrawings([...saved.drawings, ...now.drawings.filter((d) => !drawingIds.has(d.properties.id))]);
    useLayers.getState().setKind('geojson', [...saved.layers, ...layersOf('geojson').filter((l) => !layerIds.has(l.id))]);
    useStorage.setState({
      status: 'ok',
      layers: Object.fromEntries(saved.layers.map((l) => [l.id, 'saved' as const])),
    });
    // What the other tabs save from now on.
    drawingsStore.onRemote((ids) => void takeDrawings(ids).catch((e) => console.warn('reading another tab’s drawings:', e)));
    layersStore.onRemote((ids) => void takeLayers(ids).catch((e) => console.warn('reading another tab’s layers:', e)));
  } catch (error) {
    const fault = error instanceof StorageFault ? error : classify(error);
    console.warn(`saved drawings and layers cannot be read or kept: ${fault.kind} (${fault.message})`);
    useStorage.setState({ status: 'unavailable', failure: { kind: fault.kind, drawings: false, layers: [] } });
  } finally {
    useTools.getState().setRestored();
  }
  scheduleFlush();
  // A new version's reload waits for a drawing in progress, and for the last changes to be stored.
  beforeReload(async () => {
    const t = TOOL_STRINGS[useApp.getState().lang];
    if (useTools.getState().draft.length > 0) return t.reloadWaitsForDrawing;
    if (useStorage.getState().status !== 'ok') return null;
    await flushNow();
    const failure = useStorage.getState().failure;
    return failure && (failure.drawings || failure.layers.length > 0) ? t.reloadWaitsForUnsaved : null;
  });
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
