/**
 * The `svc` protocol through which MapLibre draws every map service: `svc://<layer id>/<map datum>/z/x/y`.
 * The style holds no service address and no token; each tile is fetched here (or resampled in the
 * worker) from the service's definition and the token kept in this browser. Faults are told to the
 * service's owner (manage.ts) by layer. Loaded with the first service. An archive of image tiles is
 * drawn the same way (src/tiles/imageArchive.ts): its template is `pmtiles://<key>/{z}/{x}/{y}`, and
 * its tiles are read here on the page, where the archive is open, and handed to the worker as bytes.
 */
import { addProtocol, type GetResourceResponse, type RequestParameters } from 'maplibre-gl';
import type { Datum } from '../basemap/config';
import { createReprojectWorker } from './createReprojectWorker';
import { fetchService, imageOf, isFatal } from './fetchService';
import type { ServiceDef } from './model';
import { problemOf, ServiceError, type ServiceProblem } from './problems';
import type { ReprojectAnswer, ReprojectRequest } from './reproject.worker';
import { getSecret } from './secrets';
import { tileRequest } from './tileRequest';

const defs = new Map<string, ServiceDef>();
const failures = new Map<string, number>();
type ProblemListener = (id: string, p: ServiceProblem) => void;
const listeners = new Set<ProblemListener>();
/** Each resampled tile's time in the worker, ms: [the whole tile, its drawing without the fetch] (the bench reads window.__reprojectTimes). */
export const reprojectTimes: [number, number][] = [];
(globalThis as { __reprojectTimes?: [number, number][] }).__reprojectTimes = reprojectTimes;

export function registerService(id: string, def: ServiceDef): void {
  ensureProtocol();
  defs.set(id, def);
  failures.delete(id);
}
export const unregisterService = (id: string) => defs.delete(id);
export function onServiceProblem(l: ProblemListener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

function report(id: string, p: ServiceProblem): void {
  const n = (failures.get(id) ?? 0) + 1;
  failures.set(id, n);
  // A slow or flaky server may lose a tile now and then; a refusal is said at once.
  if (isFatal(p) || n === 3) for (const l of listeners) l(id, p);
}

/** Reads `pmtiles://<key>/z/x/y` where the archive is open (set by src/tiles/imageArchive.ts); null: no tile there. */
type ArchiveReader = (url: string, signal: AbortSignal) => Promise<Blob | null>;
let readArchive: ArchiveReader | null = null;
export const setArchiveReader = (read: ArchiveReader) => {
  readArchive = read;
};
const ARCHIVE = /^pmtiles:\/\//;
const fromArchive = (url: string, signal: AbortSignal) => {
  if (!readArchive) throw new Error(`map service: no archive reader for ${url}`);
  return readArchive(url, signal);
};

let worker: Worker | null = null;
let jobs = 0;
const pending = new Map<number, (a: ReprojectAnswer) => void>();
function resample(message: Omit<Extract<ReprojectRequest, { job: number }>, 'job'>, signal: AbortSignal): Promise<ImageBitmap> {
  if (!worker) {
    worker = createReprojectWorker();
    worker.onmessage = (e: MessageEvent<ReprojectAnswer>) => {
      pending.get(e.data.job)?.(e.data);
      pending.delete(e.data.job);
    };
  }
  const w = worker;
  const job = ++jobs;
  return new Promise((resolve, reject) => {
    pending.set(job, (a) => {
      if ('bitmap' in a) {
        reprojectTimes.push([a.ms, a.drawMs]);
        if (reprojectTimes.length > 2000) reprojectTimes.splice(0, 1000);
        resolve(a.bitmap);
      } else reject(new ServiceError(a.problem));
    });
    signal.addEventListener('abort', () => {
      w.postMessage({ cancel: job } satisfies ReprojectRequest);
      pending.delete(job);
      reject(new DOMException('aborted', 'AbortError'));
    });
    // An archive's tiles are read here (the worker cannot reach a file opened on the page), the others fetched there.
    Promise.all(message.urls.map((u) => (typeof u === 'string' && ARCHIVE.test(u) ? fromArchive(u, signal) : u))).then(
      (urls) => {
        if (!signal.aborted) w.postMessage({ job, ...message, urls } satisfies ReprojectRequest);
      },
      (error) => {
        pending.delete(job);
        reject(error);
      },
    );
  });
}

const empty = () => createImageBitmap(new ImageData(1, 1));

async function load(params: RequestParameters, abort: AbortController): Promise<GetResourceResponse<ImageBitmap | ArrayBuffer>> {
  const m = /^svc:\/\/([^/]+)\/([^/]+)\/(\d+)\/(\d+)\/(\d+)/.exec(params.url);
  const id = m?.[1] ?? '';
  const def = defs.get(id);
  if (!m || !def) throw new Error(`map service: no service for ${params.url}`);
  try {
    const token = def.secret ? getSecret(def.secret) : null;
    if (def.secret && !token) throw new ServiceError({ code: 'no-token' });
    const req = tileRequest(def, Number(m[3]), Number(m[4]), Number(m[5]), decodeURIComponent(m[2] as string) as Datum, token);
    if (req.kind === 'empty') return { data: await empty() };
    if (req.kind === 'resample') {
      const data = await resample({ urls: req.urls, plan: req.plan, size: 256 }, abort.signal);
      // A tile drawn: the server answers again (only failures in a row fail the layer).
      failures.set(id, 0);
      return { data };
    }
    const blob = ARCHIVE.test(req.url)
      ? await fromArchive(req.url, abort.signal)
      : await imageOf(await fetchService(req.url, abort.signal));
    failures.set(id, 0);
    return { data: blob ? await blob.arrayBuffer() : await empty() };
  } catch (error) {
    if (abort.signal.aborted || (error as Error)?.name === 'AbortError') throw error;
    const p = problemOf(error);
    report(id, p);
    throw new ServiceError(p);
  }
}

let registered = false;
function ensureProtocol(): void {
  if (registered) return;
  registered = true;
  addProtocol('svc', load as Parameters<typeof addProtocol>[1]);
}

/** One tile fetched as the map would (a service is tried where the county is before it is added). */
export async function probe(def: ServiceDef, z: number, x: number, y: number, mapDatum: Datum): Promise<void> {
  const token = def.secret ? getSecret(def.secret) : null;
  if (def.secret && !token) throw new ServiceError({ code: 'no-token' });
  const req = tileRequest(def, z, x, y, mapDatum, token);
  const signal = AbortSignal.timeout(20_000);
  if (req.kind === 'direct') await imageOf(await fetchService(req.url, signal));
  else if (req.kind === 'resample') (await resample({ urls: req.urls, plan: req.plan, size: 256 }, signal)).close();
}
