/**
 * One import, from file to layer: read with progress, parse in a worker (cancellable),
 * ask for CSV columns when they are ambiguous, then add the layer. A failure leaves
 * every existing layer and drawing as it was, and says what and where.
 */
import { create } from 'zustand';
import type { Datum } from '../basemap/config';
import { importProblemText, TOOL_STRINGS } from '../i18n/toolStrings';
import { useApp } from '../state/store';
import ImportWorker from './import/import.worker.ts?worker&inline';
import type { CsvColumns, ParseResult } from './import/parse';
import { whenSaved } from './persist';
import { IMPORT_COLORS, newId, useTools } from './toolsState';

export interface ImportJob {
  fileName: string;
  stage: 'reading' | 'parsing';
  progress: number;
  /** Set when a CSV's coordinate columns must be chosen. */
  columns?: { all: string[]; lon: string[]; lat: string[] };
}

interface ImportJobState {
  job: ImportJob | null;
  datum: Datum;
  cancel: (() => void) | null;
  resolveColumns: ((c: CsvColumns | null) => void) | null;
  setDatum: (d: Datum) => void;
}

export const useImportJob = create<ImportJobState>()((set) => ({
  job: null,
  datum: 'WGS-84',
  cancel: null,
  resolveColumns: null,
  setDatum: (datum) => set({ datum }),
}));

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

function parseInWorker(fileName: string, bytes: ArrayBuffer, columns: CsvColumns | undefined, signal: AbortSignal): Promise<ParseResult> {
  return new Promise((resolve, reject) => {
    const worker = new ImportWorker();
    const stop = () => worker.terminate();
    worker.onmessage = (e: MessageEvent<ParseResult>) => {
      stop();
      resolve(e.data);
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
    worker.postMessage({ fileName, bytes, columns }, [bytes]);
  });
}

/** Parses bytes as the named file would be, in the import worker (no second copy of the parsers on the page). */
export function parseBytes(fileName: string, bytes: ArrayBuffer): Promise<ParseResult> {
  return parseInWorker(fileName, bytes, undefined, new AbortController().signal);
}

export async function importFile(file: File): Promise<boolean> {
  const lang = useApp.getState().lang;
  const t = TOOL_STRINGS[lang];
  const abort = new AbortController();
  const state = useImportJob;
  state.setState({ job: { fileName: file.name, stage: 'reading', progress: 0 }, cancel: () => abort.abort() });
  try {
    const bytes = await readFile(
      file,
      (progress) => state.setState({ job: { fileName: file.name, stage: 'reading', progress } }),
      abort.signal,
    );
    state.setState({ job: { fileName: file.name, stage: 'parsing', progress: 100 } });
    // A copy for the worker: the bytes are parsed again should a CSV's columns have to be chosen.
    let result = await parseInWorker(file.name, bytes.slice(0), undefined, abort.signal);
    if (!result.ok && 'needsColumns' in result) {
      const columns = { all: result.needsColumns, ...result.candidates };
      const pick = await new Promise<CsvColumns | null>((resolve) =>
        state.setState({ job: { fileName: file.name, stage: 'parsing', progress: 100, columns }, resolveColumns: resolve }),
      );
      state.setState({ resolveColumns: null });
      if (!pick) return false;
      result = await parseInWorker(file.name, bytes, pick, abort.signal);
    }
    if (!result.ok) {
      const text = 'problem' in result ? importProblemText(result.problem, lang) : t.chooseColumns;
      useApp.getState().notify(`${t.importFailed(file.name)}${text}`);
      return false;
    }
    const tools = useTools.getState();
    const name = file.name.replace(/\.[^.]+$/, '');
    const id = newId('layer');
    tools.addImport({
      id,
      name,
      datum: state.getState().datum,
      color: IMPORT_COLORS[tools.imports.length % IMPORT_COLORS.length] as string,
      opacity: 1,
      visible: true,
      fc: result.fc,
    });
    state.setState({ job: null, cancel: null });
    // "Imported" is said once the layer is stored (or said not to be): never before the save is confirmed.
    if (result.dropped.length > 0) useApp.getState().notify(TOOL_STRINGS[useApp.getState().lang].droppedKeys(result.dropped));
    const saved = await whenSaved(id);
    useApp.getState().notify(TOOL_STRINGS[useApp.getState().lang].imported(name, result.fc.features.length, saved));
    return true;
  } catch (error) {
    if ((error as Error).name !== 'AbortError') useApp.getState().notify(`${t.importFailed(file.name)}${(error as Error).message}`);
    return false;
  } finally {
    state.setState({ job: null, cancel: null, resolveColumns: null });
  }
}
