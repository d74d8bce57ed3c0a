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
  // A configured archive basemap is drawn through the pmtiles protocol with the county style: both ready before it is offered.
  if (found.some((b) => b.type === 'archive')) {
    (await import('../lib/pmtilesProtocol')).ensureProtocol();
    await (await import('./archiveLayers')).loadArchiveLayers();
  }
  // Kept: what was added meanwhile (the county archive found beside the app, a planner's map services).
  if (found.length > 0) useApp.getState().setBasemaps([...found, ...useApp.getState().basemaps.filter((b) => b.found || b.service)]);
}
