/**
 * The planner's work: measurements, drawings and analysis settings. Plain data (GeoJSON); drawings
 * are kept in IndexedDB (persist.ts). Imported layers are `kind: 'geojson'` in the one layer store (src/layers).
 */
import type { Feature, LineString, Point, Polygon, Position } from 'geojson';
import { create } from 'zustand';
import { newId } from '../lib/ids';

export type ToolMode = 'none' | 'measure-line' | 'measure-area' | 'draw-point' | 'draw-line' | 'draw-polygon';

export interface DrawingProps {
  id: string;
  name: string;
  note: string;
}
export type Drawing = Feature<Point | LineString | Polygon, DrawingProps>;

export interface ToolsState {
  /** The tools panel is open. */
  open: boolean;
  mode: ToolMode;
  /** Vertices being measured or drawn, in the order clicked. */
  draft: Position[];
  drawings: Drawing[];
  history: Drawing[][];
  selectedDrawing: string | null;
  rings: number[];
  walkRadiusKm: number;
  showCircles: boolean;
  restored: boolean;
  setOpen: (open: boolean) => void;
  setMode: (mode: ToolMode) => void;
  /** A drag is under way: the drawings change with the pointer and are saved once, when it ends. */
  previewing: boolean;
  /** Live preview while dragging; `pushHistory` ends the gesture and records the state before it once. */
  previewDrawings: (d: Drawing[]) => void;
  pushHistory: (before: Drawing[]) => void;
  addVertex: (p: Position) => void;
  undoVertex: () => void;
  clearDraft: () => void;
  finishDrawing: () => string | null;
  updateDrawing: (id: string, change: Partial<DrawingProps> | { geometry: Drawing['geometry'] }) => void;
  removeDrawing: (id: string) => void;
  undo: () => void;
  selectDrawing: (id: string | null) => void;
  setDrawings: (d: Drawing[]) => void;
  setRings: (kms: number[]) => void;
  setWalkRadius: (km: number) => void;
  setShowCircles: (on: boolean) => void;
  setRestored: () => void;
}

const MAX_HISTORY = 50;

export const useTools = create<ToolsState>()((set, get) => {
  const commit = (drawings: Drawing[]) => set((s) => ({ drawings, history: [...s.history, s.drawings].slice(-MAX_HISTORY) }));
  return {
    open: false,
    mode: 'none',
    draft: [],
    drawings: [],
    previewing: false,
    history: [],
    selectedDrawing: null,
    rings: [1, 3, 5],
    walkRadiusKm: 1,
    showCircles: false,
    restored: false,
    setOpen: (open) => set(open ? { open } : { open, mode: 'none', draft: [] }),
    setMode: (mode) => set({ mode, draft: [] }),
    previewDrawings: (drawings) => set({ drawings, previewing: true }),
    pushHistory: (before) => set((s) => ({ history: [...s.history, before].slice(-MAX_HISTORY), previewing: false })),
    addVertex: (p) => set((s) => ({ draft: [...s.draft, p] })),
    undoVertex: () => set((s) => ({ draft: s.draft.slice(0, -1) })),
    clearDraft: () => set({ draft: [] }),
    finishDrawing: () => {
      const { mode, draft, drawings } = get();
      let geometry: Drawing['geometry'] | null = null;
      if (mode === 'draw-point' && draft.length >= 1) geometry = { type: 'Point', coordinates: draft[draft.length - 1] as Position };
      if (mode === 'draw-line' && draft.length >= 2) geometry = { type: 'LineString', coordinates: draft };
      if (mode === 'draw-polygon' && draft.length >= 3) geometry = { type: 'Polygon', coordinates: [[...draft, draft[0] as Position]] };
      if (!geometry) return null;
      const id = newId('drawing');
      commit([...drawings, { type: 'Feature', id, properties: { id, name: '', note: '' }, geometry }]);
      set({ draft: [], selectedDrawing: id });
      return id;
    },
    updateDrawing: (id, change) =>
      commit(
        get().drawings.map((d) =>
          d.properties.id !== id
            ? d
            : 'geometry' in change
              ? { ...d, geometry: change.geometry }
              : { ...d, properties: { ...d.properties, ...change } },
        ),
      ),
    removeDrawing: (id) => {
      commit(get().drawings.filter((d) => d.properties.id !== id));
      if (get().selectedDrawing === id) set({ selectedDrawing: null });
    },
    undo: () =>
      set((s) =>
        s.history.length === 0 ? s : { drawings: s.history[s.history.length - 1] as Drawing[], history: s.history.slice(0, -1) },
      ),
    selectDrawing: (selectedDrawing) => set({ selectedDrawing }),
    setDrawings: (drawings) => set({ drawings }),
    setRings: (rings) => set({ rings: rings.filter((k) => Number.isFinite(k) && k > 0 && k <= 100).slice(0, 6) }),
    setWalkRadius: (km) => set({ walkRadiusKm: Math.min(3, Math.max(0.2, km)) }),
    setShowCircles: (showCircles) => set({ showCircles }),
    setRestored: () => set({ restored: true }),
  };
});
