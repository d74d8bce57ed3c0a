/**
 * The layers a user added, of every kind, in drawing order (first is lowest). Plain data; each kind's
 * owner adds, reads again and keeps its own layers (src/tools for imports, src/tiles for archives),
 * and everyone edits what all kinds share (colour, style, opacity, visibility, label) the same way.
 */
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { USER_LAYER_COLORS } from '../map/palette';
import type { LayerKind, LayerOfKind, UserLayer } from './model';

/** Colours given to new layers in turn: distinct from the sites' layer colours (geodata/layers.json). */
export const LAYER_COLORS = USER_LAYER_COLORS;

/** A change to a layer: what all kinds share, or a field of its own kind. */
export type LayerChange = { [K in LayerKind]: Partial<Omit<LayerOfKind<K>, 'id' | 'kind'>> }[LayerKind];

interface LayersState {
  layers: UserLayer[];
  /** Adds a layer, or replaces the one with its id. */
  add: (layer: UserLayer) => void;
  update: (id: string, change: LayerChange) => void;
  remove: (id: string) => void;
  /** Draws a layer one place higher (1) or lower (-1) among the layers of its kind. */
  move: (id: string, by: 1 | -1) => void;
  /** The layers of one kind replaced (read back at start-up), the others left as they are. */
  setKind: <K extends LayerKind>(kind: K, layers: LayerOfKind<K>[]) => void;
}

export const useLayers = create<LayersState>()((set) => ({
  layers: [],
  add: (layer) =>
    set((s) => {
      const i = s.layers.findIndex((l) => l.id === layer.id);
      return { layers: i < 0 ? [...s.layers, layer] : s.layers.map((l, j) => (j === i ? layer : l)) };
    }),
  update: (id, change) => set((s) => ({ layers: s.layers.map((l) => (l.id === id ? ({ ...l, ...change } as UserLayer) : l)) })),
  remove: (id) => set((s) => ({ layers: s.layers.filter((l) => l.id !== id) })),
  move: (id, by) =>
    set((s) => {
      const i = s.layers.findIndex((l) => l.id === id);
      const me = s.layers[i];
      if (!me) return s;
      // The next layer of the same kind above (or below) it: the two change places.
      let j = i + by;
      while (j >= 0 && j < s.layers.length && s.layers[j]?.kind !== me.kind) j += by;
      const other = s.layers[j];
      if (!other) return s;
      const layers = [...s.layers];
      layers[i] = other;
      layers[j] = me;
      return { layers };
    }),
  setKind: (kind, layers) => set((s) => ({ layers: [...s.layers.filter((l) => l.kind !== kind), ...layers] })),
}));

/** The layers of one kind (outside React). */
export const layersOf = <K extends LayerKind>(kind: K, layers = useLayers.getState().layers): LayerOfKind<K>[] =>
  layers.filter((l): l is LayerOfKind<K> => l.kind === kind);

/** The layers of one kind, re-rendering only when one of them changes. */
export const useLayersOf = <K extends LayerKind>(kind: K): LayerOfKind<K>[] => useLayers(useShallow((s) => layersOf(kind, s.layers)));

/** One layer by id, of the kind asked for. */
export const layerById = <K extends LayerKind>(kind: K, id: string | null | undefined): LayerOfKind<K> | undefined =>
  layersOf(kind).find((l) => l.id === id);

/** The next colour for a new layer. */
export const nextColor = () => LAYER_COLORS[useLayers.getState().layers.length % LAYER_COLORS.length] as string;
