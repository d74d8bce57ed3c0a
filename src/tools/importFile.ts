/**
 * One import, from file to layer: read with progress, parse in a worker (cancellable),
 * ask for CSV columns when they are ambiguous, then add the layer. A failure leaves
 * every existing layer and drawing as it was, and says what and where.
 */
import { create } from 'zustand';
import { importProblemText, TOOL_STRINGS } from '../i18n/toolStrings';
import { layerById, nextColor, useLayers } from '../layers/layersState';
import type { GeoJsonLayer } from '../layers/model';
import { sandiaoClassField, sandiaoFields } from '../layers/sandiao';
import { categoryStyle, fieldsOf } from '../layers/style';
import { newId } from '../lib/ids';
import { useApp } from '../state/store';
import { createImportWorker } from './import/createWorker';
import { type FileDatum, layerDatum } from './import/layerDatum';
import type { CsvColumns, GdalKind, GdalLayerInfo, ParseOptions, ParseResult } from './import/parse';
import type { TextEncodingName } from './import/text';
import { whenSaved } from './persist';
import { useStorage } from './storageState';

export type { FileDatum } from './import/layerDatum';

/** A question the import waits on: the coordinate columns, the coordinate system, or the sheet. */
export type ImportQuestion =
  | { kind: 'columns'; all: string[]; lon: string[]; lat: string[] }
  | { kind: 'crs'; candidates: number[]; sample: number[] }
  | { kind: 'sheet'; sheets: string[] }
  /** A GeoPackage or geodatabase of several layers: which to add (each becomes a layer). */
  | { kind: 'layers'; layers: GdalLayerInfo[] };
export type ImportAnswer = { columns: CsvColumns } | { crs: number } | { sheet: string } | { layers: string[] } | null;

export interface ImportJob {
  fileName: string;
  /** 'engine': GDAL being loaded (its first use in this browser downloads about 40 MB). */
  stage: 'reading' | 'parsing' | 'engine';
  progress: number;
  question?: ImportQuestion;
}

interface ImportJobState {
  job: ImportJob | null;
  datum: FileDatum;
  /** 'auto': as the file declares, else detected. */
  encoding: 'auto' | TextEncodingName;
  /** 'auto': as the file declares (.prj, crs member), else degrees or a question. */
  crs: 'auto' | number;
  cancel: (() => void) | null;
  answer: ((a: ImportAnswer) => void) | null;
  setDatum: (d: FileDatum) => void;
  setEncoding: (e: 'auto' | TextEncodingName) => void;
  setCrs: (c: 'auto' | number) => void;
}

export const useImportJob = create<ImportJobState>()((set) => ({
  job: null,
  datum: 'WGS-84',
  encoding: 'auto',
  crs: 'auto',
  cancel: null,
  answer: null,
  setDatum: (datum) => set({ datum }),
  setEncoding: (encoding) => set({ encoding }),
  setCrs: (crs) => set({ crs }),
}));

/** The files of this session's imports, so a layer can be read again with another encoding (never stored). */
const sourceFiles = new Map<string, File>();
export const canReread = (layerId: string) => sourceFiles.has(layerId);

/** Reads an imported layer's file again with another encoding (the file of this session, kept in memory). */
export function rereadLayer(layerId: string, encoding: TextEncodingName): Promise<boolean> {
  const file = sourceFiles.get(layerId);
  return file ? importFile(file, { layerId, encoding }) : Promise.resolve(false);
}

function readFile(file: File, onProgress: (p: number) => void, signal: AbortSignal): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    signal.addEventListener('abort', () => {
      reader.abort();
      reject(new DOMException('cancelled', 'AbortError'));
    });
    reader.readAsArrayBuffer(file);
  });
}

/**
 * One worker started ahead (when the import section opens, and again after each import), so an import
 * does not wait for the worker's script to load and compile; a parse takes it, or starts one if none is ready.
 */
let spare: Worker | null = null;
export function warmImportWorker(): void {
  spare ??= createImportWorker();
}
function takeWorker(): Worker {
  const worker = spare ?? createImportWorker();
  spare = null;
  return worker;
}

/**
 * A parsed layer comes back as GeoJSON text and is parsed here: for 100k points JSON.parse takes about
 * half as long as reading a structured clone of the same features. A string, not UTF-8 bytes: it arrives
 * as a flat copy, with no decoding on the page (100k points drawn 0.5 s sooner here than with bytes).
 */
