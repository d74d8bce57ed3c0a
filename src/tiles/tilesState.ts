/**
 * Tiled layers (PMTiles archives of vector tiles): where each comes from, how it is drawn, whether it
 * is kept, and the feature last clicked. Plain data; the archives themselves are opened in open.ts.
 */
import { create } from 'zustand';
import type { Datum } from '../basemap/config';
import type { LayerStyle } from '../tools/layerStyle';

/** Where an archive is read from. A file is kept as its bytes (small) or its handle (Chromium), else not at all. */
export type TiledOrigin =
  | { kind: 'url'; url: string; config?: boolean }
  | { kind: 'file'; fileName: string; size: number; file?: File; handle?: FileSystemFileHandle };

/** One vector layer inside the archive, as the tiler's metadata (vector_layers, tilestats) describes it. */
export interface VectorLayerInfo {
  id: string;
  geometry: 'Point' | 'LineString' | 'Polygon' | 'mixed';
  fields: { name: string; type: string; values: (string | number | boolean)[]; min?: number; max?: number }[];
}

export type TiledStatus =
  | { kind: 'ready' }
  /** Kept as a handle: reading it again needs the user's permission (a click). */
  | { kind: 'needs-permission' }
  /** A dropped file that could not be kept: the layer is listed so its loss is said, not silent. */
  | { kind: 'missing' }
  | { kind: 'error'; text: string };

/** How the layer is kept in the browser: saved (bytes or handle), only for this session (and why), or being saved. */
export type KeptState = { kind: 'saving' } | { kind: 'saved'; how: 'bytes' | 'handle' | 'url' } | { kind: 'session'; why: string };

export interface TiledLayer {
  id: string;
  name: string;
  /** A configured layer's name in both languages (layers.json). */
  names?: { zh: string; en: string };
  origin: TiledOrigin;
  status: TiledStatus;
  kept: KeptState;
  /** The key the pmtiles protocol knows the archive by (the MapLibre source URL is pmtiles://key). */
  key: string;
  bounds: [number, number, number, number];
  /** The datum the tiles were written in (tiles cannot be converted in the browser as imports are). */
  datum: Datum;
  minZoom: number;
  maxZoom: number;
  vectorLayers: VectorLayerInfo[];
  color: string;
  opacity: number;
  visible: boolean;
  style?: LayerStyle;
}

export interface PickedFeature {
  layerId: string;
  sourceLayer: string;
  properties: Record<string, unknown>;
}

interface TilesState {
  layers: TiledLayer[];
  picked: PickedFeature | null;
  /** An archive being opened (its name), for the section's status line. */
  opening: string | null;
  add: (layer: TiledLayer) => void;
  update: (id: string, change: Partial<Omit<TiledLayer, 'id'>>) => void;
  remove: (id: string) => void;
  setLayers: (layers: TiledLayer[]) => void;
  pick: (p: PickedFeature | null) => void;
  setOpening: (name: string | null) => void;
}

/** Where the kept tiled layers are listed in IndexedDB (src/tools/db.ts). */
export const KEY_TILED_INDEX = 'suichang:tiled:v1';

export const TILE_COLORS = ['#1b7837', '#762a83', '#b35806', '#2166ac', '#8c510a'];

export const useTiles = create<TilesState>()((set) => ({
  layers: [],
  picked: null,
  opening: null,
  add: (layer) => set((s) => ({ layers: [...s.layers.filter((l) => l.id !== layer.id), layer] })),
  update: (id, change) => set((s) => ({ layers: s.layers.map((l) => (l.id === id ? { ...l, ...change } : l)) })),
  remove: (id) => set((s) => ({ layers: s.layers.filter((l) => l.id !== id), picked: s.picked?.layerId === id ? null : s.picked })),
  setLayers: (layers) => set({ layers }),
  pick: (picked) => set({ picked }),
  setOpening: (opening) => set({ opening }),
}));
