/// <reference lib="webworker" />
/**
 * GDAL (gdal3.js, LGPL-2.1-or-later) in a worker of its own, kept once started: it reads GeoPackage and
 * File Geodatabase layers (gdalRead.ts) and writes GeoPackages. The WebAssembly and data files are
 * fetched on the first request (the service worker keeps them afterwards, for offline use).
 */
import initGdalJs from 'gdal3.js';
import dataUrl from 'gdal3.js/dist/package/gdal3WebAssembly.data?url';
import wasmUrl from 'gdal3.js/dist/package/gdal3WebAssembly.wasm?url';
import type { GdalKind, ParseResult } from '../tools/import/parse';
import { zipDirectory } from '../tools/import/zip';
import type { GdalReply, GdalRequest } from './gdalMessages';
import { type Gdal, type GdalDataset, gdalMessage, readGdalLayer } from './gdalRead';

let engine: Promise<Gdal> | null = null;
const load = (): Promise<Gdal> => {
  engine ??= (initGdalJs as unknown as (c: object) => Promise<Gdal>)({
    useWorker: false,
    paths: { wasm: new URL(wasmUrl, self.location.href).href, data: new URL(dataUrl, self.location.href).href },
    logHandler: () => {},
    errorHandler: () => {},
  });
  return engine;
};

let calls = 0;

/** The folder of a zipped geodatabase (`x.gdb`, at any depth). */
function gdbFolder(bytes: Uint8Array, fileName: string): string | null {
  for (const e of zipDirectory(bytes, fileName)) {
    const m = /^(.*?\.gdb)\//i.exec(e.name);
    if (m && !e.name.includes('__MACOSX')) return m[1] as string;
  }
  return null;
}

/** The first MapInfo table in a zip (its .dat, .map and .id beside it). */
function tabFile(bytes: Uint8Array, fileName: string): string | null {
  return zipDirectory(bytes, fileName).find((e) => /\.tab$/i.test(e.name) && !e.name.includes('__MACOSX'))?.name ?? null;
}

async function openInput(gdal: Gdal, kind: GdalKind, bytes: Uint8Array, fileName: string): Promise<GdalDataset> {
  if (kind === 'geopackage' || kind === 'dxf') {
    const r = await gdal.open(new File([bytes as BlobPart], kind === 'dxf' ? 'input.dxf' : 'input.gpkg'));
    const ds = r.datasets[0];
    if (!ds) throw r.errors;
    return ds;
  }
  const folder = kind === 'filegdb' ? gdbFolder(bytes, fileName) : tabFile(bytes, fileName);
  if (!folder) throw new Error(kind === 'filegdb' ? 'no .gdb folder in the zip' : 'no .tab file in the zip');
  // Mounts the zip under /input (GDAL may or may not open the zip itself), then opens the folder inside it.
  const first = await gdal.open(new File([bytes as BlobPart], 'input.zip'), [], ['vsizip']).catch(() => null);
  for (const d of first?.datasets ?? []) await gdal.close(d);
  const r = await gdal.open(`/input/input.zip/${folder}`, [], ['vsizip']);
  const ds = r.datasets[0];
  if (!ds) throw r.errors;
  return ds;
}

async function handle(req: GdalRequest): Promise<ParseResult | Uint8Array> {
  const gdal = await load();
  calls += 1;
  if (req.op === 'read') {
    const bytes = new Uint8Array(req.bytes);
    const kind = req.kind;
    let ds: GdalDataset;
    try {
      ds = await openInput(gdal, kind, bytes, req.fileName);
    } catch (error) {
      return { ok: false, problem: { code: 'gdal-failed', file: req.fileName, detail: gdalMessage(error) } };
    }
    try {
      return await readGdalLayer(gdal, ds, kind, req.fileName, req.options, `read-${calls}`);
    } finally {
      await gdal.close(ds);
    }
  }
  const r = await gdal.open(new File([req.fcJson], `export-${calls}.geojson`));
  const ds = r.datasets[0];
  if (!ds) throw new Error(gdalMessage(r.errors));
  try {
    const out = await gdal.ogr2ogr(
      ds,
      ['-f', 'GPKG', '-s_srs', 'EPSG:4326', '-t_srs', `EPSG:${req.epsg}`, '-nln', req.layerName],
      `gpkg-${calls}`,
    );
    return await gdal.getFileBytes(out);
  } finally {
    await gdal.close(ds);
  }
}

self.onmessage = async (e: MessageEvent<GdalRequest>) => {
  const req = e.data;
  try {
    const result = await handle(req);
    if (result instanceof Uint8Array) return self.postMessage({ id: req.id, ok: true, result } satisfies GdalReply, [result.buffer]);
    // A read layer goes back as GeoJSON text, as the import worker sends it (quicker than a structured clone).
    if (result.ok) {
      const { fc, ...rest } = result;
      return self.postMessage({ id: req.id, ok: true, result: { ...rest, fcJson: JSON.stringify(fc) } } satisfies GdalReply);
    }
    self.postMessage({ id: req.id, ok: true, result } satisfies GdalReply);
  } catch (error) {
    self.postMessage({ id: req.id, ok: false, error: gdalMessage(error) } satisfies GdalReply);
  }
};
