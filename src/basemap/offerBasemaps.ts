/**
 * The basemaps a user's own layers offer beside the configured ones: map services (src/services/manage.ts)
 * and image archives (src/tiles/imageArchive.ts) each own theirs, and replace only those.
 */
import { useApp } from '../state/store';
import type { BasemapConfig } from './config';

/**
 * Offers `own` in place of the basemaps `mine` picks out, after the others (the configured ones first);
 * the app's list changes only when it differs, so a subscriber's sync that changes nothing causes no render.
 * Returns the list now offered.
 */
export function offerBasemaps(mine: (b: BasemapConfig) => boolean, own: readonly BasemapConfig[]): BasemapConfig[] {
  const app = useApp.getState();
  const next = [...app.basemaps.filter((b) => !mine(b)), ...own];
  const same = next.length === app.basemaps.length && next.every((b, i) => JSON.stringify(b) === JSON.stringify(app.basemaps[i]));
  if (!same) app.setBasemaps(next);
  return same ? app.basemaps : next;
}
