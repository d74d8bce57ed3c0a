/**
 * Archives of image tiles (an office's orthophoto, a scanned plan, a rendered terrain) as tiled layers:
 * kept across reloads like any archive (manage.ts), drawn either over the map with the user's layers
 * or offered as a basemap and chosen. Over the map, an archive in another datum than the map's is
 * shifted onto it by the map-service protocol (src/services/protocol.ts: its tiles are read here on the
 * page, where the archive is open, and resampled in the worker); as a basemap it is drawn as it is and
 * the sites are converted to its datum, as on any basemap.
 */
import { chooseAgainIfKept } from '../basemap/chosenBasemap';
import type { BasemapConfig } from '../basemap/config';
import { offerBasemaps } from '../basemap/offerBasemaps';
import { layerById, layersOf, useLayers } from '../layers/layersState';
import type { TiledLayer } from '../layers/model';
import { ensureProtocol } from '../lib/pmtilesProtocol';
import type { ServiceDef } from '../services/model';
import { ServiceError } from '../services/problems';
import { onServiceProblem, registerService, setArchiveReader, unregisterService } from '../services/protocol';
import { serviceProblemText } from '../services/serviceStrings';
import { useApp } from '../state/store';
import { TilesError } from './archive';
import { TILE_STRINGS } from './tileStrings';

export type ImageLayer = TiledLayer & { raster: NonNullable<TiledLayer['raster']> };
export const isImageLayer = (l: TiledLayer): l is ImageLayer => l.raster !== undefined;

const template = (key: string) => `pmtiles://${key}/{z}/{x}/{y}`;
const TILE_URL = /^pmtiles:\/\/(.+)\/(\d+)\/(\d+)\/(\d+)$/;
const MIME: Record<string, string> = { png: 'image/png', jpeg: 'image/jpeg', jpg: 'image/jpeg', webp: 'image/webp', avif: 'image/avif' };

/** The archive as a map service of Web Mercator tiles: what the svc protocol draws over the map. */
export function archiveService(l: ImageLayer): ServiceDef {
  return {
    type: 'xyz',
    title: l.name,
    template: template(l.key),
    grid: { kind: 'webmercator' },
    tileSize: l.raster.tileSize,
    minzoom: l.minZoom,
    maxzoom: l.maxZoom,
    datum: l.datum,
    attribution: l.raster.credit || l.name,
    from: { url: l.origin.kind === 'url' ? l.origin.url : l.origin.fileName, format: l.raster.format },
  };
}

/** The archive as a basemap: its tiles as they are, in its own datum. */
export function archiveBasemap(l: ImageLayer): BasemapConfig {
  return {
    id: l.id,
    name: { zh: l.name, en: l.name },
    type: 'raster',
    tiles: [template(l.key)],
    tileSize: l.raster.tileSize,
    maxzoom: l.maxZoom,
    datum: l.datum,
    attribution: l.raster.credit || l.name,
    found: true,
    imageArchive: true,
  };
}

/** One tile of an open archive, `pmtiles://<key>/z/x/y`, as an image; null where the archive has none. */
async function readTile(url: string, signal: AbortSignal): Promise<Blob | null> {
  const m = TILE_URL.exec(url);
  const archive = m ? ensureProtocol().tiles.get(m[1] as string) : undefined;
  if (!m || !archive) throw new Error(`image archive: not open: ${url}`);
  let tile: Awaited<ReturnType<typeof archive.getZxy>>;
  try {
    tile = await archive.getZxy(Number(m[2]), Number(m[3]), Number(m[4]), signal);
  } catch (error) {
    // A server's refusal (named by the archive's source, open.ts) said as the services say it.
    if (error instanceof TilesError && error.problem.code === 'http')
      throw new ServiceError({ code: 'http', status: error.problem.status });
    throw error;
  }
  if (!tile) return null;
  const format = (await archive.getHeader()).tileType;
  // PMTiles tile types: 2 PNG, 3 JPEG, 4 WebP, 5 AVIF.
  const type = ['', '', MIME.png, MIME.jpeg, MIME.webp, MIME.avif][format] ?? '';
  return new Blob([tile.data], { type });
}

const drawnBy = new Map<string, string>();

/** The image layers now: each ready one's tiles registered under its key, the basemaps among them offered. */
function sync(layers: readonly TiledLayer[]): void {
  const images = layers.filter(isImageLayer).filter((l) => l.status.kind === 'ready');
  for (const l of images) {
    const def = archiveService(l);
    const key = JSON.stringify(def);
    if (drawnBy.get(l.id) !== key) registerService(l.id, def);
    drawnBy.set(l.id, key);
  }
  for (const id of [...drawnBy.keys()])
    if (!images.some((l) => l.id === id)) {
      unregisterService(id);
      drawnBy.delete(id);
    }
  const own = images.filter((l) => l.role === 'basemap').map(archiveBasemap);
  const offered = offerBasemaps((b) => Boolean(b.imageArchive), own);
  // A basemap no longer offered: the map goes back to the embedded outlines (setBasemap checks what is offered).
  const app = useApp.getState();
  if (!offered.some((b) => b.id === app.basemapId)) app.setBasemap(app.basemapId);
  for (const l of own) chooseAgainIfKept(l.id);
}

let started = false;
/** From the first archive on (manage.ts): image layers followed as they are added, changed, moved between roles and removed. */
export function startImageArchives(): void {
  if (started) return;
  started = true;
  setArchiveReader(readTile);
  // A tile the archive cannot give (its file gone, a server refusing): said once, on the layer and in a notice; the
  // layer stops drawing (a basemap gives its place back to the outlines in sync).
  onServiceProblem((id, p) => {
    const l = layerById('tiled', id);
    if (!l || l.status.kind === 'error') return;
    const lang = useApp.getState().lang;
    const why = serviceProblemText(p, lang);
    useLayers.getState().update(id, { status: { kind: 'error', text: why } });
    useApp.getState().notify(TILE_STRINGS[lang].imageFailed(l.name, why));
  });
  sync(layersOf('tiled'));
  useLayers.subscribe((st, prev) => {
    if (st.layers !== prev.layers) sync(layersOf('tiled', st.layers));
  });
}

/** Over the map or as the basemap: a basemap is chosen at once; an overlay that was the basemap gives its place back. */
export function setImageRole(id: string, role: 'overlay' | 'basemap'): void {
  useLayers.getState().update(id, { role });
  if (role === 'basemap') useApp.getState().setBasemap(id);
}
