import { useApp } from '../state/store';
import { TILE_STRINGS } from './tileStrings';

/** The tiled layers' text in the interface's language. */
export const useTileStrings = () => TILE_STRINGS[useApp((s) => s.lang)];
