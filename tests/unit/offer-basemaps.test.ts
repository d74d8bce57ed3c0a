/** The basemaps each owner of user layers offers (map services, image archives): only its own replaced, no needless change. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { BasemapConfig } from '../../src/basemap/config';
import { offerBasemaps } from '../../src/basemap/offerBasemaps';
import { useApp } from '../../src/state/store';

const raster = (id: string, extra: { service?: true; imageArchive?: true; maxzoom?: number } = {}): BasemapConfig => ({
  id,
  name: { zh: id, en: id },
  type: 'raster',
  tiles: [`https://example.test/${id}/{z}/{x}/{y}.png`],
  tileSize: 256,
  datum: 'WGS-84',
  attribution: id,
  ...extra,
});
const isService = (b: BasemapConfig) => Boolean(b.service);
const isArchive = (b: BasemapConfig) => Boolean(b.imageArchive);
const ids = () => useApp.getState().basemaps.map((b) => b.id);

describe('offerBasemaps', () => {
  beforeEach(() => useApp.getState().setBasemaps([raster('configured')]));

  it('adds an owner’s basemaps after the configured ones, and replaces only that owner’s', () => {
    offerBasemaps(isService, [raster('wms', { service: true })]);
    offerBasemaps(isArchive, [raster('ortho', { imageArchive: true })]);
    expect(ids()).toEqual(['configured', 'wms', 'ortho']);
    // The services now offer another: the archive's stays, the old service goes.
    offerBasemaps(isService, [raster('wmts', { service: true })]);
    expect(ids()).toEqual(['configured', 'ortho', 'wmts']);
    // An owner with none left takes its own away only.
    offerBasemaps(isArchive, []);
    expect(ids()).toEqual(['configured', 'wmts']);
  });

  it('leaves the list (the same array) when nothing differs, and returns what is offered', () => {
    offerBasemaps(isService, [raster('wms', { service: true })]);
    const before = useApp.getState().basemaps;
    const offered = offerBasemaps(isService, [raster('wms', { service: true })]);
    expect(useApp.getState().basemaps).toBe(before);
    expect(offered).toBe(before);
    // A changed field is a change.
    const changed = offerBasemaps(isService, [raster('wms', { service: true, maxzoom: 18 })]);
    expect(useApp.getState().basemaps).not.toBe(before);
    expect(changed.at(-1)?.maxzoom).toBe(18);
  });
});
