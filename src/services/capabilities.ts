/**
 * WMTS and WMS capabilities read into the choices a planner makes (layer, style, tile matrix set,
 * format) and, once chosen, into a ServiceDef. Pure (xmldom), unit-tested with documents captured from
 * Debian's MapServer and MapCache (tests/fixtures/services/captured/). Text from a document is kept as
 * text: the UI never renders it as markup.
 */
import type { Datum } from '../basemap/config';
import { resOfScale } from './grid';
import type { GeoMatrix, ServiceDef } from './model';
import { ServiceError } from './problems';
import { kvpBase, rebase, withParams } from './urls';
import { all, type El, href, kid, kids, kidText, parseXml, textOf } from './xml';

export interface WmtsLayerInfo {
  id: string;
  title: string;
  abstract: string;
  /** The default of a time dimension, when the layer has one: the data's vintage. */
  vintage?: string;
  styles: { id: string; isDefault: boolean }[];
  formats: string[];
  sets: string[];
  templates: { format: string; template: string }[];
}
export interface MatrixSetInfo {
  id: string;
  crs: string;
  /** 'webmercator' | 'geographic', or null when the app cannot draw it. */
  drawable: 'webmercator' | 'geographic' | null;
  matrices: {
    id: string;
    scale: number;
    topLeft: [number, number];
    tileWidth: number;
    tileHeight: number;
    matrixWidth: number;
    matrixHeight: number;
  }[];
}
export interface WmtsCaps {
  kind: 'wmts';
  title: string;
  provider: string;
  layers: WmtsLayerInfo[];
  sets: Record<string, MatrixSetInfo>;
  /** GetTile by KVP, when the document offers it. */
  kvp: string | null;
  url: string;
  /** The document's own advertised address (to move operation URLs to a proxy). */
  self: string;
  /** Whether `title` is the document's own (else its host). */
  hasTitle: boolean;
}

const num = (s: string) => Number.parseFloat(s);
const isMercatorCrs = (crs: string) => /(3857|900913|102100|102113|GoogleMapsCompatible)\b/i.test(crs);
const isGeographicCrs = (crs: string) => /(4326|4490|CRS84|4610|4214)\b/i.test(crs);
const WORLD_M = 20037508.34;

