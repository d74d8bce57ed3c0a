/**
 * Reading what a planner typed into the add-service form: an XYZ template is taken as it is; any other
 * address is fetched once and recognised by what comes back — WMTS or WMS capabilities, an ArcGIS REST
 * service's JSON, a TileJSON, an OGC API Features landing page or collection — or refused saying what
 * came instead (a login page, an exception, a document of another kind).
 */
import type { Datum } from '../basemap/config';
import { HOME_BOUNDS } from '../map/camera';
import { capabilitiesUrl, parseWms, parseWmts, type WmsCaps, type WmtsCaps } from './capabilities';
import { FEATURE_LIMIT } from './featureLimit';
import { fetchService } from './fetchService';
import type { GeoMatrix, ServiceDef } from './model';
import { ServiceError } from './problems';
import { kvpBase, rebase, withParams } from './urls';
import { all, type El, href, kidText, parseXml, textOf } from './xml';

export type ReadKind = 'auto' | 'wmts' | 'wms' | 'xyz' | 'arcgis' | 'features';
export interface Collection {
  id: string;
  title: string;
  /** OGC API: the items URL (paged, filtered by bbox here). WFS: the whole GetFeature request. */
  items: string;
  wfs?: true;
}
export type Reading =
  | { kind: 'wmts'; caps: WmtsCaps }
  | { kind: 'wms'; caps: WmsCaps }
  | { kind: 'def'; def: ServiceDef }
  | { kind: 'features'; collections: Collection[] };

function absolute(url: string): string {
  try {
    return new URL(url, typeof location === 'undefined' ? undefined : location.href).href;
  } catch {
    throw new ServiceError({ code: 'bad-url', url });
  }
}

/** An XYZ/TMS template: {z}/{x}/{y} ({-y} for TMS rows), {s} with subdomains given as {s:a,b,c} or the default a,b,c. */
export function xyzService(template: string, datum: Datum, title?: string): ServiceDef {
  const sub = /\{s:([^}]+)\}/.exec(template);
  const subdomains = sub ? (sub[1] as string).split(',') : template.includes('{s}') ? ['a', 'b', 'c'] : undefined;
  const t = sub ? template.replace(sub[0], '{s}') : template;
  if (!/\{z\}/.test(t) || !/\{x\}/.test(t) || !/\{-?y\}/.test(t)) throw new ServiceError({ code: 'bad-url', url: template });
  const u = absolute(t.replace(/\{[^}]+\}/g, '0'));
  return {
    type: 'xyz',
    title: title || new URL(u).host || u,
    template: absolute(t.replaceAll('{', '%7B').replaceAll('}', '%7D')).replaceAll('%7B', '{').replaceAll('%7D', '}'),
    ...(subdomains ? { subdomains } : {}),
    grid: { kind: 'webmercator' },
    tileSize: 256,
    minzoom: 0,
    maxzoom: 19,
    datum,
    attribution: new URL(u).host,
    from: { url: template },
  };
}

