/**
 * The page's side of GDAL's worker: started on the first GeoPackage or geodatabase dropped, or the first
 * GeoPackage exported, then kept (GDAL takes a second or two to start). Absent from the one-file build.
 */
import type { GdalKind, ParseOptions, ParseResult } from '../tools/import/parse';
import { createGdalWorker } from './createGdalWorker';
import type { GdalReply, GdalRequest, ReadReply } from './gdalMessages';

type Pending = { resolve: (v: ReadReply | Uint8Array) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
let next = 1;
const pending = new Map<number, Pending>();

function start(): Worker | null {
  if (worker) return worker;
  worker = createGdalWorker();
  if (!worker) return null;
  worker.onmessage = (e: MessageEvent<GdalReply>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.ok) p.resolve(e.data.result);
    else p.reject(new Error(e.data.error));
  };
  // A worker that cannot start (its script or GDAL's files refused): every waiting call is told, and
  // the next call starts a new one.
  worker.onerror = (e) => {
    const error = new Error(e.message || 'GDAL could not start');
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    worker?.terminate();
    worker = null;
  };
  return worker;
}

/** Whether this build has GDAL at all. */
export const hasGdal = (): boolean => start() !== null;

type Body = GdalRequest extends infer R ? (R extends GdalRequest ? Omit<R, 'id'> : never) : never;

function call(body: Body, transfer: Transferable[] = []): Promise<ReadReply | Uint8Array> {
  const w = start();
  if (!w) return Promise.resolve({ ok: false, problem: { code: 'gdal-unavailable' } });
  const id = next++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ ...body, id }, transfer);
  });
}

/** Reads a GeoPackage, zipped geodatabase, DXF or zipped MapInfo table (the bytes are handed over). */
export async function gdalRead(
  kind: GdalKind,
  fileName: string,
  bytes: ArrayBuffer,
  options: ParseOptions & { layer?: string },
): Promise<ParseResult> {
  try {
    const r = (await call({ op: 'read', kind, fileName, bytes, options }, [bytes])) as ReadReply;
    if (!('fcJson' in r)) return r;
    const { fcJson, ...rest } = r;
    return { ...rest, fc: JSON.parse(fcJson) };
  } catch (error) {
    return { ok: false, problem: { code: 'gdal-failed', file: fileName, detail: (error as Error).message } };
  }
}

/** A FeatureCollection in WGS-84 as a GeoPackage in `epsg`; null in a build without GDAL. */
export async function gdalGeoPackage(layerName: string, fcJson: string, epsg: number): Promise<Uint8Array | null> {
  const r = await call({ op: 'gpkg', layerName, fcJson, epsg });
  return r instanceof Uint8Array ? r : null;
}
