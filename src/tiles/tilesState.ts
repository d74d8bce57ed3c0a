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

/** Where layout 1 listed the kept tiled layers, all under one key (src/lib/db.ts); moved to a key each. */
export const KEY_TILED_INDEX = 'suichang:tiled:v1';
/** Layout 2: each kept tiled layer under a key of its own (manage.ts). */
export const KEPT_PREFIX = 'suichang:tiled:v2:';

export const useTiles = create<TilesState>()((set) => ({
  picked: null,
  opening: null,
  pick: (picked) => set({ picked }),
  setOpening: (opening) => set({ opening }),
}));
