/**
 * Adding, keeping and restoring tiled layers. A URL is kept as text; a dropped or chosen file as its
 * bytes when it is small enough to store (KEEP_BYTES), else as its file handle where the browser gives
 * one (Chromium: reading it again after a reload needs a click), else not at all — and then the layer
 * is still listed after a reload, saying the file was not kept, with a button to choose it again.
 * "Saved" is said only once IndexedDB committed (db.ts). The index (names, styling) and each file's
 * bytes are separate keys, so a colour change does not rewrite a 100 MB file.
 */

import { layerById, layersOf, nextColor, useLayers } from '../layers/layersState';
import type { KeptState, TiledLayer, TiledOrigin } from '../layers/model';
import { readKeys, StorageFault, type Write } from '../lib/db';
import { newId } from '../lib/ids';
import { claimLayout, KeyedCollection } from '../lib/keyed';
import { fitBounds } from '../map/cameraApi';
import { useApp } from '../state/store';
import { TilesError } from './archive';
import { startImageArchives } from './imageArchive';
import { type OpenedArchive, openFile, openUrl, problemOf } from './open';
import { TILE_STRINGS, tilesProblemText } from './tileStrings';
import { KEPT_PREFIX, useTiles, KEY_TILED_INDEX as V1_INDEX } from './tilesState';

/** Files up to this size are stored whole in the browser; larger ones by handle only. */
export const KEEP_BYTES = 100 * 1024 * 1024;
const fileKey = (id: string) => `suichang:tiled-file:${id}`;

const lang = () => useApp.getState().lang;
const s = () => TILE_STRINGS[lang()];

/** As kept in IndexedDB: no `kind` before the one layer model (read as 'tiled'). */
type Stored = Omit<TiledLayer, 'status' | 'kept' | 'origin' | 'kind'> & {
  origin:
    | { kind: 'url'; url: string; config?: boolean }
    | { kind: 'file'; fileName: string; size: number; how: 'bytes' | 'handle' | 'none' };
};

/** An archive of image tiles goes over the map when a real map is under it, else it becomes the basemap (there is only the outlines to lose). */
const imageRole = (): 'overlay' | 'basemap' => (useApp.getState().basemapId === 'embedded' ? 'basemap' : 'overlay');

function layerOf(id: string, name: string, origin: TiledOrigin, a: OpenedArchive, kept: KeptState): TiledLayer {
  return {
    ...(a.raster ? { raster: { ...a.raster, ...(a.attribution ? { credit: a.attribution } : {}) }, role: imageRole() } : {}),
    kind: 'tiled',
    id,
    name,
    origin,
    status: { kind: 'ready' },
    kept,
    key: a.key,
    bounds: a.bounds,
    datum: a.datum,
    minZoom: a.minZoom,
    maxZoom: a.maxZoom,
    vectorLayers: a.vectorLayers,
    color: nextColor(),
    opacity: 0.8,
    visible: true,
  };
}

/** A new layer on the map: an image archive as the basemap is chosen (offered by imageArchive.ts as it is added). */
function place(l: TiledLayer, zoom: boolean): void {
  useLayers.getState().add(l);
  if (l.role === 'basemap') useApp.getState().setBasemap(l.id);
  if (zoom) fitBounds(l.bounds);
}

/** Said when a layer is added; an image archive also says where it went (its row can move it). */
function addedText(l: TiledLayer): string {
  if (!l.raster) return s().added(l.name);
  return l.role === 'basemap' ? s().rasterBasemap(l.name, l.raster.format, l.datum) : s().rasterOverlay(l.name, l.raster.format, l.datum);
}

function refuse(name: string, error: unknown): false {
  useApp.getState().notify(s().refused(name, tilesProblemText(problemOf(error), lang())));
  return false;
}

