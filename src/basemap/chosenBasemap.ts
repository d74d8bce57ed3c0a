/**
 * The user's own basemap chosen last — a map service or an image archive they added — kept in this
 * browser, so it is chosen again after a reload once its owner has it back (src/services/manage.ts,
 * src/tiles/imageArchive.ts). A configured basemap is chosen afresh each visit. What was kept is read
 * once at start, before anything else changes the basemap (the county archive found beside the app
 * takes the place of the embedded outlines first, and must not erase the user's choice).
 */
import { useApp } from '../state/store';
import type { BasemapConfig } from './config';

/** Named when only map services could be basemaps; kept so a choice made then is still read. */
const KEY = 'suichang:service-basemap';

const isOwn = (b: BasemapConfig | undefined) => Boolean(b?.service || b?.imageArchive);

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function write(id: string | null): void {
  try {
    if (id) localStorage.setItem(KEY, id);
    else localStorage.removeItem(KEY);
  } catch {
    // Not kept: the embedded basemap next time.
  }
}

let atStart: string | null | undefined;

/** From start-up on (src/app/main.tsx): what was chosen last is read, and every choice kept. */
export function keepChosenBasemap(): void {
  if (atStart !== undefined) return;
  atStart = read();
  useApp.subscribe((a, b) => {
    if (a.basemapId !== b.basemapId) write(isOwn(a.basemaps.find((x) => x.id === a.basemapId)) ? a.basemapId : null);
  });
}

/** The user's basemap `id` is offered again: chosen, if it was the one chosen when the page was left. */
export function chooseAgainIfKept(id: string): void {
  if (atStart === undefined) keepChosenBasemap();
  if (atStart === id && useApp.getState().basemaps.some((b) => b.id === id)) {
    atStart = null;
    useApp.getState().setBasemap(id);
  }
}
