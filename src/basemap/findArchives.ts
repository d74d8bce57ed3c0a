/**
 * Looks for the county basemap and terrain a deployment extracted beside the app (public/basemap/ →
 * basemap/county.pmtiles and basemap/terrain.pmtiles; README "A real map of your county"): the first
 * 16 KiB of each is asked for. Absent (404, or the page a single-page host answers for any path):
 * nothing happens, as in the embedded default. Light: the pmtiles library comes (countyArchive.ts) only
 * when something is there.
 */
import { FirstBytesError, firstBytes } from '../lib/firstBytes';
import type { ArchiveFault } from './basemapStrings';

export const COUNTY_ARCHIVE = 'basemap/county.pmtiles';
export const TERRAIN_ARCHIVE = 'basemap/terrain.pmtiles';
export const COUNTY_BASEMAP_ID = 'county';

export interface Probed {
  url: string;
  first: ArrayBuffer;
  /** Something is there, but not an archive. */
  fault?: ArchiveFault;
}

async function probe(path: string): Promise<Probed | null> {
  const url = new URL(path, location.href).href;
  try {
    const { first } = await firstBytes(url, 16_384, 'no-cache');
    const magic = new TextDecoder().decode(new Uint8Array(first, 0, Math.min(7, first.byteLength)));
    return magic === 'PMTiles' ? { url, first } : { url, first, fault: { code: 'not-pmtiles' } };
  } catch (e) {
    if (!(e instanceof FirstBytesError)) throw e;
    const f = e.fault;
    // Not there (404, no server, the page a single-page host answers for any path): as in the embedded default.
    if (f.code === 'http' || f.code === 'unreachable' || f.code === 'html') return null;
    return { url, first: new ArrayBuffer(0), fault: { code: 'server', why: f.code } };
  }
}

let settle = () => {};
/** Resolves once the archives beside the app were looked for and any found taken in (the static first map waits on it). */
export const archivesSettled = new Promise<void>((resolve) => {
  settle = resolve;
});

export async function findArchives(): Promise<void> {
  try {
    // Opened from disk (the one-file build), nothing beside the page can be fetched; with the network off (an
    // installed app away from its server) the archives cannot be read either: not asked, so nothing is logged.
    if (location.protocol === 'file:' || navigator.onLine === false) return;
    const [county, terrain] = await Promise.all([probe(COUNTY_ARCHIVE), probe(TERRAIN_ARCHIVE)]);
    if (!county && !terrain) return;
    const { adoptArchives } = await import('./countyArchive');
    await adoptArchives({ county, terrain });
  } finally {
    settle();
  }
}
