/**
 * The tour editor: which tour is open (a working copy), the stop being edited, undo, and the save's
 * state. Each change is saved shortly after it is made; "saved" is shown only once IndexedDB has it.
 * The built-in tour opens read-only (duplicate it to change it).
 */
import { create } from 'zustand';
import type { TourStopDef } from '../../data/schema';
import { beforeReload } from '../../lib/beforeReload';
import { takeMode } from '../../map/registry';
import { useApp } from '../../state/store';
import { useTools } from '../../tools/toolsState';
import { onScreen, restoreScreen, showTourStop, startTour } from '../controller';
import { BUILT_IN_ID } from '../stops';
import { type Saved, useTour } from '../tourState';
import { builtInTour, chooseTour, loadTours, saveTour, type TourDoc, tourById, useTours } from '../tours';
import { EDITOR_STRINGS } from './editorStrings';

export const EDIT_MODE = 'tour-edit';

declare module '../../map/registry' {
  /** The tour editor's mode: a click on a site highlights it in the stop being edited (src/map/registry.ts). */
  interface Modes {
    'tour-edit': true;
  }
}

/** Gives the map's pointer back when the editor closes. */
let releaseMode: (() => void) | null = null;
const MAX_UNDO = 100;

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

export interface EditorState {
  open: boolean;
  doc: TourDoc | null;
  stopIndex: number;
  /** Earlier versions of the open tour, newest last. */
  history: TourDoc[];
  save: SaveStatus;
  /** What was on screen before the editor opened (restored when it closes). */
  before: Saved | null;
}

export const useEditor = create<EditorState>()(() => ({ open: false, doc: null, stopIndex: 0, history: [], save: 'idle', before: null }));

export const isReadOnly = (doc: TourDoc | null) => !doc || doc.id === BUILT_IN_ID;

/** Opens the editor on the chosen tour (from the tour's controls: at the stop being shown). */
export async function openEditor(stopIndex = 0): Promise<void> {
  const touring = useTour.getState().active;
  const playing = touring ? useTour.getState().tour.id : null;
  const before = touring ? useTour.getState().saved : onScreen();
  if (touring) useTour.getState().stop();
  useTools.getState().setOpen(false);
  await loadTours();
  const doc = tourById(playing ?? useTours.getState().chosen) ?? builtInTour();
  useEditor.setState({ open: true, doc, stopIndex: Math.min(stopIndex, doc.stops.length - 1), history: [], save: 'idle', before });
  releaseMode?.();
  // Taken from a drawing tool, that tool ends; the editor keeps the pointer until it closes.
  releaseMode = takeMode('tour-editor', EDIT_MODE);
  const stop = doc.stops[useEditor.getState().stopIndex];
  if (stop) showTourStop(stop);
}

export function closeEditor(): void {
  const { before, open } = useEditor.getState();
  if (!open) return;
  useEditor.setState({ open: false, doc: null, history: [], save: 'idle', before: null });
  releaseMode?.();
  releaseMode = null;
  restoreScreen(before);
}

/** Opens another tour in the editor (kept where it is on the map). */
export function editTour(doc: TourDoc, stopIndex = 0): void {
  useEditor.setState({ doc, stopIndex: Math.max(0, Math.min(stopIndex, doc.stops.length - 1)), history: [], save: 'idle' });
  const stop = doc.stops[useEditor.getState().stopIndex];
  if (stop) showTourStop(stop);
}

export function selectStop(i: number, options: { camera?: boolean } = {}): void {
  const doc = useEditor.getState().doc;
  const stop = doc?.stops[i];
  if (!stop) return;
  useEditor.setState({ stopIndex: i });
  showTourStop(stop, options);
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
let pending: Promise<void> = Promise.resolve();

/** Saves the open tour now; resolves when it is stored (or the save failed, as `save` says). */
export function flushSave(): Promise<void> {
  clearTimeout(saveTimer);
  const doc = useEditor.getState().doc;
  if (!doc || isReadOnly(doc)) return pending;
  useEditor.setState({ save: 'saving' });
  pending = pending
    .then(() => saveTour(doc))
    .then(
      () => {
        if (useEditor.getState().doc === doc) useEditor.setState({ save: 'saved' });
      },
      () => useEditor.setState({ save: 'failed' }),
    );
  return pending;
}

// A new version's reload waits for the open tour to be stored.
beforeReload(async () => {
  await flushSave();
  return useEditor.getState().save === 'failed' ? EDITOR_STRINGS[useApp.getState().lang].reloadWaitsForTour : null;
});

/** Typing in one field within this long is one undo step. */
const COALESCE_MS = 1500;
let last: { key: string; at: number } | null = null;

/**
 * Changes the open tour's stops (undoably); the map shows the stop being edited. `coalesce` names a
 * field being typed in: keystrokes in it close together are one undo step.
 */
export function change(next: (stops: TourStopDef[]) => TourStopDef[], stopIndex?: number, coalesce?: string): void {
  const { doc, history, stopIndex: current } = useEditor.getState();
  if (!doc || isReadOnly(doc)) return;
  const stops = next(doc.stops);
  const updated: TourDoc = { ...doc, stops, updated: Date.now() };
  const i = Math.max(0, Math.min(stopIndex ?? current, stops.length - 1));
  const now = Date.now();
  const same = coalesce !== undefined && last?.key === `${current}:${coalesce}` && now - last.at < COALESCE_MS;
  last = coalesce !== undefined ? { key: `${current}:${coalesce}`, at: now } : null;
  const kept = same ? history : [...history, doc].slice(-MAX_UNDO);
  useEditor.setState({ doc: updated, history: kept, stopIndex: i, save: 'saving' });
  // The map follows what it shows (a keystroke in a caption changes nothing there).
  const stop = stops[i];
  const was = doc.stops[current];
  const shown = (s: TourStopDef | undefined) => (s ? JSON.stringify([s.layers, s.highlight, Boolean(s.circles), s.terrain ?? null]) : '');
  if (stop && (i !== current || shown(stop) !== shown(was))) showTourStop(stop, { camera: false });
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => void flushSave(), 300);
}

export function rename(name: string): void {
  const { doc, history } = useEditor.getState();
  if (!doc || isReadOnly(doc)) return;
  useEditor.setState({ doc: { ...doc, name, updated: Date.now() }, history: [...history, doc].slice(-MAX_UNDO), save: 'saving' });
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => void flushSave(), 300);
}

export function undo(): void {
  const { history, stopIndex } = useEditor.getState();
  const prev = history.at(-1);
  if (!prev) return;
  const i = Math.min(stopIndex, prev.stops.length - 1);
  useEditor.setState({ doc: prev, history: history.slice(0, -1), stopIndex: i });
  const stop = prev.stops[i];
  if (stop) showTourStop(stop, { camera: false });
  void flushSave();
}

/** Plays the open tour from a stop (saved first, so what plays is what is kept). */
export async function playFrom(i: number): Promise<void> {
  const { doc } = useEditor.getState();
  if (!doc) return;
  await flushSave();
  const before = useEditor.getState().before;
  useEditor.setState({ open: false, doc: null, history: [], before: null });
  releaseMode?.();
  releaseMode = null;
  if (!isReadOnly(doc)) chooseTour(doc.id);
  // The tour comes back to what was on screen before the editor.
  startTour(i, null, { id: doc.id, stops: doc.stops });
  if (before) useTour.setState({ saved: before });
}
