/**
 * The app's state: plain, serialisable data only (no map instance, no class instances).
 * Components read it with per-field selectors: useApp((s) => s.lang).
 */
import { create } from 'zustand';
import type { BasemapConfig } from '../basemap/config';
import { PRECISIONS, type Precision, STATUSES, type Status } from '../data/enums';
import { layers } from '../data/geodata';
import type { Lang } from '../i18n/strings';
import type { View } from './url';

export interface Notice {
  id: number;
  text: string;
}

export type MapStatus = 'loading' | 'ready' | 'error';

export interface AppState {
  lang: Lang;
  selectedId: string | null;
  visibleLayers: string[];
  opacity: Record<string, number>;
  statuses: Status[];
  precisions: Precision[];
  /** The last view the map reported (for the URL). */
  view: View | null;
  notices: Notice[];
  mapStatus: MapStatus;
  mapError: string | null;
  /** What a tour stop emphasises on the map. */
  emphasis: { highlight: string[]; circles: boolean } | null;
  /** Online basemaps from the configuration, and the one shown ('embedded' when none). */
  basemaps: BasemapConfig[];
  basemapId: string;
  /** A new version is waiting (service worker). */
  updateReady: boolean;
  /** Everything is cached: the app works offline from now on. */
  offlineReady: boolean;
  /** The large-text mode for older readers (适老化): the interface and the map's labels 1.25 times. */
  textSize: TextSize;
  setLang: (lang: Lang) => void;
  select: (id: string | null) => void;
  toggleLayer: (id: string) => void;
  setLayers: (ids: string[]) => void;
  setOpacity: (id: string, value: number) => void;
  toggleStatus: (s: Status) => void;
  togglePrecision: (p: Precision) => void;
  setView: (view: View) => void;
  notify: (text: string) => void;
  dismissNotice: (id: number) => void;
  setMapStatus: (status: MapStatus, error?: string) => void;
  setEmphasis: (emphasis: AppState['emphasis']) => void;
  setUpdateReady: (ready: boolean) => void;
  setBasemaps: (basemaps: BasemapConfig[]) => void;
  setBasemap: (id: string) => void;
  setOfflineReady: (ready: boolean) => void;
  setTextSize: (size: TextSize) => void;
}

export type TextSize = 'normal' | 'large';

let noticeId = 0;
/** Notices kept (the oldest go first); the page shows fewer still (ui/Notices.tsx). */
const MAX_NOTICES = 20;
const toggle = <T>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

export const ALL_LAYER_IDS = layers.map((l) => l.id);

export const useApp = create<AppState>()((set) => ({
  lang: 'zh',
  selectedId: null,
  visibleLayers: ALL_LAYER_IDS,
  opacity: Object.fromEntries(ALL_LAYER_IDS.map((id) => [id, 1])),
  statuses: [...STATUSES],
  precisions: [...PRECISIONS],
  view: null,
  notices: [],
  mapStatus: 'loading',
  mapError: null,
  emphasis: null,
  basemaps: [],
  basemapId: 'embedded',
  updateReady: false,
  offlineReady: false,
  textSize: 'normal',
  setLang: (lang) => set({ lang }),
  select: (selectedId) => set({ selectedId }),
  toggleLayer: (id) => set((s) => ({ visibleLayers: ALL_LAYER_IDS.filter((l) => toggle(s.visibleLayers, id).includes(l)) })),
  setLayers: (ids) => set({ visibleLayers: ALL_LAYER_IDS.filter((l) => ids.includes(l)) }),
  setOpacity: (id, value) => set((s) => ({ opacity: { ...s.opacity, [id]: Math.min(1, Math.max(0, value)) } })),
  toggleStatus: (st) => set((s) => ({ statuses: toggle(s.statuses, st) })),
  togglePrecision: (p) => set((s) => ({ precisions: toggle(s.precisions, p) })),
  setView: (view) => set({ view }),
  notify: (text) =>
    set((s) => (s.notices.some((n) => n.text === text) ? s : { notices: [...s.notices, { id: ++noticeId, text }].slice(-MAX_NOTICES) })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  setMapStatus: (mapStatus, error) => set({ mapStatus, mapError: error ?? null }),
  setEmphasis: (emphasis) => set({ emphasis }),
  setUpdateReady: (updateReady) => set({ updateReady }),
  setBasemaps: (basemaps) => set({ basemaps }),
  setBasemap: (basemapId) =>
    set((s) => ({ basemapId: basemapId === 'embedded' || s.basemaps.some((b) => b.id === basemapId) ? basemapId : 'embedded' })),
  setOfflineReady: (offlineReady) => set({ offlineReady }),
  setTextSize: (textSize) => set({ textSize }),
}));
