/**
 * What only the tiled layers' interface needs besides the layers themselves (src/layers): the feature
 * last clicked and the archive being opened. The layers are `kind: 'tiled'` in the one layer store.
 */
import { create } from 'zustand';

export interface PickedFeature {
  layerId: string;
  sourceLayer: string;
  properties: Record<string, unknown>;
}

interface TilesState {
  picked: PickedFeature | null;
  /** An archive being opened (its name), for the section's status line. */
  opening: string | null;
  pick: (p: PickedFeature | null) => void;
  setOpening: (name: string | null) => void;
}

/** Where the kept tiled layers are listed in IndexedDB (src/lib/db.ts). */
export const KEY_TILED_INDEX = 'suichang:tiled:v1';

export const useTiles = create<TilesState>()((set) => ({
  picked: null,
  opening: null,
  pick: (picked) => set({ picked }),
  setOpening: (opening) => set({ opening }),
}));
