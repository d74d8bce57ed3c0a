/**
 * Presenter mode: which stop is shown, what was on screen before (restored on
 * Escape), kiosk looping, and the big-screen theme. Plain data only.
 */
import { create } from 'zustand';
import type { TourStopDef } from '../data/schema';
import type { View } from '../state/url';
import { BUILT_IN_ID, stops as builtInStops } from './stops';

export interface Saved {
  selectedId: string | null;
  visibleLayers: string[];
  view: View | null;
}

export interface Kiosk {
  dwellMs: number;
  idleMs: number;
}

export type Theme = 'auto' | 'big' | 'normal';

/** The tour being played: the built-in one, or one a presenter made. */
export interface PlayedTour {
  id: string;
  stops: TourStopDef[];
  /** The link parameter it came in, for a tour carried by a link (kept in the address while it plays). */
  link?: string;
}

export interface TourState {
  active: boolean;
  index: number;
  tour: PlayedTour;
  saved: Saved | null;
  kiosk: Kiosk | null;
  paused: boolean;
  theme: Theme;
  /** Set when the change came from the other window, so it is not sent back. */
  remote: boolean;
  start: (index: number, saved: Saved, kiosk?: Kiosk | null, tour?: PlayedTour) => void;
  goTo: (index: number, options?: { remote?: boolean }) => void;
  next: () => void;
  prev: () => void;
  stop: () => Saved | null;
  setPaused: (paused: boolean) => void;
  setTheme: (theme: Theme) => void;
}

export const clampStop = (i: number, length: number) => Math.max(0, Math.min(length - 1, i));
const BUILT_IN: PlayedTour = { id: BUILT_IN_ID, stops: builtInStops };

export const useTour = create<TourState>()((set, get) => ({
  active: false,
  index: 0,
  tour: BUILT_IN,
  saved: null,
  kiosk: null,
  paused: false,
  theme: 'auto',
  remote: false,
  start: (index, saved, kiosk = null, tour = BUILT_IN) =>
    set({ active: true, tour, index: clampStop(index, tour.stops.length), saved, kiosk, paused: false, remote: false }),
  goTo: (index, options) => set((s) => ({ index: clampStop(index, s.tour.stops.length), remote: Boolean(options?.remote) })),
  next: () =>
    set((s) => {
      const n = s.tour.stops.length;
      return { index: s.kiosk ? (s.index + 1) % n : clampStop(s.index + 1, n), remote: false };
    }),
  prev: () => set((s) => ({ index: clampStop(s.index - 1, s.tour.stops.length), remote: false })),
  stop: () => {
    const saved = get().saved;
    set({ active: false, saved: null, kiosk: null, paused: false, remote: false });
    return saved;
  },
  setPaused: (paused) => set({ paused }),
  setTheme: (theme) => set({ theme }),
}));
