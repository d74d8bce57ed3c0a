/**
 * Adding, keeping and restoring map-service layers. A service is tried first — one tile where the county
 * is, fetched as the map would — and refused with the reason when that fails, so nothing on the map
 * changes. Kept in IndexedDB one key per layer (no token: secrets.ts), told to the other tabs; a basemap
 * is offered with the online basemaps (and chosen), an overlay drawn with the user's layers. A tile
 * fault later marks the layer failed, with the reason, and stops drawing it.
 */
import { chooseAgainIfKept } from '../basemap/chosenBasemap';
import type { BasemapConfig } from '../basemap/config';
import { offerBasemaps } from '../basemap/offerBasemaps';
import { COUNTY_SEAT, meta } from '../data/geodata';
import { layerById, layersOf, nextColor, useLayers } from '../layers/layersState';
import type { ServiceLayer } from '../layers/model';
import { newId } from '../lib/ids';
import { KeyedCollection } from '../lib/keyed';
import { useApp } from '../state/store';
import type { ServiceDef } from './model';
import { problemOf } from './problems';
import { onServiceProblem, probe, registerService, unregisterService } from './protocol';
import { SERVICE_STRINGS, serviceProblemText } from './serviceStrings';
import { serviceUrl } from './serviceUrl';
import { tileAt } from './tileRequest';

export const SERVICE_PREFIX = 'suichang:service:v1:';
/** As kept: `order` is the drawing order among the services (first is lowest). */
type Stored = Omit<ServiceLayer, 'kind' | 'status'> & { order?: number };
const store = new KeyedCollection<Stored>('services', SERVICE_PREFIX);
const s = () => SERVICE_STRINGS[useApp.getState().lang];

/** The datum the map is drawn in now (an online basemap's, else the data's). */
const mapDatum = () => {
  const a = useApp.getState();
  return a.basemaps.find((b) => b.id === a.basemapId)?.datum ?? meta.datum;
};

/** Tries the service where the county is (zoom 12 at the county seat), in the datum it would be drawn in. */
export async function tryService(def: ServiceDef, role: ServiceLayer['role']): Promise<void> {
  const id = newId('probe');
  registerService(id, def);
  try {
    const [z, x, y] = tileAt(COUNTY_SEAT[0], COUNTY_SEAT[1], 12);
    await probe(def, z, x, y, role === 'basemap' ? def.datum : mapDatum());
  } finally {
    unregisterService(id);
  }
}

/** Adds a service as a basemap or an overlay once a tile came; false (and said why) when none would. */
export async function addService(def: ServiceDef, role: ServiceLayer['role']): Promise<boolean> {
  await restoreServices();
  try {
    await tryService(def, role);
  } catch (error) {
    useApp.getState().notify(s().refused(def.title, serviceProblemText(problemOf(error), useApp.getState().lang)));
    return false;
  }
  const layer: ServiceLayer = {
    kind: 'service',
    id: newId('svc'),
    name: def.title,
    datum: def.datum,
    color: nextColor(),
    opacity: role === 'basemap' ? 1 : 0.8,
    visible: true,
    service: def,
    role,
    status: { kind: 'ready' },
  };
  registerService(layer.id, def);
  useLayers.getState().add(layer);
  if (role === 'basemap') useApp.getState().setBasemap(layer.id);
  useApp.getState().notify(s().added(def.title));
  return true;
}

export function removeService(id: string): void {
  const l = layerById('service', id);
  useLayers.getState().remove(id);
  if (l?.role === 'basemap' && useApp.getState().basemapId === id) useApp.getState().setBasemap('embedded');
  unregisterService(id);
}

/** Tries a failed service again. */
export async function retryService(id: string): Promise<void> {
  const l = layerById('service', id);
  if (!l) return;
  try {
    await tryService(l.service, l.role);
    registerService(id, l.service);
    useLayers.getState().update(id, { status: { kind: 'ready' } });
  } catch (error) {
    useLayers.getState().update(id, { status: { kind: 'error', problem: problemOf(error) } });
  }
}

