/**
 * The height of a point from the terrain archive (basemap/terrain.pmtiles), read from the tile at its
 * highest zoom — whether or not 3D terrain is on. `lngLat` is WGS-84, as the heights are. Loaded lazily
 * (the measure tool asks for it only where a terrain archive was found).
 */
import { ensureProtocol } from '../lib/pmtilesProtocol';
import { xOfLon, yOfLat } from '../lib/webMercator';
import { useTerrain } from './terrainState';

const tiles = new Map<string, Promise<ImageData | null>>();

function tileImage(url: string, z: number, x: number, y: number): Promise<ImageData | null> {
  const key = `${url}/${z}/${x}/${y}`;
  let p = tiles.get(key);
  if (!p) {
    p = (async () => {
      const archive = ensureProtocol().get(url);
      const tile = await archive?.getZxy(z, x, y);
      if (!tile) return null;
      const bitmap = await createImageBitmap(new Blob([tile.data]));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) return null;
      ctx.drawImage(bitmap, 0, 0);
      bitmap.close();
      return ctx.getImageData(0, 0, canvas.width, canvas.height);
    })();
    if (tiles.size > 16) tiles.delete(tiles.keys().next().value as string);
    tiles.set(key, p);
  }
  return p;
}

/** Metres above sea level, rounded; null without terrain data there. */
export async function elevationAt([lng, lat]: [number, number]): Promise<number | null> {
  const t = useTerrain.getState().found;
  if (!t) return null;
  const z = t.maxzoom;
  const fx = xOfLon(lng, z);
  const fy = yOfLat(lat, z);
  const image = await tileImage(t.url, z, Math.floor(fx), Math.floor(fy));
  if (!image) return null;
  const px = Math.min(image.width - 1, Math.floor((fx % 1) * image.width));
  const py = Math.min(image.height - 1, Math.floor((fy % 1) * image.height));
  const i = (py * image.width + px) * 4;
  const [R, G, B] = [image.data[i] as number, image.data[i + 1] as number, image.data[i + 2] as number];
  const h = t.encoding === 'mapbox' ? -10000 + (R * 65536 + G * 256 + B) * 0.1 : R * 256 + G + B / 256 - 32768;
  return Math.round(h);
}
