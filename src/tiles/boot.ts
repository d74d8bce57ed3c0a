/**
 * At start: the tiled layers published with the app (VITE_LAYERS, public/layers.json) and those the
 * user kept. Light: the archive code (pmtiles, manage.ts) is loaded only when there is a layer.
 */
import { loadConfigList } from '../app/configList';
import { keysWithPrefix, readKeys } from '../lib/db';
import { onOtherTabs } from '../lib/keyed';
import { parseLayerConfig } from './config';
import { KEPT_PREFIX, KEY_TILED_INDEX } from './tilesState';

const configured = () =>
  loadConfigList(import.meta.env.VITE_LAYERS as string | undefined, 'VITE_LAYERS', 'layers.json', (json, where) => {
    const r = parseLayerConfig(json, where);
    return { items: r.layers, problems: r.problems };
  });

export async function startTiles(): Promise<void> {
  // Archives another tab keeps from now on: taken in here too (the archive code loads only then).
  onOtherTabs((a) => {
    if (a.collection === 'tiled') void import('./manage').then((m) => m.takeTiled(a.ids));
  });
  const [config, v1, v2] = await Promise.all([
    configured(),
    readKeys([KEY_TILED_INDEX]).catch(() => [undefined]),
    keysWithPrefix(KEPT_PREFIX).catch(() => []),
  ]);
  const kept = (Array.isArray(v1[0]) && v1[0].length > 0) || v2.length > 0;
  if (config.length === 0 && !kept) return;
  const { addTiledUrl, restoreTiles } = await import('./manage');
  const { resolveUrl } = await import('./archive');
  await restoreTiles(v1[0]);
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
