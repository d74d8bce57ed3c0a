import { useApp } from '../state/store';
import { SERVICE_STRINGS } from './serviceStrings';

/** The map services' text in the interface's language. */
export const useServiceStrings = () => SERVICE_STRINGS[useApp((s) => s.lang)];
