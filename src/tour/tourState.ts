/**
 * Presenter mode: which stop is shown, what was on screen before (restored on
 * Escape), kiosk looping, and the big-screen theme. Plain data only.
 */
import { create } from 'zustand';
import type { View } from '../state/url';
import { stops } from './stops';

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

export interface TourState {
  active: boolean;
  index: number;
  saved: Saved | null;
  kiosk: Kiosk | null;
  paused: boolean;
  theme: Theme;
  /** Set when the change came from the other window, so it is not sent back. */
  remote: boolean;
  start: (index: number, saved: Saved, kiosk?: Kiosk | null) => void;
  goTo: (index: number, options?: { remote?: boolean }) => void;
  next: () => void;
  prev: () => void;
  stop: () => Saved | null;
  setPaused: (paused: boolean) => void;
  setTheme: (theme: Theme) => void;
}

export const clampStop = (i: number) => Math.max(0, Math.min(stops.length - 1, i));

export const useTour = create<TourState>()((set, get) => ({
  active: false,
  index: 0,
  saved: null,
  kiosk: null,
  paused: false,
  theme: 'auto',
  remote: false,
  start: (index, saved, kiosk = null) => set({ active: true, index: clampStop(index), saved, kiosk, paused: false, remote: false }),
  goTo: (index, options) => set({ index: clampStop(index), remote: Boolean(options?.remote) }),
  next: () => set((s) => ({ index: s.kiosk ? (s.index + 1) % stops.length : clampStop(s.index + 1), remote: false })),
  prev: () => set((s) => ({ index: clampStop(s.index - 1), remote: false })),
  stop: () => {
    const saved = get().saved;
    set({ active: false, saved: null, kiosk: null, paused: false, remote: false });
    return saved;
  },
  setPaused: (paused) => set({ paused }),
  setTheme: (theme) => set({ theme }),
}));
