/**
 * Opens PMTiles archives for the map: from a local file (read where it lies, by slices: offline and on
 * file://) or from a URL (HTTP range requests to any static host). Each archive is checked first
 * (archive.ts) and the server too — a 200 with the whole file, a compressed transfer, CORS — so a bad
 * one is refused with its name and the reason, and nothing on the map changes. The `pmtiles` protocol
 * is registered with MapLibre once, on the first archive. Loaded only when a tiled layer is used.
 */
import { FetchSource, FileSource, PMTiles, type RangeResponse, type Source } from 'pmtiles';
import type { Datum } from '../basemap/config';
import type { VectorLayerInfo } from '../layers/model';
import { type FirstBytes, FirstBytesError, firstBytes } from '../lib/firstBytes';
import { ensureProtocol } from '../lib/pmtilesProtocol';
import { xOfLon, yOfLat } from '../lib/webMercator';
import { checkArchive, TilesError, type TilesProblem } from './archive';

/** What the header and the root directory take: one request reads both. */
const FIRST_BYTES = 16_384;

/** A source under a key of ours (two files may share a name; the protocol finds archives by key). */
class KeyedSource implements Source {
  constructor(
    private readonly key: string,
    private readonly inner: Source,
  ) {}
  getKey(): string {
    return this.key;
  }
  getBytes(offset: number, length: number, signal?: AbortSignal, etag?: string): Promise<RangeResponse> {
    return this.inner.getBytes(offset, length, signal, etag);
  }
}

/**
 * pmtiles' range reader, its refusal named as the archive's fault: a server answering a tile's range with an error
 * (a share gone offline, a file moved) is `http` and its status, for whoever draws the archive, not the reader's English.
 */
class UrlSource extends FetchSource {
  override async getBytes(offset: number, length: number, signal?: AbortSignal, etag?: string): Promise<RangeResponse> {
    try {
      return await super.getBytes(offset, length, signal, etag);
    } catch (error) {
      const status = /^Bad response code: (\d+)$/.exec(String((error as Error)?.message))?.[1];
      if (status) throw new TilesError({ code: 'http', status: Number(status) });
      throw error;
    }
  }
}

/** The header and root directory by one range request, the server's faults named as the archive's. */
async function probe(url: string): Promise<FirstBytes> {
  try {
    return await firstBytes(url, FIRST_BYTES);
  } catch (e) {
    if (!(e instanceof FirstBytesError)) throw e;
    // A web page where an archive was asked for: not an archive.
    throw new TilesError(e.fault.code === 'html' ? { code: 'not-pmtiles' } : e.fault);
  }
}

export interface OpenedArchive {
  key: string;
  bounds: [number, number, number, number];
  minZoom: number;
  maxZoom: number;
  vectorLayers: VectorLayerInfo[];
  name: string | null;
  attribution: string | null;
  /** The datum of the coordinates: what the tiler wrote, else WGS-84 (other tilers' archives). */
  datum: Datum;
  /** Image tiles: the archive is a basemap (rasterBasemap.ts), not a data layer. */
  raster?: { format: string; tileSize: number };
}

interface Metadata {
  name?: unknown;
  datum?: unknown;
  attribution?: unknown;
  vector_layers?: { id?: unknown; fields?: Record<string, unknown> }[];
  tilestats?: {
    layers?: {
      layer?: unknown;
      geometry?: unknown;
      attributes?: { attribute?: unknown; type?: unknown; values?: unknown; min?: unknown; max?: unknown }[];
    }[];
  };
}

/** The vector layers and their attributes, from vector_layers and (when the tiler wrote them) tilestats. */
export function vectorLayersOf(meta: Metadata): VectorLayerInfo[] {
  const stats = new Map((meta.tilestats?.layers ?? []).map((l) => [String(l.layer), l]));
  return (meta.vector_layers ?? [])
    .filter((l) => typeof l.id === 'string')
    .map((l) => {
      const s = stats.get(l.id as string);
      const g = String(s?.geometry ?? 'mixed');
      const attrs = new Map((s?.attributes ?? []).map((a) => [String(a.attribute), a]));
      return {
        id: l.id as string,
        geometry: (['Point', 'LineString', 'Polygon'].includes(g) ? g : 'mixed') as VectorLayerInfo['geometry'],
        fields: Object.entries(l.fields ?? {}).map(([name, type]) => {
          const a = attrs.get(name);
          const values = Array.isArray(a?.values)
            ? (a.values.filter((v) => ['string', 'number', 'boolean'].includes(typeof v)) as (string | number | boolean)[])
            : [];
          return {
            name,
            type: String(a?.type ?? type),
            values,
            ...(typeof a?.min === 'number' && typeof a?.max === 'number' ? { min: a.min, max: a.max } : {}),
          };
        }),
      };
    });
}

/** The pixel size of an image archive's tiles (256 or 512), from one tile at its centre. */
async function tileSizeOf(
  archive: PMTiles,
  header: { centerZoom: number; centerLon: number; centerLat: number; minZoom: number; maxZoom: number },
): Promise<number> {
  const z = Math.min(header.maxZoom, Math.max(header.minZoom, header.centerZoom));
  const x = Math.floor(xOfLon(header.centerLon, z));
  const y = Math.floor(yOfLat(header.centerLat, z));
  try {
    const tile = await archive.getZxy(z, x, y);
    if (!tile) return 256;
    const image = await createImageBitmap(new Blob([tile.data]));
    const w = image.width;
    image.close();
    return w === 512 ? 512 : 256;
  } catch {
    return 256;
  }
}

async function openSource(source: Source, first: ArrayBuffer, size: number | null): Promise<OpenedArchive> {
  const { header, bounds, raster } = checkArchive(first, size, true);
  const archive = new PMTiles(source);
  let meta: Metadata;
  try {
    meta = (await archive.getMetadata()) as Metadata;
  } catch (error) {
    throw new TilesError({ code: 'unreadable', detail: String((error as Error)?.message ?? error) });
  }
  ensureProtocol().add(archive);
  return {
    key: source.getKey(),
    bounds,
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
    vectorLayers: vectorLayersOf(meta),
    name: typeof meta.name === 'string' ? meta.name : null,
    attribution: typeof meta.attribution === 'string' ? meta.attribution : null,
    datum: meta.datum === 'GCJ-02' ? 'GCJ-02' : 'WGS-84',
    ...(raster ? { raster: { format: raster, tileSize: await tileSizeOf(archive, header) } } : {}),
  };
}

/** Reads the archive from the file where it lies; nothing is copied (a 2 GB archive costs its directories only). */
export async function openFile(file: File, key: string): Promise<OpenedArchive> {
  let first: ArrayBuffer;
  try {
    first = await file.slice(0, FIRST_BYTES).arrayBuffer();
  } catch (error) {
    throw new TilesError({ code: 'unreadable', detail: String((error as Error)?.message ?? error) });
  }
  return openSource(new KeyedSource(key, new FileSource(file)), first, file.size);
}

export async function openUrl(url: string): Promise<OpenedArchive> {
  const { first, size } = await probe(url);
  return openSource(new UrlSource(url), first, size);
}

export const problemOf = (error: unknown): TilesProblem =>
  error instanceof TilesError ? error.problem : { code: 'unreadable', detail: String((error as Error)?.message ?? error).slice(0, 160) };
