/**
 * At start: the tiled layers published with the app (VITE_LAYERS, public/layers.json) and those the
 * user kept. Light: the archive code (pmtiles, manage.ts) is loaded only when there is a layer.
 */
import { readKeys } from '../tools/db';
import { parseLayerConfig, type TiledLayerConfig } from './config';

async function configured(): Promise<TiledLayerConfig[]> {
  const found: TiledLayerConfig[] = [];
  const problems: string[] = [];
  const env = import.meta.env.VITE_LAYERS as string | undefined;
  if (env) {
    try {
      const r = parseLayerConfig(JSON.parse(env), 'VITE_LAYERS');
      found.push(...r.layers);
      problems.push(...r.problems);
    } catch (error) {
      problems.push(`VITE_LAYERS: not valid JSON (${(error as Error).message})`);
    }
  }
  if (location.protocol !== 'file:') {
    try {
      const res = await fetch(`${import.meta.env.BASE_URL}layers.json`, { cache: 'no-cache' });
      // A static server may answer a missing file with index.html: only JSON counts.
      if (res.ok && (res.headers.get('content-type') ?? '').includes('json')) {
        const r = parseLayerConfig(await res.json(), 'layers.json');
        found.push(...r.layers.filter((l) => !found.some((f) => f.id === l.id)));
        problems.push(...r.problems);
      }
    } catch (error) {
      problems.push(`layers.json: ${(error as Error).message}`);
    }
  }
  for (const p of problems) console.warn(p);
  return found;
}

export async function startTiles(): Promise<void> {
  const [config, kept] = await Promise.all([configured(), readKeys(['suichang:tiled:v1']).catch(() => [undefined])]);
  if (config.length === 0 && !(Array.isArray(kept[0]) && kept[0].length > 0)) return;
  const { addTiledUrl, restoreTiles } = await import('./manage');
  const { resolveUrl } = await import('./archive');
  await restoreTiles();
  for (const c of config) {
    let url: string;
    try {
      url = resolveUrl(c.url, new URL(import.meta.env.BASE_URL, location.href).href);
    } catch {
      console.warn(`layers.json: layer "${c.id}": url: not a URL`);
      continue;
    }
    await addTiledUrl(url, {
      id: `config-${c.id}`,
      name: c.name.zh,
      names: c.name,
      config: true,
      zoom: false,
      ...(c.color ? { color: c.color } : {}),
      ...(c.opacity !== undefined ? { opacity: c.opacity } : {}),
      ...(c.visible !== undefined ? { visible: c.visible } : {}),
    });
  }
}