/** A .pmtiles file dropped on the map or chosen: checked, drawn, zoomed to, and kept if it can be. */
export async function addTiledFile(file: File, handle?: FileSystemFileHandle): Promise<boolean> {
  const tiles = useTiles.getState();
  // An MBTiles file (SQLite): the same tiles in another container, said how to convert, not read as an import.
  if (/\.mbtiles$/i.test(file.name)) return refuse(file.name, new TilesError({ code: 'mbtiles' }));
  tiles.setOpening(file.name);
  try {
    const id = newId('tiles');
    const opened = await openFile(file, `file-${id}`);
    const origin: TiledOrigin = { kind: 'file', fileName: file.name, size: file.size, file, ...(handle ? { handle } : {}) };
    const layer = layerOf(id, file.name.replace(/\.pmtiles$/i, ''), origin, opened, { kind: 'saving' });
    place(layer, true);
    useApp.getState().notify(addedText(layer));
    void keepFile(layer, file, handle);
    return true;
  } catch (error) {
    return refuse(file.name, error);
  } finally {
    useTiles.getState().setOpening(null);
  }
}

/** An archive on a static host (relative to the app, or absolute): read by range requests. */
export async function addTiledUrl(
  url: string,
  options: {
    name?: string;
    names?: { zh: string; en: string };
    id?: string;
    config?: boolean;
    color?: string;
    opacity?: number;
    visible?: boolean;
    zoom?: boolean;
  } = {},
): Promise<boolean> {
  const name =
    options.name ??
    decodeURIComponent(
      url
        .split('/')
        .pop()
        ?.replace(/\.pmtiles(\?.*)?$/i, '') || url,
    );
  const existing = layersOf('tiled').find((l) => l.origin.kind === 'url' && l.origin.url === url);
  if (existing) {
    if (options.zoom !== false) fitBounds(existing.bounds);
    return true;
  }
  useTiles.getState().setOpening(name);
  try {
    const opened = await openUrl(url);
    const layer: TiledLayer = {
      ...layerOf(
        options.id ?? newId('tiles'),
        name,
        { kind: 'url', url, ...(options.config ? { config: true } : {}) },
        opened,
        options.config ? { kind: 'saved', how: 'url' } : { kind: 'saving' },
      ),
      ...(options.names ? { names: options.names } : {}),
      ...(options.color ? { color: options.color } : {}),
      ...(options.opacity !== undefined ? { opacity: options.opacity } : {}),
      ...(options.visible !== undefined ? { visible: options.visible } : {}),
      // An image archive published with the app lies over the map; the user may make it the basemap.
      ...(options.config && opened.raster ? { role: 'overlay' as const } : {}),
    };
    place(layer, options.zoom !== false);
    if (!options.config) {
      useApp.getState().notify(addedText(layer));
      void saveLayers([layer.id]).then(
        () => setKept(layer.id, { kind: 'saved', how: 'url' }),
        (e) => setKept(layer.id, { kind: 'session', why: faultText(e) }),
      );
    }
    return true;
  } catch (error) {
    return refuse(url, error);
  } finally {
    useTiles.getState().setOpening(null);
  }
}

const setKept = (id: string, kept: KeptState) => useLayers.getState().update(id, { kept });
const faultText = (e: unknown) => (e instanceof StorageFault ? `${s().notKept} (${e.kind}: ${e.message})` : String(e));

async function keepFile(layer: TiledLayer, file: File, handle?: FileSystemFileHandle): Promise<void> {
  const how = keptHow({ kind: 'file', fileName: file.name, size: file.size, file, ...(handle ? { handle } : {}) });
  if (how === 'none') {
    const { formatBytes } = await import('../i18n/format');
    setKept(layer.id, { kind: 'session', why: s().tooBigToKeep(formatBytes(file.size, lang())) });
  }
  try {
    await saveLayers([layer.id], { put: how === 'none' ? [] : [[fileKey(layer.id), how === 'bytes' ? file : handle]] });
    if (how !== 'none') setKept(layer.id, { kind: 'saved', how });
  } catch (error) {
    setKept(layer.id, { kind: 'session', why: faultText(error) });
  }
}

/** How a file is kept: whole when small, else by its handle where the browser gave one, else not. */
function keptHow(origin: Extract<TiledOrigin, { kind: 'file' }>): 'bytes' | 'handle' | 'none' {
  return origin.file && origin.size <= KEEP_BYTES ? 'bytes' : origin.handle ? 'handle' : 'none';
}

