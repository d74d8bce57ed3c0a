/**
 * Takes in the county basemap and terrain findArchives.ts found beside the app. Sound: the county map
 * becomes a basemap (and the one shown, unless another was chosen), the terrain is offered. Broken: a
 * notice names the file and what is wrong, and the map keeps its outlines. Loaded only when something
 * was found (it brings the pmtiles library).
 */
import { bytesToHeader, FetchSource, PMTiles } from 'pmtiles';
import { ensureProtocol } from '../lib/pmtilesProtocol';
import { useApp } from '../state/store';
import { loadArchiveLayers } from './archiveLayers';
import { type ArchiveFault, BASEMAP_STRINGS } from './basemapStrings';
import type { BasemapConfig } from './config';
import { COUNTY_ARCHIVE, COUNTY_BASEMAP_ID, type Probed, TERRAIN_ARCHIVE } from './findArchives';
import { PROTOMAPS_LAYERS } from './protomapsSchema';
import { useTerrain } from './terrainState';

const OSM = '© OpenStreetMap contributors';

type Found = { archive: PMTiles; header: ReturnType<typeof bytesToHeader>; meta: Record<string, unknown>; url: string };
class Fault extends Error {
  constructor(readonly fault: ArchiveFault) {
    super(fault.code);
  }
}

/** An archive the probe found (findArchives.ts): opened, its metadata read. */
async function open(p: Probed): Promise<Found> {
  if (p.fault) throw new Fault(p.fault);
  const archive = new PMTiles(new FetchSource(p.url));
  try {
    const header = bytesToHeader(p.first.slice(0, 127));
    const meta = ((await archive.getMetadata()) ?? {}) as Record<string, unknown>;
    return { archive, header, meta, url: p.url };
  } catch {
    throw new Fault({ code: 'unreadable' });
  }
}

function countyConfig(f: Found): BasemapConfig {
  const has = new Set(((f.meta.vector_layers ?? []) as { id?: string }[]).map((l) => l.id));
  if (f.header.tileType !== 1) throw new Fault({ code: 'type', want: 'vector' });
  const missing = PROTOMAPS_LAYERS.filter((l) => !has.has(l));
  if (missing.length > 0) throw new Fault({ code: 'schema', missing });
  return {
    id: COUNTY_BASEMAP_ID,
    name: { zh: BASEMAP_STRINGS.zh.countyName, en: BASEMAP_STRINGS.en.countyName },
    type: 'archive',
    url: f.url,
    datum: 'WGS-84',
    attribution: typeof f.meta.attribution === 'string' && f.meta.attribution.trim() ? f.meta.attribution : OSM,
    found: true,
  };
}

const say = (text: (s: (typeof BASEMAP_STRINGS)['zh']) => string) => {
  const app = useApp.getState();
  app.notify(text(BASEMAP_STRINGS[app.lang]));
};

/** Takes in what the probe found beside the app. */
export async function adoptArchives(found: { county: Probed | null; terrain: Probed | null }): Promise<void> {
  const [county, terrain] = await Promise.allSettled([found.county && open(found.county), found.terrain && open(found.terrain)]);
  try {
    if (county.status === 'rejected') throw county.reason;
    if (county.value) {
      const config = countyConfig(county.value);
      ensureProtocol().add(county.value.archive);
      await loadArchiveLayers();
      const app = useApp.getState();
      app.setBasemaps([...app.basemaps.filter((b) => b.id !== config.id), config]);
      if (useApp.getState().basemapId === 'embedded') useApp.getState().setBasemap(config.id);
    }
  } catch (e) {
    if (!(e instanceof Fault)) throw e;
    console.warn(`${COUNTY_ARCHIVE}: ${BASEMAP_STRINGS.en.fault(e.fault)}`);
    say((s) => s.countyBroken(s.fault(e.fault)));
  }
  try {
    if (terrain.status === 'rejected') throw terrain.reason;
    const t = terrain.value;
    if (t) {
      if (t.header.tileType !== 2 && t.header.tileType !== 4) throw new Fault({ code: 'type', want: 'image' });
      ensureProtocol().add(t.archive);
      useTerrain.getState().setFound({
        url: t.url,
        encoding: t.meta.encoding === 'mapbox' ? 'mapbox' : 'terrarium',
        maxzoom: t.header.maxZoom,
        attribution: typeof t.meta.attribution === 'string' ? t.meta.attribution : '',
      });
    }
  } catch (e) {
    if (!(e instanceof Fault)) throw e;
    console.warn(`${TERRAIN_ARCHIVE}: ${BASEMAP_STRINGS.en.fault(e.fault)}`);
    say((s) => s.terrainBroken(s.fault(e.fault)));
  }
}
