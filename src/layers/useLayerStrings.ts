import { useApp } from '../state/store';
import { LAYER_STRINGS } from './layerStrings';

/** The user layers' shared text in the interface's language. */
export const useLayerStrings = () => LAYER_STRINGS[useApp((s) => s.lang)];