/** A WMTS time dimension's default (or its latest value): the vintage the details show. */
function timeDefault(d: El | undefined): { vintage?: string } {
  if (!d) return {};
  const v = kidText(d, 'Default') || kids(d, 'Value').map(textOf).filter(Boolean).pop() || '';
  return v ? { vintage: v.slice(0, 100) } : {};
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

export function parseWmts(text: string, url: string): WmtsCaps {
  const doc = parseXml(text);
  const root = doc.documentElement as unknown as El;
  if (root.localName !== 'Capabilities') throw new ServiceError({ code: 'unknown-document', root: root.localName ?? '' });
  const version = root.getAttribute('version') ?? '';
  if (version && !version.startsWith('1.0')) throw new ServiceError({ code: 'version', version: `WMTS ${version}` });
  const ident = kid(root, 'ServiceIdentification');
  const provider = kid(root, 'ServiceProvider');
  const ops = all(root, 'Operation');
  const opHref = (name: string) => {
    const op = ops.find((o) => o.getAttribute('name') === name);
    const gets = op ? all(op, 'Get') : [];
    const kvpGet =
      gets.find((g) => all(g, 'Value').some((v) => textOf(v) === 'KVP')) ??
      (gets.length && !gets.some((g) => all(g, 'Value').length) ? gets[0] : undefined);
    return kvpGet ? href(kvpGet) : '';
  };
  const contents = kid(root, 'Contents');
  const layers: WmtsLayerInfo[] = kids(contents, 'Layer').map((l) => ({
    id: kidText(l, 'Identifier'),
    title: kidText(l, 'Title') || kidText(l, 'Identifier'),
    abstract: kidText(l, 'Abstract'),
    ...timeDefault(kids(l, 'Dimension').find((d) => /^time$/i.test(kidText(d, 'Identifier')))),
    styles: kids(l, 'Style').map((s) => ({ id: kidText(s, 'Identifier'), isDefault: s.getAttribute('isDefault') === 'true' })),
    formats: kids(l, 'Format').map(textOf),
    sets: kids(l, 'TileMatrixSetLink').map((k) => kidText(k, 'TileMatrixSet')),
    templates: kids(l, 'ResourceURL')
      .filter((r) => (r.getAttribute('resourceType') ?? 'tile') === 'tile')
      .map((r) => ({ format: r.getAttribute('format') ?? '', template: r.getAttribute('template') ?? '' })),
  }));
  const sets: Record<string, MatrixSetInfo> = {};
  for (const s of kids(contents, 'TileMatrixSet')) {
    const id = kidText(s, 'Identifier');
    const crs = kidText(s, 'SupportedCRS');
    const matrices = kids(s, 'TileMatrix').map((m) => {
      const [a = 0, b = 0] = kidText(m, 'TopLeftCorner').split(/\s+/).map(num);
      return {
        id: kidText(m, 'Identifier'),
        scale: num(kidText(m, 'ScaleDenominator')),
        topLeft: [a, b] as [number, number],
        tileWidth: num(kidText(m, 'TileWidth')) || 256,
        tileHeight: num(kidText(m, 'TileHeight')) || 256,
        matrixWidth: num(kidText(m, 'MatrixWidth')) || 1,
        matrixHeight: num(kidText(m, 'MatrixHeight')) || 1,
      };
    });
    const drawable = isMercatorCrs(crs) || isMercatorCrs(id) ? 'webmercator' : isGeographicCrs(crs) ? 'geographic' : null;
    sets[id] = { id, crs, drawable, matrices };
  }
  if (layers.length === 0) throw new ServiceError({ code: 'no-layers' });
  return {
    kind: 'wmts',
    // A document without a title of its own is named by its host, not by one of its layers.
    title: kidText(ident, 'Title') || hostOf(url),
    provider: kidText(provider, 'ProviderName'),
    layers,
    sets,
    kvp: opHref('GetTile') || null,
    url,
    self: opHref('GetCapabilities'),
    hasTitle: kidText(ident, 'Title') !== '',
  };
}

/** A geographic matrix's corner as longitude, latitude: EPSG:4326/4490 name latitude first, CRS84 longitude first. */
function lonLat(topLeft: [number, number], crs: string): [number, number] {
  const [a, b] = topLeft;
  if (/CRS84/i.test(crs)) return [a, b];
  if (Math.abs(a) > 90) return [a, b];
  if (Math.abs(b) > 90) return [b, a];
  return [b, a];
}

/** Matrices of a geographic set in degrees. A grid covering the whole world gets its exact resolution from its size (Tianditu's `_c` scales are not WMTS's 0.28 mm pixel). */
export function geoMatrices(set: MatrixSetInfo): GeoMatrix[] {
  return set.matrices.map((m) => {
    const [left, top] = lonLat(m.topLeft, set.crs);
    let res = resOfScale(m.scale);
    const world = 360 / (m.matrixWidth * m.tileWidth);
    if (Math.abs(left + 180) < 1e-6 && Math.abs(world / res - 1) < 0.1) res = world;
    return {
      id: m.id,
      res,
      left,
      top,
      tileWidth: m.tileWidth,
      tileHeight: m.tileHeight,
      matrixWidth: m.matrixWidth,
      matrixHeight: m.matrixHeight,
    };
  });
}

/** A Web Mercator set's matrices by zoom (the zoom read from the scale: 559082264 / 2^z). */
function mercatorIds(set: MatrixSetInfo): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const m of set.matrices) {
    const z = Math.round(Math.log2(559082264.0287178 / m.scale));
    const corner = Math.abs(Math.abs(m.topLeft[0]) - WORLD_M) < 10 && Math.abs(Math.abs(m.topLeft[1]) - WORLD_M) < 10;
    if (corner && z >= 0 && z <= 24) ids[String(z)] = m.id;
  }
  return ids;
}

/** The document's own title, when it has one (not the host it falls back to). */
const kidTitle = (caps: WmtsCaps) => (caps.hasTitle ? caps.title : '');

export interface WmtsChoice {
  layer: string;
  style: string;
  set: string;
  format: string;
}

/** The first drawable choice for a layer: its default style, a Web Mercator set if there is one, PNG before JPEG. */
export function defaultWmtsChoice(caps: WmtsCaps, layerId?: string): WmtsChoice {
  const layer = caps.layers.find((l) => l.id === layerId) ?? (caps.layers[0] as WmtsLayerInfo);
  const sets = layer.sets.filter((s) => caps.sets[s]?.drawable);
  if (sets.length === 0) throw new ServiceError({ code: 'grids', sets: layer.sets.map((s) => `${s} (${caps.sets[s]?.crs ?? '?'})`) });
  const set = sets.find((s) => caps.sets[s]?.drawable === 'webmercator') ?? (sets[0] as string);
  const formats = layer.formats.length ? layer.formats : layer.templates.map((t) => t.format);
  const format = formats.find((f) => /png/i.test(f)) ?? formats[0] ?? 'image/png';
  const style = layer.styles.find((s) => s.isDefault)?.id ?? layer.styles[0]?.id ?? 'default';
  return { layer: layer.id, style, set, format };
}