/** An ArcGIS REST MapServer / ImageServer from its JSON: its cache (Web Mercator or geographic) or, without one, `export`. */
export function arcgisService(base: string, j: Record<string, unknown>, datum: Datum): ServiceDef {
  const info = j.tileInfo as
    | {
        rows?: number;
        cols?: number;
        origin?: { x: number; y: number };
        spatialReference?: { wkid?: number; latestWkid?: number };
        lods?: { level: number; resolution: number }[];
      }
    | undefined;
  const wkid = info?.spatialReference?.latestWkid ?? info?.spatialReference?.wkid;
  const title = String(
    (j.documentInfo as { Title?: string } | undefined)?.Title || j.mapName || j.name || base.split('/').slice(-2, -1)[0] || base,
  );
  const attribution = String(j.copyrightText ?? '') || title;
  const common = { type: 'arcgis' as const, title, tileSize: 256, datum, attribution, from: { url: base } };
  const image = /\/ImageServer\/?$/i.test(base);
  if (info?.lods?.length && j.singleFusedMapCache !== false && (wkid === 3857 || wkid === 102100)) {
    const levels = info.lods.map((l) => l.level);
    return {
      ...common,
      template: `${base}/tile/{z}/{y}/{x}`,
      grid: { kind: 'webmercator' },
      minzoom: Math.min(...levels),
      maxzoom: Math.max(...levels),
    };
  }
  if (info?.lods?.length && info.origin && (wkid === 4490 || wkid === 4326 || wkid === 4610)) {
    const tw = info.cols ?? 256;
    const th = info.rows ?? 256;
    const matrices: GeoMatrix[] = info.lods.map((l) => ({
      id: String(l.level),
      res: l.resolution,
      left: info.origin?.x ?? -180,
      top: info.origin?.y ?? 90,
      tileWidth: tw,
      tileHeight: th,
      matrixWidth: Math.ceil(360 / (l.resolution * tw)),
      matrixHeight: Math.ceil(180 / (l.resolution * th)),
    }));
    return {
      ...common,
      template: `${base}/tile/{TileMatrix}/{TileRow}/{TileCol}`,
      grid: { kind: 'geographic', crs: `EPSG:${wkid}`, matrices },
      minzoom: 0,
      maxzoom: 22,
    };
  }
  const op = image ? 'exportImage' : 'export';
  return {
    ...common,
    template: `${base}/${op}?bbox={bbox-epsg-3857}&bboxSR=3857&imageSR=3857&size=256,256&format=png32&transparent=true&f=image`,
    grid: { kind: 'webmercator' },
    minzoom: 0,
    maxzoom: 22,
  };
}

function tileJsonService(url: string, j: Record<string, unknown>, datum: Datum): ServiceDef {
  const tiles = (j.tiles as string[]).map((t) =>
    new URL(t.replaceAll('{', '%7B').replaceAll('}', '%7D'), url).href.replaceAll('%7B', '{').replaceAll('%7D', '}'),
  );
  const tms = j.scheme === 'tms';
  return {
    type: 'xyz',
    title: String(j.name ?? new URL(url).host),
    template: (tiles[0] as string).replace('{y}', tms ? '{-y}' : '{y}'),
    grid: { kind: 'webmercator' },
    tileSize: 256,
    minzoom: Number(j.minzoom ?? 0),
    maxzoom: Number(j.maxzoom ?? 19),
    datum,
    attribution: String(j.attribution ?? new URL(url).host).replace(/<[^>]*>/g, ''),
    from: { url },
  };
}

function collectionsOf(url: string, j: Record<string, unknown>): Collection[] | null {
  const link = (o: { links?: { rel?: string; href?: string; type?: string }[] }, rel: string) =>
    o.links?.find((l) => l.rel === rel && (!l.type || /json/.test(l.type)))?.href ?? o.links?.find((l) => l.rel === rel)?.href;
  const one = (c: Record<string, unknown>): Collection => ({
    id: String(c.id),
    title: String(c.title ?? c.id),
    // Advertised at the server's own address: followed where the page read the list (a proxy).
    items: rebase(new URL(link(c as never, 'items') ?? `${url.replace(/[?#].*$/, '').replace(/\/$/, '')}/items`, url).href, url).url,
  });
  if (Array.isArray(j.collections))
    return (j.collections as Record<string, unknown>[]).filter((c) => c.itemType === undefined || c.itemType === 'feature').map(one);
  if (typeof j.id === 'string' && Array.isArray(j.links) && link(j as never, 'items')) return [one(j)];
  return null;
}

/**
 * A WFS's feature types as collections: GetFeature for GeoJSON within the county (latitude first in the
 * bounding box, as EPSG:4326 is in WFS 1.1 and 2.0), one more than the limit asked for so a cut is seen.
 */