/**
 * The kept layers, one per key (layout 2: two tabs adding archives keep both), each with its file's
 * bytes or handle under a key of its own. Layers published with the app (layers.json) are not kept.
 */
const tiledStore = new KeyedCollection<Stored>('tiled', KEPT_PREFIX);

const storedOf = ({ status: _status, kept: _kept, kind: _kind, origin, ...rest }: TiledLayer): Stored => ({
  ...rest,
  origin:
    origin.kind === 'url'
      ? origin
      : {
          kind: 'file',
          fileName: origin.fileName,
          size: origin.size,
          how: keptHow(origin),
        },
});

const keptLayer = (l: TiledLayer) => !(l.origin.kind === 'url' && l.origin.config);

let saving: Promise<void> = Promise.resolve();
/** Writes some layers' entries (names, styling, where each comes from) and any `extra` keys, one write after another. */
function saveLayers(ids: readonly string[], extra: Write = {}): Promise<void> {
  const layers = ids.flatMap((id) => {
    const l = layerById('tiled', id);
    return l && keptLayer(l) ? [l] : [];
  });
  saving = saving
    .catch(() => undefined)
    .then(() =>
      tiledStore.commit(
        layers.map((l): [string, Stored] => [l.id, storedOf(l)]),
        [],
        extra,
      ),
    );
  return saving;
}

export async function removeTiled(id: string): Promise<void> {
  useLayers.getState().remove(id);
  if (useTiles.getState().picked?.layerId === id) useTiles.getState().pick(null);
  try {
    await tiledStore.commit([], [id], { del: [fileKey(id)] });
  } catch {
    // Nothing was kept, or storage is gone: the layer is off the map either way.
  }
}

/** Opens a kept layer again from what was kept; its status says what is missing otherwise. */
async function reopenStored(st: Stored, kept: unknown): Promise<TiledLayer> {
  const base: TiledLayer = {
    ...st,
    kind: 'tiled',
    origin: st.origin.kind === 'url' ? st.origin : { kind: 'file', fileName: st.origin.fileName, size: st.origin.size },
    status: { kind: 'missing' },
    kept: { kind: 'saved', how: st.origin.kind === 'url' ? 'url' : st.origin.how === 'handle' ? 'handle' : 'bytes' },
  };
  try {
    if (st.origin.kind === 'url') {
      const a = await openUrl(st.origin.url);
      return { ...base, key: a.key, status: { kind: 'ready' } };
    }
    if (kept instanceof Blob) {
      const file = kept instanceof File ? kept : new File([kept], st.origin.fileName);
      const a = await openFile(file, `file-${st.id}`);
      return { ...base, origin: { ...base.origin, file } as TiledOrigin, key: a.key, status: { kind: 'ready' } };
    }
    const handle = kept as FileSystemFileHandle | undefined;
    if (handle && typeof handle.getFile === 'function') {
      const permission = await (handle as unknown as { queryPermission?: (o: object) => Promise<string> }).queryPermission?.({
        mode: 'read',
      });
      if (permission !== 'granted')
        return { ...base, origin: { ...base.origin, handle } as TiledOrigin, status: { kind: 'needs-permission' } };
      const file = await handle.getFile();
      const a = await openFile(file, `file-${st.id}`);
      return { ...base, origin: { ...base.origin, file, handle } as TiledOrigin, key: a.key, status: { kind: 'ready' } };
    }
    return { ...base, kept: { kind: 'session', why: s().missing(st.origin.fileName) } };
  } catch (error) {
    return { ...base, status: { kind: 'error', text: tilesProblemText(problemOf(error), lang()) } };
  }
}

/** Moves layout 1's index (one key for every kept layer), as boot.ts read it, to a key per layer, in one transaction. */
async function migrate(v1: unknown): Promise<void> {
  if (v1 === undefined) return;
  const index = Array.isArray(v1) ? (v1 as Stored[]) : [];
  await claimLayout({ put: index.map((st): [string, unknown] => [tiledStore.key(st.id), st]), del: [V1_INDEX] });
}

/** Layers read back, each opened again (or listed with what stops it), into the store in the order of their ids. */
async function reopenAll(entries: readonly Stored[]): Promise<TiledLayer[]> {
  const files = await readKeys(entries.map((l) => fileKey(l.id))).catch(() => entries.map(() => undefined));
  return Promise.all(entries.map((st, i) => reopenStored(st, files[i])));
}