export function wmtsService(caps: WmtsCaps, c: WmtsChoice, datum: Datum = 'WGS-84'): ServiceDef {
  const layer = caps.layers.find((l) => l.id === c.layer);
  const set = caps.sets[c.set];
  if (!layer || !set) throw new ServiceError({ code: 'no-layers' });
  if (!set.drawable) throw new ServiceError({ code: 'grids', sets: [`${set.id} (${set.crs})`] });
  const rest = layer.templates.find((t) => t.format === c.format) ?? layer.templates[0];
  let template: string;
  let moved = false;
  if (rest) {
    const r = rebase(rest.template, caps.url, caps.self || undefined);
    moved = r.moved;
    template = r.url
      .replace(/\{TileMatrixSet\}/gi, encodeURIComponent(set.id))
      .replace(/\{Style\}/gi, encodeURIComponent(c.style))
      .replace(/\{Layer\}/gi, encodeURIComponent(layer.id));
  } else {
    const r = rebase(caps.kvp ?? kvpBase(caps.url), caps.url, caps.self || undefined);
    moved = r.moved;
    template = `${kvpBase(r.url)}SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${encodeURIComponent(layer.id)}&STYLE=${encodeURIComponent(c.style)}&FORMAT=${encodeURIComponent(c.format)}&TILEMATRIXSET=${encodeURIComponent(set.id)}&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}`;
  }
  const base = {
    type: 'wmts' as const,
    title: layer.title,
    template,
    tileSize: 256,
    datum,
    attribution: caps.provider || kidTitle(caps) || layer.title,
    from: { url: caps.url, layer: layer.id, style: c.style, matrixSet: set.id, format: c.format, version: '1.0.0' },
    ...(layer.abstract ? { abstract: layer.abstract } : {}),
    ...(layer.vintage ? { vintage: layer.vintage } : {}),
    ...(moved ? { rebased: true } : {}),
  };
  if (set.drawable === 'webmercator') {
    const ids = mercatorIds(set);
    const zooms = Object.keys(ids).map(Number);
    if (zooms.length === 0) throw new ServiceError({ code: 'grids', sets: [`${set.id} (${set.crs})`] });
    return { ...base, grid: { kind: 'webmercator', ids }, minzoom: Math.min(...zooms), maxzoom: Math.max(...zooms) };
  }
  const matrices = geoMatrices(set);
  return { ...base, grid: { kind: 'geographic', crs: set.crs, matrices }, minzoom: 0, maxzoom: 22 };
}

export interface WmsLayerInfo {
  name: string;
  title: string;
  abstract: string;
  /** A time dimension's default, when the layer has one: the data's vintage. */
  vintage?: string;
  styles: { name: string; title: string }[];
  crs: string[];
  attribution: string;
}
export interface WmsCaps {
  kind: 'wms';
  version: '1.1.1' | '1.3.0';
  title: string;
  layers: WmsLayerInfo[];
  getMap: string;
  formats: string[];
  url: string;
  self: string;
}

export function parseWms(text: string, url: string): WmsCaps {
  const doc = parseXml(text);
  const root = doc.documentElement as unknown as El;
  const rootName = root.localName ?? '';
  if (rootName !== 'WMS_Capabilities' && rootName !== 'WMT_MS_Capabilities')
    throw new ServiceError({ code: 'unknown-document', root: rootName });
  const v = root.getAttribute('version') ?? '';
  const version = v.startsWith('1.3') ? '1.3.0' : v.startsWith('1.1') ? '1.1.1' : null;
  if (!version) throw new ServiceError({ code: 'version', version: `WMS ${v}` });
  const capability = kid(root, 'Capability');
  const request = kid(capability, 'Request');
  const getMapEl = kid(request, 'GetMap');
  const getMap = href(all(getMapEl as El, 'Get')[0]?.getElementsByTagNameNS('*', 'OnlineResource')[0] as El | undefined) || url;
  const layers: WmsLayerInfo[] = [];
  const walk = (l: El, inherited: { crs: string[]; styles: WmsLayerInfo['styles']; attribution: string }) => {
    const crs = [...inherited.crs, ...kids(l, version === '1.3.0' ? 'CRS' : 'SRS').flatMap((c) => textOf(c).split(/\s+/))];
    const styles = [...inherited.styles, ...kids(l, 'Style').map((s) => ({ name: kidText(s, 'Name'), title: kidText(s, 'Title') }))];
    const attribution = kidText(kid(l, 'Attribution'), 'Title') || inherited.attribution;
    const name = kidText(l, 'Name');
    const time = [...kids(l, 'Dimension'), ...kids(l, 'Extent')].find((d) => /^time$/i.test(d.getAttribute('name') ?? ''));
    const vintage = (time?.getAttribute('default') || textOf(time).split(/[,/]/).filter(Boolean).pop() || '').slice(0, 100);
    if (name)
      layers.push({
        name,
        title: kidText(l, 'Title') || name,
        abstract: kidText(l, 'Abstract'),
        styles,
        crs,
        attribution,
        ...(vintage ? { vintage } : {}),
      });
    for (const k of kids(l, 'Layer')) walk(k, { crs, styles, attribution });
  };
  for (const l of kids(capability, 'Layer')) walk(l, { crs: [], styles: [], attribution: '' });
  if (layers.length === 0) throw new ServiceError({ code: 'no-layers' });
  const service = kid(root, 'Service');
  const capsHref = href(
    all(kid(request, 'GetCapabilities') as El, 'Get')[0]?.getElementsByTagNameNS('*', 'OnlineResource')[0] as El | undefined,
  );
  return {
    kind: 'wms',
    version,
    title: kidText(service, 'Title'),
    layers,
    getMap,
    formats: kids(getMapEl, 'Format').map(textOf),
    url,
    self: capsHref,
  };
}

