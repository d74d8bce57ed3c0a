/** Reads the configured online basemaps: public/basemaps.json (at run time) and VITE_BASEMAPS (at build time). */
import { loadConfigList } from '../app/configList';
import { useApp } from '../state/store';
import { parseBasemaps } from './config';

export async function loadBasemaps(): Promise<void> {
  const found = await loadConfigList(
    import.meta.env.VITE_BASEMAPS as string | undefined,
    'VITE_BASEMAPS',
    'basemaps.json',
    (json, where) => {
      const r = parseBasemaps(json, where);
      return { items: r.basemaps, problems: r.problems };
    },
  );
  if (found.length > 0) useApp.getState().setBasemaps(found);
}
