/**
 * An archive of image tiles (an office's orthophoto, a scanned plan, a terrain rendering) opened by file
 * or address becomes a basemap, listed with the others in the layer control and shown at once: the
 * sites are converted to its datum by the same rule as any basemap's. Kept for this visit (a reload
 * forgets it: configure it in basemaps.json to keep it).
 */
import type { BasemapConfig } from '../basemap/config';
import { fitBounds } from '../map/cameraApi';
import { useApp } from '../state/store';
import type { OpenedArchive } from './open';
import { TILE_STRINGS } from './tileStrings';

let count = 0;

export function openAsBasemap(name: string, a: OpenedArchive & { raster: NonNullable<OpenedArchive['raster']> }): true {
  const app = useApp.getState();
  const existing = app.basemaps.find((b) => b.tiles?.[0] === `pmtiles://${a.key}/{z}/{x}/{y}`);
  const id = existing?.id ?? `archive-${++count}`;
  const config: BasemapConfig = {
    id,
    name: { zh: name, en: name },
    type: 'raster',
    tiles: [`pmtiles://${a.key}/{z}/{x}/{y}`],
    tileSize: a.raster.tileSize,
    maxzoom: a.maxZoom,
    datum: a.datum,
    attribution: a.attribution ?? a.name ?? name,
    found: true,
  };
  app.setBasemaps([...app.basemaps.filter((b) => b.id !== id), config]);
  useApp.getState().setBasemap(id);
  fitBounds(a.bounds);
  app.notify(TILE_STRINGS[app.lang].rasterBasemap(name, a.raster.format, a.datum));
  return true;
}
