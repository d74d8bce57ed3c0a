/**
 * The page's mode, read once from its link (embedParams.ts) and marked on the root element, where the
 * inline guard of the built page has already marked it before the first paint (scripts/lib/shell-guard.ts):
 * the prerendered first view and the app are laid out for an iframe by the same CSS (embed.css).
 */
import { type PageMode, parsePageMode } from './embedParams';

export const PAGE_MODE: PageMode =
  typeof location === 'undefined' ? { embed: false } : parsePageMode(new URLSearchParams(location.search), []);

if (typeof document !== 'undefined' && PAGE_MODE.embed) document.documentElement.classList.add('embed');

/** In an iframe of another page (the postMessage API answers only there). */
export const framed = (): boolean => typeof window !== 'undefined' && window.parent !== window;
