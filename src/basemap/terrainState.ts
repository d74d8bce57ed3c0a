/**
 * The terrain archive the app found beside itself (basemap/terrain.pmtiles, `npm run terrain:extract`)
 * and how it is shown: hillshade under the sites, 3D terrain with an exaggeration. Kept apart from the
 * app's store: only the terrain's controls and map feature read it.
 */
import { create } from 'zustand';

export interface FoundTerrain {
  /** Absolute address of the archive. */
  url: string;
  encoding: 'terrarium' | 'mapbox';
  maxzoom: number;
  attribution: string;
}

export interface TerrainState {
  found: FoundTerrain | null;
  hillshade: boolean;
  threeD: boolean;
  exaggeration: number;
  setFound: (found: FoundTerrain | null) => void;
  setHillshade: (on: boolean) => void;
  setThreeD: (on: boolean) => void;
  setExaggeration: (x: number) => void;
}

export const EXAGGERATION = { min: 1, max: 3, step: 0.25 } as const;

let beforeStop: { threeD: boolean; exaggeration: number } | null = null;
/** A tour stop's 3D terrain (on with its exaggeration); none: back to what it was before the tour showed any. */
export function showStopTerrain(terrain: { exaggeration: number } | undefined): void {
  const s = useTerrain.getState();
  if (terrain) {
    beforeStop ??= { threeD: s.threeD, exaggeration: s.exaggeration };
    useTerrain.setState({ threeD: true, exaggeration: terrain.exaggeration });
  } else if (beforeStop) {
    useTerrain.setState(beforeStop);
    beforeStop = null;
  }
}

export const useTerrain = create<TerrainState>((set) => ({
  found: null,
  hillshade: true,
  threeD: false,
  exaggeration: 1.5,
  setFound: (found) => set({ found }),
  setHillshade: (hillshade) => set({ hillshade }),
  setThreeD: (threeD) => set({ threeD }),
  setExaggeration: (x) => set({ exaggeration: Math.min(EXAGGERATION.max, Math.max(EXAGGERATION.min, x)) }),
}));
