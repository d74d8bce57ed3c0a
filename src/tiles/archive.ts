/**
 * What an archive's first bytes say, checked before MapLibre sees it: a PMTiles v3 archive of vector
 * tiles, whole, somewhere in China. Pure (no DOM): unit-tested under Node with archives the tiler made.
 */
import { bytesToHeader, type Header } from 'pmtiles';

/** What can be wrong with an archive or its server, worded per language in tileStrings.ts. */
export type TilesProblem =
  | { code: 'not-pmtiles' }
  /** An MBTiles file (SQLite): read after conversion, not by the browser. */
  | { code: 'mbtiles' }
  | { code: 'old-version'; version: number }
  | { code: 'newer-version'; version: number }
  | { code: 'truncated'; size: number; needs: number }
  | { code: 'raster'; format: string }
  | { code: 'unknown-type'; type: number }
  | { code: 'no-tiles' }
  | { code: 'outside-china'; bounds: [number, number, number, number] }
  /** The server sent the whole file for a range request (no byte serving). */
  | { code: 'no-ranges'; status: number }
  | { code: 'http'; status: number }
  /** The server compressed the archive on the way (Content-Encoding): byte ranges no longer match. */
  | { code: 'encoded'; encoding: string }
  /** fetch failed: offline, CORS refused, the page's security policy, a bad address. */
  | { code: 'unreachable'; detail: string }
  | { code: 'not-url'; value: string }
  | { code: 'unreadable'; detail: string };

export class TilesError extends Error {
  constructor(readonly problem: TilesProblem) {
    super(problem.code);
  }
}

/** Where China can be: a box around the mainland, Taiwan, Hainan and the South China Sea. */
export const CHINA_BOX: [number, number, number, number] = [73, 3, 136, 54];

const RASTER: Record<number, string> = { 2: 'PNG', 3: 'JPEG', 4: 'WebP', 5: 'AVIF' };

export interface ArchiveInfo {
  header: Header;
  bounds: [number, number, number, number];
  /** Image tiles (PNG, JPEG, WebP, AVIF) where `allowRaster` let them through. */
  raster?: string;
}

/**
 * Checks the first bytes of an archive (at least 127; the app reads 16 KiB, header and root
 * directory). `size`: the archive's length where known (a file, a server's Content-Range).
 */
export function checkArchive(first: ArrayBuffer, size: number | null, allowRaster = false): ArchiveInfo {
  const b = new Uint8Array(first);
  const magic = String.fromCharCode(...b.subarray(0, 7));
  if (magic !== 'PMTiles') {
    // Version 1 and 2 archives start "PM" and a 16-bit version.
    if (b[0] === 0x50 && b[1] === 0x4d && b.length >= 4) {
      const v = b[2] as number;
      if (v === 1 || v === 2) throw new TilesError({ code: 'old-version', version: v });
    }
    throw new TilesError({ code: 'not-pmtiles' });
  }
  if (b.length < 127) throw new TilesError({ code: 'truncated', size: size ?? b.length, needs: 127 });
  const version = b[7] as number;
  if (version > 3) throw new TilesError({ code: 'newer-version', version });
  if (version < 3) throw new TilesError({ code: 'old-version', version });
  const header = bytesToHeader(first.slice(0, 127));
  const needs = Math.max(
    header.rootDirectoryOffset + header.rootDirectoryLength,
    header.jsonMetadataOffset + header.jsonMetadataLength,
    header.leafDirectoryOffset + (header.leafDirectoryLength ?? 0),
    header.tileDataOffset + (header.tileDataLength ?? 0),
  );
  if (size !== null && needs > size) throw new TilesError({ code: 'truncated', size, needs });
  const raster = RASTER[header.tileType];
  if (raster && !allowRaster) throw new TilesError({ code: 'raster', format: raster });
  if (!raster && header.tileType !== 1) throw new TilesError({ code: 'unknown-type', type: header.tileType });
  if (header.numAddressedTiles === 0) throw new TilesError({ code: 'no-tiles' });
  const bounds: [number, number, number, number] = [header.minLon, header.minLat, header.maxLon, header.maxLat];
  const [w, s, e, n] = bounds;
  const [cw, cs, ce, cn] = CHINA_BOX;
  if (!(w <= ce && e >= cw && s <= cn && n >= cs)) throw new TilesError({ code: 'outside-china', bounds });
  return { header, bounds, ...(raster ? { raster } : {}) };
}

/** A layer's URL, absolute, or relative to the app (a `layers.json` beside it). */
export function resolveUrl(value: string, base: string): string {
  try {
    const u = new URL(value.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(u.protocol);
    return u.href;
  } catch {
    throw new TilesError({ code: 'not-url', value });
  }
}
