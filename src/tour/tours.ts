/**
 * The presenter's tours: the built-in one (geodata/tour.json, read-only) and the tours made in the
 * app, kept in IndexedDB under one key. A change counts as saved only once IndexedDB committed it
 * (db.ts); a failed save leaves the list as it was stored and says why.
 */
import { create } from 'zustand';
import type { TourStopDef } from '../data/schema';
import { classify, readKeys, type StorageFault, write } from '../lib/db';
import { BUILT_IN_ID, stops as builtInStops } from './stops';
import type { PlayedTour } from './tourState';

export interface TourDoc {
  id: string;
  name: string;
  stops: TourStopDef[];
  /** Last change, ms since 1970. */
  updated: number;
}

const KEY = 'suichang:tours:v1';

interface Stored {
  tours: TourDoc[];
  chosen: string;
}

export interface ToursState {
  /** Tours made in the app, newest change first. */
  mine: TourDoc[];
  /** The tour the tour button plays. */
  chosen: string;
  status: 'loading' | 'ok' | 'unavailable';
  /** Why the last save failed, if it did. */
  fault: StorageFault | null;
}

export const useTours = create<ToursState>()(() => ({ mine: [], chosen: BUILT_IN_ID, status: 'loading', fault: null }));

let loading: Promise<void> | null = null;
/** Reads the saved tours once. */
export function loadTours(): Promise<void> {
  loading ??= readKeys([KEY])
    .then(([value]) => {
      const v = value as Partial<Stored> | undefined;
      const mine = Array.isArray(v?.tours) ? v.tours.filter((t) => t && typeof t.id === 'string' && Array.isArray(t.stops)) : [];
      const chosen =
        typeof v?.chosen === 'string' && (v.chosen === BUILT_IN_ID || mine.some((t) => t.id === v.chosen)) ? v.chosen : BUILT_IN_ID;
      useTours.setState({ mine: sortTours(mine), chosen, status: 'ok' });
    })
    .catch((error) => useTours.setState({ status: 'unavailable', fault: classify(error) }));
  return loading;
}

const sortTours = (tours: TourDoc[]) => tours.slice().sort((a, b) => b.updated - a.updated);

/** Stores the list as given; the store changes only once IndexedDB has it. */
async function commit(mine: TourDoc[], chosen: string): Promise<void> {
  await loadTours();
  try {
    await write({ put: [[KEY, { tours: mine, chosen } satisfies Stored]] });
    useTours.setState({ mine: sortTours(mine), chosen, fault: null });
  } catch (error) {
    const fault = classify(error);
    useTours.setState({ fault });
    throw fault;
  }
}

/** Adds or replaces a tour (by id). Rejects with the storage fault when it could not be kept. */
export function saveTour(doc: TourDoc): Promise<void> {
  const { mine, chosen } = useTours.getState();
  return commit([...mine.filter((t) => t.id !== doc.id), doc], chosen);
}

export function deleteTour(id: string): Promise<void> {
  const { mine, chosen } = useTours.getState();
  return commit(
    mine.filter((t) => t.id !== id),
    chosen === id ? BUILT_IN_ID : chosen,
  );
}

/** The tour the tour button plays from now on (kept with the tours; for the session if storage fails). */
export function chooseTour(id: string): void {
  const { mine } = useTours.getState();
  useTours.setState({ chosen: id });
  void commit(mine, id).catch(() => {});
}

/** A tour by id: the built-in one or a saved one. */
export function tourById(id: string): TourDoc | undefined {
  if (id === BUILT_IN_ID) return builtInTour();
  return useTours.getState().mine.find((t) => t.id === id);
}

/** The built-in tour as a document (its name is given by the interface, in the current language). */
export function builtInTour(): TourDoc {
  return { id: BUILT_IN_ID, name: '', stops: builtInStops, updated: 0 };
}

export function chosenTour(): PlayedTour {
  const doc = tourById(useTours.getState().chosen) ?? builtInTour();
  return { id: doc.id, stops: doc.stops };
}

let counter = 0;
export const newTourId = () => `tour-${Date.now().toString(36)}-${(counter++).toString(36)}`;
