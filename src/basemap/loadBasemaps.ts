/** Reads the configured online basemaps: public/basemaps.json (at run time) and VITE_BASEMAPS (at build time). */
import { useApp } from '../state/store';
import { type BasemapConfig, parseBasemaps } from './config';

export async function loadBasemaps(): Promise<void> {
  const found: BasemapConfig[] = [];
  const problems: string[] = [];
  const env = import.meta.env.VITE_BASEMAPS as string | undefined;
  if (env) {
    try {
      const r = parseBasemaps(JSON.parse(env), 'VITE_BASEMAPS');
      found.push(...r.basemaps);
      problems.push(...r.problems);
    } catch (error) {
      problems.push(`VITE_BASEMAPS: not valid JSON (${(error as Error).message})`);
    }
  }
  if (location.protocol !== 'file:') {
    try {
      const res = await fetch(`${import.meta.env.BASE_URL}basemaps.json`, { cache: 'no-cache' });
      // A static server may answer a missing file with index.html: only JSON counts.
      if (res.ok && (res.headers.get('content-type') ?? '').includes('json')) {
        const r = parseBasemaps(await res.json(), 'basemaps.json');
        found.push(...r.basemaps.filter((b) => !found.some((f) => f.id === b.id)));
        problems.push(...r.problems);
      }
    } catch (error) {
      problems.push(`basemaps.json: ${(error as Error).message}`);
    }
  }
  for (const p of problems) console.warn(p);
  if (found.length > 0) useApp.getState().setBasemaps(found);
}
