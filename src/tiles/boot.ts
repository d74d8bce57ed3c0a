/**
 * At start: the tiled layers published with the app (VITE_LAYERS, public/layers.json) and those the
 * user kept. Light: the archive code (pmtiles, manage.ts) is loaded only when there is a layer.
 */
import { loadConfigList } from '../app/configList';
import { readKeys } from '../lib/db';
import { parseLayerConfig } from './config';
import { KEY_TILED_INDEX } from './tilesState';

const configured = () =>
  loadConfigList(import.meta.env.VITE_LAYERS as string | undefined, 'VITE_LAYERS', 'layers.json', (json, where) => {
    const r = parseLayerConfig(json, where);
    return { items: r.layers, problems: r.problems };
  });

export async function startTiles(): Promise<void> {
  const [config, kept] = await Promise.all([configured(), readKeys([KEY_TILED_INDEX]).catch(() => [undefined])]);
  if (config.length === 0 && !(Array.isArray(kept[0]) && kept[0].length > 0)) return;
  const { addTiledUrl, restoreTiles } = await import('./manage');
  const { resolveUrl } = await import('./archive');
  await restoreTiles(kept[0]);
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
