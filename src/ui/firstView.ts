import { createContext, useContext } from 'react';

/**
 * True while rendering the static first view (src/app/shell.tsx): only what the first screen shows is
 * prerendered (header, the overview's key figures and growth chart); the rest of the panel comes with the
 * app. Every element in the prerendered HTML is parsed, styled and laid out before the first paint, and
 * the panel below the fold held it back.
 */
export const FirstView = createContext(false);

export const useFirstView = (): boolean => useContext(FirstView);