/** After a reload: the kept layers (`v1`: layout 1's index as boot.ts read it), each opened again or listed with what stops it. */
export async function restoreTiles(v1: unknown): Promise<void> {
  await migrate(v1);
  const entries = [...(await tiledStore.readAll()).values()];
  if (entries.length === 0) return;
  const layers = await reopenAll(entries);
  const now = layersOf('tiled');
  useLayers.getState().setKind('tiled', [...layers, ...now.filter((l) => !layers.some((x) => x.id === l.id))]);
}

/** Layers another tab kept, changed or removed: taken in (an open layer's styling follows; a new one is opened). */
export async function takeTiled(ids: readonly string[]): Promise<void> {
  const got = await tiledStore.read(ids);
  const fresh: Stored[] = [];
  for (const [id, st] of got) {
    const mine = layerById('tiled', id);
    if (!st) {
      if (mine) useLayers.getState().remove(id);
      continue;
    }
    if (mine?.status.kind === 'ready')
      useLayers.getState().update(id, {
        name: st.name,
        color: st.color,
        opacity: st.opacity,
        visible: st.visible,
        style: st.style,
        labelField: st.labelField,
        ...(st.role ? { role: st.role } : {}),
      });
    else fresh.push(st);
  }
  for (const layer of await reopenAll(fresh)) useLayers.getState().add(layer);
}

/** A click on "allow reading": the permission prompt needs the user's gesture. */
export async function grantAndReopen(id: string): Promise<void> {
  const layer = layerById('tiled', id);
  const handle = layer?.origin.kind === 'file' ? layer.origin.handle : undefined;
  if (!layer || !handle) return;
  try {
    const h = handle as unknown as { requestPermission?: (o: object) => Promise<string> };
    if ((await h.requestPermission?.({ mode: 'read' })) !== 'granted') return;
    const file = await handle.getFile();
    const a = await openFile(file, `file-${id}`);
    useLayers.getState().update(id, { key: a.key, status: { kind: 'ready' }, origin: { ...layer.origin, file } as TiledOrigin });
  } catch (error) {
    useLayers.getState().update(id, { status: { kind: 'error', text: tilesProblemText(problemOf(error), lang()) } });
  }
}

/** The file of a layer that was not kept, chosen again: the same layer (styling and all) comes back. */
export async function replaceFile(id: string, file: File): Promise<boolean> {
  const layer = layerById('tiled', id);
  if (!layer) return false;
  try {
    const a = await openFile(file, `file-${id}-${Date.now().toString(36)}`);
    useLayers.getState().update(id, {
      key: a.key,
      bounds: a.bounds,
      datum: a.datum,
      minZoom: a.minZoom,
      maxZoom: a.maxZoom,
      vectorLayers: a.vectorLayers,
      ...(a.raster ? { raster: { ...a.raster, ...(a.attribution ? { credit: a.attribution } : {}) } } : {}),
      status: { kind: 'ready' },
      origin: { kind: 'file', fileName: file.name, size: file.size, file },
      kept: { kind: 'saving' },
    });
    void keepFile({ ...layer }, file);
    return true;
  } catch (error) {
    return refuse(file.name, error);
  }
}

export const zoomToTiled = (l: TiledLayer) => fitBounds(l.bounds);

// Image archives: drawn over the map through the service protocol, or offered as basemaps, from the first one on.
startImageArchives();

/** A style change is written to the index (not the file). */
useLayers.subscribe((st, prev) => {
  if (st.layers === prev.layers) return;
  const changed = layersOf('tiled', st.layers).filter((l) => {
    const p = layersOf('tiled', prev.layers).find((x) => x.id === l.id);
    return (
      p &&
      (p.color !== l.color ||
        p.opacity !== l.opacity ||
        p.visible !== l.visible ||
        p.style !== l.style ||
        p.labelField !== l.labelField ||
        p.role !== l.role)
    );
  });
  if (changed.length > 0) void saveLayers(changed.map((l) => l.id)).catch(() => undefined);
});
