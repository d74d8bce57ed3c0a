/**
 * The presenter's tours: the built-in one (geodata/tour.json, read-only) and the tours made in the
 * app, kept in IndexedDB one tour per key (so two tabs saving tours never overwrite each other's), with
 * the chosen tour under a key of its own. A change counts as saved only once IndexedDB committed it
 * (src/lib/db.ts); a failed save leaves the list as it was stored and says why. What another tab saves
 * is taken in at once.
 */
import { create } from 'zustand';
import type { TourStopDef } from '../data/schema';
import { classify, readKeys, type StorageFault } from '../lib/db';
import { claimLayout, KeyedCollection } from '../lib/keyed';
import { BUILT_IN_ID, stops as builtInStops } from './stops';
import type { PlayedTour } from './tourState';

export interface TourDoc {
  id: string;
  name: string;
  stops: TourStopDef[];
  /** Last change, ms since 1970. */
  updated: number;
}

/** Layout 1: every tour and the chosen one under one key (moved to layout 2 when first read). */
const V1_KEY = 'suichang:tours:v1';
const toursStore = new KeyedCollection<TourDoc>('tours', 'suichang:tour:v2:');
const chosenStore = new KeyedCollection<string>('tour-chosen', 'suichang:tour-chosen:');
const CHOSEN = 'current';

interface StoredV1 {
  tours: TourDoc[];
  chosen: string;
}

const isTour = (t: unknown): t is TourDoc => Boolean(t) && typeof (t as TourDoc).id === 'string' && Array.isArray((t as TourDoc).stops);

/** Moves layout 1's one key to a key per tour, in one transaction. */
async function migrate(): Promise<void> {
  const [v1] = await readKeys([V1_KEY]);
  if (v1 === undefined) return;
  const v = v1 as Partial<StoredV1>;
  const tours = Array.isArray(v.tours) ? v.tours.filter(isTour) : [];
  await claimLayout({
    put: [
      ...tours.map((t): [string, unknown] => [toursStore.key(t.id), t]),
      ...(typeof v.chosen === 'string' ? [[chosenStore.key(CHOSEN), v.chosen] as [string, unknown]] : []),
    ],
    del: [V1_KEY],
  });
}

/** Tours another tab saved, deleted or chose. */
function followOtherTabs(): void {
  toursStore.onRemote(async (ids) => {
    const got = await toursStore.read(ids);
    const mine = useTours.getState().mine.filter((t) => !got.has(t.id));
    const back = [...got.values()].filter(isTour);
    useTours.setState({ mine: sortTours([...mine, ...back]) });
  });
  chosenStore.onRemote(async () => {
    const got = (await chosenStore.read([CHOSEN])).get(CHOSEN);
    if (typeof got === 'string') useTours.setState({ chosen: got });
  });
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
  loading ??= migrate()
    .then(() => Promise.all([toursStore.readAll(), chosenStore.read([CHOSEN])]))
    .then(([tours, chosenMap]) => {
      const mine = [...tours.values()].filter(isTour);
      const c = chosenMap.get(CHOSEN);
      const chosen = typeof c === 'string' && (c === BUILT_IN_ID || mine.some((t) => t.id === c)) ? c : BUILT_IN_ID;
      useTours.setState({ mine: sortTours(mine), chosen, status: 'ok' });
      followOtherTabs();
    })
    .catch((error) => useTours.setState({ status: 'unavailable', fault: classify(error) }));
  return loading;
}

const sortTours = (tours: TourDoc[]) => tours.slice().sort((a, b) => b.updated - a.updated);

/** Stores what changed (a tour, a deletion, the choice); the store changes only once IndexedDB has it. */
async function commit(mine: TourDoc[], chosen: string, change: { put?: TourDoc; del?: string }): Promise<void> {
  await loadTours();
  try {
    await toursStore.commit(change.put ? [[change.put.id, change.put]] : [], change.del ? [change.del] : []);
    if (chosen !== useTours.getState().chosen) await chosenStore.commit([[CHOSEN, chosen]]);
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
  return commit([...mine.filter((t) => t.id !== doc.id), doc], chosen, { put: doc });
}

export function deleteTour(id: string): Promise<void> {
  const { mine, chosen } = useTours.getState();
  return commit(
    mine.filter((t) => t.id !== id),
    chosen === id ? BUILT_IN_ID : chosen,
    { del: id },
  );
}

/** The tour the tour button plays from now on (kept with the tours; for the session if storage fails). */
export function chooseTour(id: string): void {
  useTours.setState({ chosen: id });
  void chosenStore.commit([[CHOSEN, id]]).catch(() => {});
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
