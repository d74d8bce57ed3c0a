/**
 * One import, from file to layer: read with progress, parse in a worker (cancellable),
 * ask for CSV columns when they are ambiguous, then add the layer. A failure leaves
 * every existing layer and drawing as it was, and says what and where.
 */
import { create } from 'zustand';
import { importProblemText, TOOL_STRINGS } from '../i18n/toolStrings';
import { layerById, nextColor, useLayers } from '../layers/layersState';
import { newId } from '../lib/ids';
import { useApp } from '../state/store';
import { createImportWorker } from './import/createWorker';
import { type FileDatum, layerDatum } from './import/layerDatum';
import type { CsvColumns, ParseOptions, ParseResult } from './import/parse';
import type { TextEncodingName } from './import/text';
import { whenSaved } from './persist';
import { useStorage } from './storageState';

export type { FileDatum } from './import/layerDatum';

/** A question the import waits on: the coordinate columns, the coordinate system, or the sheet. */
export type ImportQuestion =
  | { kind: 'columns'; all: string[]; lon: string[]; lat: string[] }
  | { kind: 'crs'; candidates: number[]; sample: number[] }
  | { kind: 'sheet'; sheets: string[] };
export type ImportAnswer = { columns: CsvColumns } | { crs: number } | { sheet: string } | null;

export interface ImportJob {
  fileName: string;
  stage: 'reading' | 'parsing';
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
  state.setState({ job: { fileName: file.name, stage: 'reading', progress: 0 }, cancel: () => abort.abort() });
  try {
    const bytes = await readFile(
      file,
      (progress) => state.setState({ job: { fileName: file.name, stage: 'reading', progress } }),
      abort.signal,
    );
    state.setState({ job: { fileName: file.name, stage: 'parsing', progress: 100 } });
    const ask = (question: ImportQuestion) =>
      new Promise<ImportAnswer>((resolve) =>
        state.setState({ job: { fileName: file.name, stage: 'parsing', progress: 100, question }, answer: resolve }),
      );
    let result: ParseResult;
    // Parsed again after each answer (a copy of the bytes each time: the worker takes what it is given).
    for (;;) {
      result = await parseInWorker(file.name, bytes.slice(0), options, abort.signal);
      if (result.ok || 'problem' in result) break;
      const answer = await ask(
        'needsColumns' in result
          ? { kind: 'columns', all: result.needsColumns, ...result.candidates }
          : 'needsCrs' in result
            ? { kind: 'crs', ...result.needsCrs }
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
    }
    if (!result.ok) {
      useApp.getState().notify(`${t.importFailed(file.name)}${importProblemText(result.problem, lang)}`);
      return false;
    }
    const layers = useLayers.getState();
    const datum = layerDatum(result.readAs, settings.datum);
    const name = previous?.name ?? file.name.replace(/\.[^.]+$/, '');
    const id = previous?.id ?? newId('layer');
    if (previous) {
      // The layer's save starts over: "saved" is said of the new features, not of the old.
      useStorage.setState((s) => ({ layers: { ...s.layers, [id]: 'saving' } }));
      layers.update(id, { fc: result.fc, readAs: result.readAs, datum });
    } else
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
      });
    sourceFiles.set(id, file);
    state.setState({ job: null, cancel: null });
    const now = TOOL_STRINGS[useApp.getState().lang];
    if (result.dropped.length > 0) useApp.getState().notify(now.droppedKeys(result.dropped));
    // "Imported" is said once the layer is stored (or said not to be): never before the save is confirmed.
    const saved = await whenSaved(id);
    useApp.getState().notify(TOOL_STRINGS[useApp.getState().lang].imported(name, result.fc.features.length, saved));
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
