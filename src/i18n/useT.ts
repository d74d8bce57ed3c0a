import { useApp } from '../state/store';
import { STRINGS, type Strings } from './strings';

/** The interface strings of the current language. */
export function useT(): Strings {
  return STRINGS[useApp((s) => s.lang)];
}