type WorkerMessage = ParseResult | (Omit<Extract<ParseResult, { ok: true }>, 'fc'> & { fcJson: string });
function fromWorker(m: WorkerMessage): ParseResult {
  if (!('fcJson' in m)) return m;
  const { fcJson, ...rest } = m;
  return { ...rest, fc: JSON.parse(fcJson) };
}

function parseInWorker(fileName: string, bytes: ArrayBuffer, options: ParseOptions, signal: AbortSignal): Promise<ParseResult> {
  return new Promise((resolve, reject) => {
    const worker = takeWorker();
    const stop = () => worker.terminate();
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      stop();
      resolve(fromWorker(e.data));
    };
    worker.onerror = (e) => {
      stop();
      reject(new Error(e.message));
    };
    signal.addEventListener('abort', () => {
      stop();
      reject(new DOMException('cancelled', 'AbortError'));
    });
    // Transferred, not copied: the caller hands over a buffer it no longer needs.
    worker.postMessage({ fileName, bytes, options }, [bytes]);
  });
}

/** Parses bytes as the named file would be, in the import worker (no second copy of the parsers on the page). */
export function parseBytes(fileName: string, bytes: ArrayBuffer): Promise<ParseResult> {
  return parseInWorker(fileName, bytes, {}, new AbortController().signal);
}

type Parsed = Extract<ParseResult, { ok: true }>;

/** Adds a parsed file as a layer (or replaces a re-read layer's features), and says so once it is stored. */
async function addLayer(file: File, result: Parsed, previous: GeoJsonLayer | undefined, name: string, chosen: FileDatum): Promise<void> {
  const layers = useLayers.getState();
  const datum = layerDatum(result.readAs, chosen);
  const id = previous?.id ?? newId('layer');
  if (previous) {
    // The layer's save starts over: "saved" is said of the new features, not of the old.
    useStorage.setState((s) => ({ layers: { ...s.layers, [id]: 'saving' } }));
    layers.update(id, { fc: result.fc, readAs: result.readAs, datum });
  } else {
    // A 三调 parcel layer is coloured by its land class from the start (src/layers/sandiao.ts).
    const names = fieldsOf(result.fc.features).map((f) => f.name);
    const classField = sandiaoFields(names).length > 0 ? sandiaoClassField(names) : undefined;
    layers.add({
      kind: 'geojson',
      id,
      name,
      datum,
      color: nextColor(),
      opacity: 1,
      visible: true,
      readAs: result.readAs,
      fc: result.fc,
      ...(classField ? { style: categoryStyle(result.fc.features, classField) } : {}),
    });
  }
  sourceFiles.set(id, file);
  const now = TOOL_STRINGS[useApp.getState().lang];
  if (result.dropped.length > 0) useApp.getState().notify(now.droppedKeys(result.dropped));
  // "Imported" is said once the layer is stored (or said not to be): never before the save is confirmed.
  const saved = await whenSaved(id);
  useApp.getState().notify(TOOL_STRINGS[useApp.getState().lang].imported(name, result.fc.features.length, saved));
}

/**
 * Imports a file as a new layer, or (with `replace`) reads an imported layer's file again with another
 * encoding. Questions (columns, coordinate system, sheet) are asked in the import section; each answer
 * parses again with it.
 */