/** The service basemaps among the online basemaps (the configured ones kept first). */
function syncBasemaps(layers: readonly ServiceLayer[]): void {
  const own: BasemapConfig[] = layers
    .filter((l) => l.role === 'basemap' && l.status.kind === 'ready')
    .map((l) => ({
      id: l.id,
      name: { zh: l.name, en: l.name },
      type: 'raster',
      tiles: [serviceUrl(l.id, l.service.datum)],
      tileSize: 256,
      maxzoom: l.service.maxzoom,
      datum: l.service.datum,
      attribution: l.service.attribution || l.service.title,
      service: true,
    }));
  offerBasemaps((b) => Boolean(b.service), own);
}

const storedOf = ({ kind: _k, status: _s, ...rest }: ServiceLayer, order: number): Stored => ({ ...rest, order });
const layerOf = ({ order: _o, ...st }: Stored): ServiceLayer => ({ ...st, kind: 'service', status: { kind: 'ready' } });
const orderOf = (l: ServiceLayer) => layersOf('service').indexOf(l);

let saving: Promise<void> = Promise.resolve();
function persist(put: ServiceLayer[], del: string[]): void {
  saving = saving
    .catch(() => undefined)
    .then(() =>
      store.commit(
        put.map((l): [string, Stored] => [l.id, storedOf(l, orderOf(l))]),
        del,
      ),
    )
    .catch((e) => useApp.getState().notify(s().notKept(String((e as Error)?.message ?? e))));
}

/** Layers another tab added, changed or removed: read back. */
async function takeRemote(ids: string[]): Promise<void> {
  const read = await store.read(ids);
  for (const [id, st] of read) {
    if (!st) {
      if (layerById('service', id)) {
        applyingRemote = true;
        removeService(id);
        applyingRemote = false;
      }
      continue;
    }
    registerService(id, st.service);
    applyingRemote = true;
    const before = layerById('service', id);
    useLayers.getState().add({ ...layerOf(st), ...(before ? { status: before.status } : {}) });
    applyingRemote = false;
  }
}

let applyingRemote = false;
let started = false;
/** Reads the kept services back and keeps them from now on. */
export async function restoreServices(): Promise<void> {
  if (started) return;
  started = true;
  const kept = await store.readAll().catch(() => new Map<string, Stored>());
  for (const [id, st] of kept) registerService(id, st.service);
  const layers = [...kept.values()].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)).map(layerOf);
  if (layers.length) useLayers.getState().setKind('service', layers);
  syncBasemaps(layers);
  // The service chosen as the basemap last time, now that it is offered again.
  for (const l of layers) if (l.role === 'basemap') chooseAgainIfKept(l.id);
  useLayers.subscribe((st, prev) => {
    const now = layersOf('service', st.layers);
    const before = layersOf('service', prev.layers);
    if (now === before) return;
    syncBasemaps(now);
    if (applyingRemote) return;
    const changed = now.filter(
      (l) =>
        (!before.includes(l) || before.indexOf(l) !== now.indexOf(l)) &&
        (() => {
          const b = before.find((x) => x.id === l.id);
          // A status alone is not kept (a fault is found again); a new place in the drawing order is.
          return !b || JSON.stringify(storedOf(b, before.indexOf(b))) !== JSON.stringify(storedOf(l, now.indexOf(l)));
        })(),
    );
    const gone = before.filter((b) => !now.some((l) => l.id === b.id)).map((b) => b.id);
    if (changed.length || gone.length) persist(changed, gone);
  });
  store.onRemote((ids) => void takeRemote(ids));
  onServiceProblem((id, p) => {
    const l = layerById('service', id);
    if (!l || l.status.kind === 'error') return;
    useLayers.getState().update(id, { status: { kind: 'error', problem: p } });
    const lang = useApp.getState().lang;
    useApp.getState().notify(SERVICE_STRINGS[lang].failed(l.name, serviceProblemText(p, lang)));
    if (l.role === 'basemap' && useApp.getState().basemapId === id) useApp.getState().setBasemap('embedded');
  });
}
