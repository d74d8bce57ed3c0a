/**
 * The "保存为图片" action: the site framed on the map, the poster drawn (poster.ts) and downloaded as
 * `suichang-<site>.png`; a failure is told in a notice, and the map and panel stay as they were.
 */
import { currentSearch, viewSearch } from '../app/urlSync';
import { terrainCredits } from '../basemap/terrainCredit';
import { useTerrain } from '../basemap/terrainState';
import { exportAttribution, REVIEW_NUMBER } from '../i18n/attribution';
import { overlayCredits } from '../layers/credits';
import { useLayers } from '../layers/layersState';
import { currentMap } from '../map/mapHandle';
import { useApp } from '../state/store';
import { download } from '../tools/exportData';
import { renderPoster } from './poster';
import { qrPath } from './qr';
import { qrText, shareBase } from './shareLink';
import { SHARE_STRINGS } from './shareStrings';

/** Resolves once the map has stopped moving and drawn what it shows. */
function settled(): Promise<void> {
  const map = currentMap();
  if (!map || (!map.isMoving() && map.loaded())) return Promise.resolve();
  return new Promise((resolve) => map.once('idle', () => resolve()));
}

export async function savePoster(siteId: string): Promise<void> {
  const { lang, basemapId, basemaps, notify } = useApp.getState();
  const t = SHARE_STRINGS[lang];
  try {
    await settled();
    const base = shareBase(import.meta.env.VITE_PUBLIC_URL as string | undefined, location.href, import.meta.env.BASE_URL);
    const { qr } = qrText(`${base}${currentSearch(true)}`, `${base}${viewSearch()}`, qrPath);
    // As on screen and in the PNG export: the pictures over the map and the terrain while it is drawn are credited too.
    const overlays = [...overlayCredits(useLayers.getState().layers), ...terrainCredits(useTerrain.getState(), basemapId, basemaps)];
    const credits = exportAttribution(lang, basemapId, basemaps, overlays, null);
    const canvas = await renderPoster(
      currentMap(),
      { siteId, lang, credits, review: REVIEW_NUMBER, link: base, scanText: t.posterScan },
      qr,
    );
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('PNG');
    download(`suichang-${siteId}.png`, blob, 'image/png');
  } catch (error) {
    notify(t.posterFailed((error as Error).message));
  }
}