export async function importFile(file: File, reread?: { layerId: string; encoding: TextEncodingName }): Promise<boolean> {
  const lang = useApp.getState().lang;
  const t = TOOL_STRINGS[lang];
  const abort = new AbortController();
  const state = useImportJob;
  const settings = state.getState();
  const previous = reread ? layerById('geojson', reread.layerId) : undefined;
  const options: ParseOptions = {
    ...(settings.datum === 'BD-09' ? { datum: 'BD-09' as const } : {}),
    ...(reread ? { encoding: reread.encoding } : settings.encoding !== 'auto' ? { encoding: settings.encoding } : {}),
    ...(previous?.readAs?.crs?.basis === 'chosen'
      ? { crs: previous.readAs.crs.epsg }
      : settings.crs !== 'auto'
        ? { crs: settings.crs }
        : {}),
    ...(previous?.readAs?.sheet ? { sheet: previous.readAs.sheet } : {}),
  };
  const gdalOptions: ParseOptions & { layer?: string } = previous?.readAs?.layer ? { layer: previous.readAs.layer } : {};
  /** GeoPackage and geodatabase files go to GDAL's worker, loaded when the import worker says so. */
  let viaGdal: GdalKind | null = null;
  const parse = async (layer?: string): Promise<ParseResult> => {
    if (!viaGdal) return parseInWorker(file.name, bytes.slice(0), options, abort.signal);
    const { gdalRead } = await import('../gdal/gdalClient');
    return Promise.race([
      gdalRead(viaGdal, file.name, bytes.slice(0), { ...options, ...gdalOptions, ...(layer ? { layer } : {}) }),
      new Promise<never>((_, reject) => abort.signal.addEventListener('abort', () => reject(new DOMException('cancelled', 'AbortError')))),
    ]);
  };
  let moreLayers: string[] = [];
  let asked = false;
  let bytes = new ArrayBuffer(0);
  state.setState({ job: { fileName: file.name, stage: 'reading', progress: 0 }, cancel: () => abort.abort() });
  try {
    bytes = await readFile(file, (progress) => state.setState({ job: { fileName: file.name, stage: 'reading', progress } }), abort.signal);
    state.setState({ job: { fileName: file.name, stage: 'parsing', progress: 100 } });
    const ask = (question: ImportQuestion) =>
      new Promise<ImportAnswer>((resolve) =>
        state.setState({ job: { fileName: file.name, stage: 'parsing', progress: 100, question }, answer: resolve }),
      );
    let result: ParseResult;
    // Parsed again after each answer (a copy of the bytes each time: the worker takes what it is given).
    for (;;) {
      result = await parse();
      if ('needsGdal' in result) {
        viaGdal = result.needsGdal;
        state.setState({ job: { fileName: file.name, stage: 'engine', progress: 100 } });
        continue;
      }
      if (result.ok || 'problem' in result) break;
      const answer = await ask(
        'needsColumns' in result
          ? { kind: 'columns', all: result.needsColumns, ...result.candidates }
          : 'needsCrs' in result
            ? { kind: 'crs', ...result.needsCrs }
            : 'needsLayers' in result
              ? { kind: 'layers', layers: result.needsLayers }
              : { kind: 'sheet', sheets: result.needsSheet },
      );
      state.setState({ answer: null, job: { fileName: file.name, stage: 'parsing', progress: 100 } });
      if (!answer) return false;
      if ('columns' in answer) {
        options.columns = answer.columns;
        if ('needsColumns' in result && result.sheet) options.sheet = result.sheet;
      }
      if ('crs' in answer) options.crs = answer.crs;
      if ('sheet' in answer) options.sheet = answer.sheet;
      if ('layers' in answer) {
        if (answer.layers.length === 0) return false;
        asked = true;
        [gdalOptions.layer] = answer.layers;
        moreLayers = answer.layers.slice(1);
      }
    }
    if (!result.ok) {
      useApp.getState().notify(`${t.importFailed(file.name)}${importProblemText(result.problem, lang)}`);
      return false;
    }
    const base = file.name.replace(/\.(gdb\.zip|[^.]+)$/i, '');
    // A layer chosen out of several is named after its file and itself.
    const named = (layer?: string) => (layer && (moreLayers.length > 0 || asked) ? `${base} · ${layer}` : base);
    state.setState({ job: null, cancel: null });
    await addLayer(file, result, previous, previous?.name ?? named(result.readAs.layer), settings.datum);
    for (const layer of moreLayers) {
      state.setState({ job: { fileName: `${file.name} · ${layer}`, stage: 'parsing', progress: 100 } });
      const more = await parse(layer);
      if (!more.ok) {
        const now = TOOL_STRINGS[useApp.getState().lang];
        useApp
          .getState()
          .notify(
            `${now.importFailed(`${file.name} · ${layer}`)}${'problem' in more ? importProblemText(more.problem, useApp.getState().lang) : ''}`,
          );
        continue;
      }
      state.setState({ job: null });
      await addLayer(file, more, undefined, named(layer), settings.datum);
    }
    // The next import's worker starts once this one is drawn and stored.
    warmImportWorker();
    return true;
  } catch (error) {
    if ((error as Error).name !== 'AbortError') useApp.getState().notify(`${t.importFailed(file.name)}${(error as Error).message}`);
    return false;
  } finally {
    state.setState({ job: null, cancel: null, answer: null });
  }
}