export interface WmsChoice {
  layers: string[];
  style: string;
}

/** The coordinate system a WMS is asked in: Web Mercator when offered, else geographic (the tile then drawn as it comes). */
function wmsCrs(l: WmsLayerInfo, version: WmsCaps['version']): { crs: string; bbox: string } {
  const has = (c: string) => l.crs.some((x) => x.toUpperCase() === c);
  if (has('EPSG:3857')) return { crs: 'EPSG:3857', bbox: '{bbox-epsg-3857}' };
  if (has('EPSG:900913')) return { crs: 'EPSG:900913', bbox: '{bbox-epsg-3857}' };
  for (const c of ['EPSG:4490', 'EPSG:4326', 'CRS:84']) {
    // WMS 1.3.0 orders EPSG:4326 and EPSG:4490 latitude first; CRS:84 and 1.1.1 longitude first.
    if (has(c)) return { crs: c, bbox: version === '1.3.0' && c !== 'CRS:84' ? '{bbox-latlon}' : '{bbox-lonlat}' };
  }
  throw new ServiceError({ code: 'crs', crs: l.crs.slice(0, 12) });
}

export function wmsService(caps: WmsCaps, c: WmsChoice, datum: Datum = 'WGS-84'): ServiceDef {
  const chosen = caps.layers.filter((l) => c.layers.includes(l.name));
  const first = chosen[0];
  if (!first) throw new ServiceError({ code: 'no-layers' });
  const { crs, bbox } = wmsCrs(first, caps.version);
  const format = caps.formats.find((f) => f === 'image/png') ?? caps.formats.find((f) => /png/i.test(f)) ?? 'image/png';
  const r = rebase(caps.getMap, caps.url, caps.self || undefined);
  const base = kvpBase(r.moved ? kvpBase(caps.url) : r.url, [
    'service',
    'request',
    'version',
    'layers',
    'styles',
    'format',
    'bbox',
    'width',
    'height',
    'crs',
    'srs',
    'transparent',
  ]);
  const params = [
    'SERVICE=WMS',
    `VERSION=${caps.version}`,
    'REQUEST=GetMap',
    `LAYERS=${chosen.map((l) => encodeURIComponent(l.name)).join(',')}`,
    `STYLES=${chosen.map(() => encodeURIComponent(c.style)).join(',')}`,
    `FORMAT=${encodeURIComponent(format)}`,
    'TRANSPARENT=TRUE',
    `${caps.version === '1.3.0' ? 'CRS' : 'SRS'}=${crs}`,
    'WIDTH=256',
    'HEIGHT=256',
    `BBOX=${bbox}`,
  ].join('&');
  return {
    type: 'wms',
    title: chosen.map((l) => l.title).join(' + '),
    template: `${base}${params}`,
    grid: { kind: 'webmercator' },
    tileSize: 256,
    minzoom: 0,
    maxzoom: 22,
    datum,
    attribution: first.attribution || caps.title,
    from: { url: caps.url, layer: chosen.map((l) => l.name).join(','), style: c.style, format, version: caps.version },
    ...(first.abstract ? { abstract: first.abstract } : {}),
    ...(first.vintage ? { vintage: first.vintage } : {}),
    ...(r.moved ? { rebased: true } : {}),
  };
}

/** The capabilities URL for a service type from an address without a request (a bare endpoint). */
export function capabilitiesUrl(url: string, service: 'WMS' | 'WMTS'): string {
  const u = new URL(url);
  const has = [...u.searchParams.keys()].some((k) => k.toLowerCase() === 'request');
  if (has || /WMTSCapabilities\.xml$/i.test(u.pathname)) return url;
  return withParams(url, { SERVICE: service, REQUEST: 'GetCapabilities' });
}