export function parseWfs(body: string, url: string, limit = FEATURE_LIMIT): Collection[] {
  const root = parseXml(body).documentElement as unknown as El;
  const version = (root.getAttribute('version') ?? '2.0.0').startsWith('1.1') ? '1.1.0' : '2.0.0';
  const op = all(root, 'Operation').find((o) => o.getAttribute('name') === 'GetFeature');
  const advertised = href(op ? all(op, 'Get')[0] : null) || url;
  const moved = rebase(advertised, url);
  const base = kvpBase(moved.moved ? url : moved.url, ['service', 'request', 'version', 'acceptversions']);
  const [w, s, e, n] = HOME_BOUNDS;
  const types = all(root, 'FeatureType');
  if (types.length === 0) throw new ServiceError({ code: 'no-layers' });
  return types.map((t) => {
    const name = kidText(t, 'Name');
    const formats = all(t, 'Format').map(textOf);
    const json = formats.find((f) => /json/i.test(f));
    if (!json) throw new ServiceError({ code: 'no-geojson', formats });
    const params =
      version === '2.0.0'
        ? `TYPENAMES=${encodeURIComponent(name)}&COUNT=${limit + 1}`
        : `TYPENAME=${encodeURIComponent(name)}&MAXFEATURES=${limit + 1}`;
    return {
      id: name,
      title: kidText(t, 'Title') || name,
      items: `${base}SERVICE=WFS&VERSION=${version}&REQUEST=GetFeature&${params}&OUTPUTFORMAT=${encodeURIComponent(json)}&BBOX=${s},${w},${n},${e},urn:ogc:def:crs:EPSG::4326`,
      wfs: true,
    };
  });
}

async function text(url: string, signal?: AbortSignal): Promise<{ body: string; type: string }> {
  const res = await fetchService(url, signal);
  return { body: await res.text(), type: (res.headers.get('content-type') ?? '').toLowerCase() };
}

/** Reads the address as the kind asked (or recognises it). */
export async function readService(input: string, kind: ReadKind, datum: Datum, signal?: AbortSignal): Promise<Reading> {
  const raw = input.trim();
  if (kind === 'xyz' || (kind === 'auto' && /\{z\}/.test(raw))) return { kind: 'def', def: xyzService(raw, datum) };
  let url = absolute(raw);
  if (kind === 'wmts' || kind === 'wms') url = capabilitiesUrl(url, kind === 'wmts' ? 'WMTS' : 'WMS');
  if (kind === 'arcgis' && !/[?&]f=p?json/i.test(url)) url = withParams(url, { f: 'json' });
  if (kind === 'features' && !/[?&]f=/.test(url) && !/request=/i.test(url)) url = withParams(url, { f: 'json' });
  const { body, type } = await text(url, signal);
  const head = body.trimStart().slice(0, 1);
  if (head === '{') {
    let j: Record<string, unknown>;
    try {
      j = JSON.parse(body) as Record<string, unknown>;
    } catch {
      throw new ServiceError({ code: 'not-xml', detail: body.slice(0, 80) });
    }
    if (j.error && typeof j.error === 'object')
      throw new ServiceError({ code: 'exception', text: String((j.error as { message?: string }).message ?? JSON.stringify(j.error)) });
    if (j.tileInfo || j.currentVersion !== undefined || /\/(MapServer|ImageServer)\/?(\?|$)/i.test(url))
      return { kind: 'def', def: arcgisService(url.replace(/\?.*$/, '').replace(/\/$/, ''), j, datum) };
    if (Array.isArray(j.tiles)) return { kind: 'def', def: tileJsonService(url, j, datum) };
    if (j.version === 8 && Array.isArray(j.layers)) throw new ServiceError({ code: 'style' });
    const collections = collectionsOf(url, j);
    if (collections) return { kind: 'features', collections };
    // An OGC API landing page: its collections.
    const data = (j.links as { rel?: string; href?: string }[] | undefined)?.find((l) => l.rel === 'data' || l.rel?.endsWith('/data'));
    if (data?.href) return readService(new URL(data.href, url).href, 'features', datum, signal);
    throw new ServiceError({ code: 'unknown-type' });
  }
  if (head === '<' || type.includes('xml') || type.includes('html')) {
    const root = parseXml(body).documentElement;
    const name = root?.localName ?? '';
    if (name === 'Capabilities') return { kind: 'wmts', caps: parseWmts(body, url) };
    if (name === 'WMS_Capabilities' || name === 'WMT_MS_Capabilities') return { kind: 'wms', caps: parseWms(body, url) };
    if (name === 'WFS_Capabilities') return { kind: 'features', collections: parseWfs(body, url) };
    throw new ServiceError({ code: 'unknown-document', root: name });
  }
  if (kind === 'auto') {
    // A bare endpoint: asked for WMTS, then WMS capabilities.
    for (const k of ['wmts', 'wms'] as const) {
      try {
        return await readService(raw, k, datum, signal);
      } catch {
        // the next
      }
    }
  }
  throw new ServiceError({ code: 'unknown-type' });
}
