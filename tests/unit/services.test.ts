import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultWmtsChoice, geoMatrices, parseWms, parseWmts, wmsService, wmtsService } from '../../src/services/capabilities';
import { chooseMatrix, fillTemplate, latOfY, lonOfX, resamplePlan, tileBbox3857, xOfLon, yOfLat } from '../../src/services/grid';
import { ServiceError } from '../../src/services/problems';
import { isMixed, kvpBase, rebase } from '../../src/services/urls';

const captured = (f: string) => readFileSync(`tests/fixtures/services/captured/${f}`, 'utf8');
const problem = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ServiceError) return e.problem;
    throw e;
  }
  throw new Error('no problem raised');
};

describe('WMTS capabilities (MapCache)', () => {
  const caps = parseWmts(captured('wmts-mapcache.xml'), 'http://127.0.0.1:4180/mapcache/wmts?SERVICE=WMTS&REQUEST=GetCapabilities');
  it('reads the layer, its two sets and which the app can draw', () => {
    expect(caps.layers.map((l) => l.id)).toEqual(['parcels']);
    expect(caps.layers[0]?.title).toBe('测试地块 (MapCache)');
    expect(caps.sets.GoogleMapsCompatible?.drawable).toBe('webmercator');
    expect(caps.sets.WGS84?.drawable).toBe('geographic');
  });
  it('prefers the Web Mercator set and makes a RESTful template', () => {
    const def = wmtsService(caps, defaultWmtsChoice(caps));
    expect(def.from.matrixSet).toBe('GoogleMapsCompatible');
    expect(def.template).toBe(
      'http://127.0.0.1:4180/mapcache/wmts/1.0.0/parcels/default/GoogleMapsCompatible/{TileMatrix}/{TileRow}/{TileCol}.png',
    );
    expect(def.grid.kind === 'webmercator' && def.grid.ids?.['12']).toBe('12');
  });
  it('reads the geographic set as 2×1 tiles of 0.703125°/px at level 0, latitude first in the corner', () => {
    const m = geoMatrices(caps.sets.WGS84!);
    expect(m[0]).toMatchObject({ id: '0', left: -180, top: 90, matrixWidth: 2, matrixHeight: 1 });
    expect(m[0]?.res).toBeCloseTo(0.703125, 9);
    expect(m[12]?.res).toBeCloseTo(0.703125 / 4096, 12);
  });
  it('moves the advertised address to the proxy it was read through', () => {
    const via = parseWmts(
      captured('wmts-mapcache.xml'),
      'https://map.example.gov.cn/services/ogc/mapcache/wmts?SERVICE=WMTS&REQUEST=GetCapabilities',
    );
    const def = wmtsService(via, { ...defaultWmtsChoice(via), set: 'WGS84' });
    expect(def.template.startsWith('https://map.example.gov.cn/services/ogc/mapcache/wmts/1.0.0/parcels/default/WGS84/')).toBe(true);
    expect(def.rebased).toBe(true);
    expect(def.grid.kind).toBe('geographic');
  });
  it('refuses a layer whose only sets it cannot draw, naming them', () => {
    const xml = captured('wmts-mapcache.xml')
      .replaceAll('urn:ogc:def:crs:EPSG:6.3:4326', 'urn:ogc:def:crs:EPSG::4549')
      .replaceAll('urn:ogc:def:crs:EPSG:6.3:3857', 'urn:ogc:def:crs:EPSG::4549')
      .replaceAll('GoogleMapsCompatible', 'CGCS2000GK40');
    const p = problem(() => defaultWmtsChoice(parseWmts(xml, 'http://x/wmts')));
    expect(p).toEqual({ code: 'grids', sets: ['CGCS2000GK40 (urn:ogc:def:crs:EPSG::4549)', 'WGS84 (urn:ogc:def:crs:EPSG::4549)'] });
  });
});

describe('WMS capabilities (MapServer)', () => {
  it('1.3.0: layers with their Chinese titles, GetMap in EPSG:3857 as 256-px tiles', () => {
    const caps = parseWms(captured('wms-130.xml'), 'http://127.0.0.1:4180/ms?map=TEST&SERVICE=WMS&REQUEST=GetCapabilities');
    expect(caps.version).toBe('1.3.0');
    expect(caps.layers.find((l) => l.name === 'parcels')?.title).toBe('测试地块');
    const def = wmsService(caps, { layers: ['parcels'], style: '' });
    const u = new URL(def.template.replace('{bbox-epsg-3857}', '0,0,1,1'));
    expect(u.searchParams.get('map')).toBe('TEST');
    expect(u.searchParams.get('CRS')).toBe('EPSG:3857');
    expect(u.searchParams.get('REQUEST')).toBe('GetMap');
    expect(u.searchParams.get('TRANSPARENT')).toBe('TRUE');
    expect(def.attribution).toBe('遂昌县测试数据');
  });
  it('1.1.1 asks with SRS', () => {
    const caps = parseWms(captured('wms-111.xml'), 'http://127.0.0.1:4180/ms?map=TEST&SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1');
    expect(caps.version).toBe('1.1.1');
    const def = wmsService(caps, { layers: ['parcels'], style: '' });
    expect(def.template).toContain('SRS=EPSG:3857');
  });
  it('1.3.0 geographic only: the bounding box latitude first', () => {
    const xml = captured('wms-130.xml').replace(/<CRS>EPSG:3857<\/CRS>/g, '');
    const def = wmsService(parseWms(xml, 'http://x/ms?map=TEST'), { layers: ['parcels'], style: '' });
    expect(def.template).toMatch(/CRS=EPSG:4490&.*BBOX=\{bbox-latlon\}/);
  });
  it('an exception report, an HTML login page and other XML are refused in their own words', () => {
    expect(
      problem(() =>
        parseWms(
          '<?xml version="1.0"?><ServiceExceptionReport><ServiceException code="x">bad map</ServiceException></ServiceExceptionReport>',
          'http://x',
        ),
      ),
    ).toEqual({ code: 'exception', text: 'bad map' });
    expect(problem(() => parseWms('<!DOCTYPE html><html><head><title>统一身份认证</title></head></html>', 'http://x'))).toEqual({
      code: 'html',
      title: '统一身份认证',
    });
    expect(problem(() => parseWms('<rss version="2.0"/>', 'http://x'))).toEqual({ code: 'unknown-document', root: 'rss' });
    expect(problem(() => parseWms('{"a":1}', 'http://x'))).toMatchObject({ code: 'not-xml' });
    expect(problem(() => parseWms('<WMS_Capabilities version="2.0.0"/>', 'http://x'))).toEqual({ code: 'version', version: 'WMS 2.0.0' });
  });
});

describe('tile arithmetic', () => {
  it('Web Mercator round trip and bbox', () => {
    expect(lonOfX(xOfLon(119.3, 12), 12)).toBeCloseTo(119.3, 9);
    expect(latOfY(yOfLat(28.6, 12), 12)).toBeCloseTo(28.6, 9);
    const [minx, , maxx] = tileBbox3857(0, 0, 0);
    expect(minx).toBeCloseTo(-20037508.34, 1);
    expect(maxx).toBeCloseTo(20037508.34, 1);
  });
  it('fills templates, TMS rows and subdomains', () => {
    expect(fillTemplate('https://{s}.t/{z}/{x}/{-y}.png', { z: 3, x: 1, y: 2 }, ['a', 'b'])).toBe('https://b.t/3/1/5.png');
    expect(fillTemplate('/w?m={TileMatrix}&r={TileRow}&c={TileCol}', { matrix: '7', row: 2, col: 9 })).toBe('/w?m=7&r=2&c=9');
  });
  it('chooses the coarsest geographic level at least as fine as the tile', () => {
    const m = Array.from({ length: 18 }, (_, i) => ({
      id: String(i),
      res: 0.703125 / 2 ** i,
      left: -180,
      top: 90,
      tileWidth: 256,
      tileHeight: 256,
      matrixWidth: 2 ** (i + 1),
      matrixHeight: 2 ** i,
    }));
    // A z12 Web Mercator tile spans 360/4096° over 256 px: level 11 of the geographic grid has that resolution.
    expect(chooseMatrix(m, 360 / 4096 / 256).id).toBe('11');
  });
  it('a geographic plan puts each output row at its latitude in the source', () => {
    const m = {
      id: '11',
      res: 0.703125 / 2048,
      left: -180,
      top: 90,
      tileWidth: 256,
      tileHeight: 256,
      matrixWidth: 4096,
      matrixHeight: 2048,
    };
    const [z, x, y] = [12, 3405, 1726];
    const plan = resamplePlan(z, x, y, { kind: 'geographic', m })!;
    for (const j of [0, 100, 255]) {
      const lat = latOfY(y + (j + 0.5) / 256, z);
      const row = (90 - lat) / m.res - plan.origin.row * 256;
      expect(plan.rows[j]).toBeCloseTo(row, 6);
    }
    expect(plan.x1 - plan.x0).toBeCloseTo(256, 6);
    expect(plan.tiles.length).toBeGreaterThanOrEqual(2);
  });
  it('a datum shift is a translation of the same-zoom Web Mercator source', () => {
    const shift: [number, number] = [-0.0046, 0.0025];
    const plan = resamplePlan(12, 3405, 1726, { kind: 'webmercator', z: 12 }, shift)!;
    const dx = (xOfLon(lonOfX(3405, 12) + shift[0], 12) - 3405) * 256;
    expect(plan.x0 - (3405 - plan.origin.col) * 256).toBeCloseTo(dx, 6);
    expect(plan.tiles.length).toBe(4);
  });
});

describe('addresses', () => {
  it('kvpBase keeps the map parameter and drops the request', () => {
    expect(kvpBase('http://h/ms?map=TEST&SERVICE=WMS&REQUEST=GetCapabilities')).toBe('http://h/ms?map=TEST&');
  });
  it('rebase moves an inside address under the proxy prefix', () => {
    expect(
      rebase(
        'http://10.0.0.5/geoserver/wms?',
        'https://app.gov.cn/services/office/geoserver/wms?request=GetCapabilities',
        'http://10.0.0.5/geoserver/wms?',
      ),
    ).toEqual({ url: 'https://app.gov.cn/services/office/geoserver/wms?', moved: true });
    expect(rebase('/a/b', 'https://app.gov.cn/x').moved).toBe(false);
  });
  it('mixed content: http on https pages, loopback excepted', () => {
    expect(isMixed('http://10.0.0.5/wms', 'https:')).toBe(true);
    expect(isMixed('http://127.0.0.1:4180/ms', 'https:')).toBe(false);
    expect(isMixed('http://10.0.0.5/wms', 'http:')).toBe(false);
  });
});

describe('services without capabilities', () => {
  it('ArcGIS REST: a Web Mercator cache as tiles, a geographic (CGCS2000) cache as a geographic grid, else export', async () => {
    const { arcgisService } = await import('../../src/services/read');
    const base = 'https://gis.example.gov.cn/arcgis/rest/services/Suichang/MapServer';
    const lods = [10, 11, 12].map((level) => ({ level, resolution: 156543.03392800014 / 2 ** level }));
    const merc = arcgisService(
      base,
      {
        mapName: '遂昌',
        copyrightText: '遂昌县自然资源局',
        tileInfo: {
          rows: 256,
          cols: 256,
          origin: { x: -20037508.342787, y: 20037508.342787 },
          spatialReference: { wkid: 102100, latestWkid: 3857 },
          lods,
        },
      },
      'WGS-84',
    );
    expect(merc).toMatchObject({
      template: `${base}/tile/{z}/{y}/{x}`,
      minzoom: 10,
      maxzoom: 12,
      attribution: '遂昌县自然资源局',
      title: '遂昌',
    });
    const geo = arcgisService(
      base,
      {
        tileInfo: {
          rows: 256,
          cols: 256,
          origin: { x: -180, y: 90 },
          spatialReference: { wkid: 4490 },
          lods: [
            { level: 0, resolution: 0.703125 },
            { level: 1, resolution: 0.3515625 },
          ],
        },
      },
      'WGS-84',
    );
    expect(geo.grid.kind).toBe('geographic');
    expect(geo.template).toBe(`${base}/tile/{TileMatrix}/{TileRow}/{TileCol}`);
    expect(geo.grid.kind === 'geographic' && geo.grid.matrices[1]).toMatchObject({
      id: '1',
      res: 0.3515625,
      left: -180,
      top: 90,
      matrixWidth: 4,
    });
    const dynamic = arcgisService(base, { mapName: '规划' }, 'GCJ-02');
    expect(dynamic.template).toBe(
      `${base}/export?bbox={bbox-epsg-3857}&bboxSR=3857&imageSR=3857&size=256,256&format=png32&transparent=true&f=image`,
    );
    expect(dynamic.datum).toBe('GCJ-02');
  });
  it('XYZ templates: subdomains, TMS rows, and a template without {z} refused', async () => {
    const { xyzService } = await import('../../src/services/read');
    const d = xyzService('https://{s:1,2,3}.tiles.example/{z}/{x}/{-y}.png', 'GCJ-02');
    expect(d.template).toBe('https://{s}.tiles.example/{z}/{x}/{-y}.png');
    expect(d.subdomains).toEqual(['1', '2', '3']);
    expect(problem(() => xyzService('https://tiles.example/tile.png', 'WGS-84'))).toEqual({
      code: 'bad-url',
      url: 'https://tiles.example/tile.png',
    });
  });
  it('Tianditu: both grids, labels on top, the key named but never in the service', async () => {
    const { tiandituServices } = await import('../../src/services/tianditu');
    const [img, cia] = tiandituServices('img', 'c', true, 'https://t{s}.tianditu.gov.cn');
    expect(img?.template).toContain('/img_c/wmts?');
    expect(cia?.template).toContain('LAYER=cia');
    expect(img?.secret).toBe('tianditu');
    expect(img?.grid.kind === 'geographic' && img.grid.matrices[0]).toMatchObject({
      id: '1',
      res: 0.703125,
      matrixWidth: 2,
      matrixHeight: 1,
    });
    expect(JSON.stringify(img)).not.toMatch(/tk=/);
    const [proxied] = tiandituServices('vec', 'w', false, '/services/tianditu', false);
    expect(proxied?.secret).toBeUndefined();
    expect(proxied?.subdomains).toBeUndefined();
    expect(tiandituServices('ter', 'w', false, '/services/tianditu')[0]?.maxzoom).toBe(14);
  });
});

describe('one tile of a service', () => {
  it('a Web Mercator tile in the map’s datum is fetched as it is, the key added only then', async () => {
    const { tileRequest } = await import('../../src/services/tileRequest');
    const { tiandituServices } = await import('../../src/services/tianditu');
    const [vec] = tiandituServices('vec', 'w', false, 'https://t{s}.tianditu.gov.cn');
    const r = tileRequest(vec!, 12, 3405, 1726, 'WGS-84', 'KEY1');
    expect(r).toEqual({ kind: 'direct', url: expect.stringMatching(/TILEMATRIX=12&TILEROW=1726&TILECOL=3405&tk=KEY1$/) });
  });
  it('the same tile on the GCJ-02 map is resampled from the shifted source; a WMS box is shifted instead', async () => {
    const { tileRequest, shiftAt } = await import('../../src/services/tileRequest');
    const { tiandituServices } = await import('../../src/services/tianditu');
    const { convertPoint } = await import('../../src/basemap/datum');
    const [vec] = tiandituServices('vec', 'w', false, 'https://t{s}.tianditu.gov.cn');
    expect(tileRequest(vec!, 12, 3405, 1726, 'GCJ-02', 'K').kind).toBe('resample');
    const shift = shiftAt('GCJ-02', 'WGS-84', 12, 3405, 1726);
    const c: [number, number] = [lonOfX(3405.5, 12), latOfY(1726.5, 12)];
    const w = convertPoint(c, 'GCJ-02', 'WGS-84');
    expect(shift[0]).toBeCloseTo(w[0] - c[0], 12);
    // Around Suichang the offset is a few hundred metres: about -0.0046° in longitude, +0.0025° in latitude.
    expect(Math.abs(shift[0])).toBeGreaterThan(0.003);
    const wms = { ...vec!, template: 'https://h/wms?BBOX={bbox-epsg-3857}', grid: { kind: 'webmercator' as const }, secret: undefined };
    const plain = tileRequest(wms, 12, 3405, 1726, 'WGS-84', null);
    const moved = tileRequest(wms, 12, 3405, 1726, 'GCJ-02', null);
    const box = (r: typeof plain) => (r.kind === 'direct' ? new URL(r.url).searchParams.get('BBOX')!.split(',').map(Number) : []);
    const dx = (box(moved)[0] ?? 0) - (box(plain)[0] ?? 0);
    expect(dx).toBeCloseTo((shift[0] * Math.PI * 6378137) / 180, 0);
  });
  it('a geographic grid picks the level of the map’s zoom', async () => {
    const { tileRequest } = await import('../../src/services/tileRequest');
    const { tiandituServices } = await import('../../src/services/tianditu');
    const [img] = tiandituServices('img', 'c', false, 'https://h');
    const r = tileRequest(img!, 12, 3405, 1726, 'WGS-84', 'K');
    expect(r.kind).toBe('resample');
    // Web Mercator z12 spans 360/4096° per tile: Tianditu's level 12 (0.703125/2^11 °/px).
    if (r.kind === 'resample') expect(r.urls.every((u) => u.includes('TILEMATRIX=12&'))).toBe(true);
  });
});

describe('a service layer on the map', () => {
  it('its source names only the layer and the map’s datum, its attribution escaped', async () => {
    const { KINDS } = await import('../../src/layers/kinds');
    const { tiandituServices } = await import('../../src/services/tianditu');
    const [vec] = tiandituServices('vec', 'w', false, 'https://t{s}.tianditu.gov.cn');
    const layer = {
      kind: 'service' as const,
      id: 'svc-1',
      name: 'x',
      datum: 'WGS-84' as const,
      color: '#000000',
      opacity: 0.8,
      visible: true,
      role: 'overlay' as const,
      status: { kind: 'ready' as const },
      service: { ...vec!, attribution: '<b>局</b>' },
    };
    const src = KINDS.service.source(layer, 'GCJ-02').spec as { tiles: string[]; attribution: string };
    expect(src.tiles).toEqual(['svc://svc-1/GCJ-02/{z}/{x}/{y}']);
    expect(src.attribution).toBe('&lt;b&gt;局&lt;/b&gt;');
  });
});

describe('WFS capabilities (MapServer)', () => {
  it('a feature type becomes a GetFeature for GeoJSON within the county, latitude first, one over the limit', async () => {
    const { parseWfs } = await import('../../src/services/read');
    const [c] = parseWfs(captured('wfs-200.xml'), 'https://app.gov.cn/ogc/ms?map=TEST&SERVICE=WFS&REQUEST=GetCapabilities', 100);
    expect(c).toMatchObject({ id: 'ms:parcels', title: '测试地块', wfs: true });
    const u = new URL(c!.items);
    expect(u.origin + u.pathname).toBe('https://app.gov.cn/ogc/ms');
    expect(u.searchParams.get('map')).toBe('TEST');
    expect(u.searchParams.get('COUNT')).toBe('101');
    expect(u.searchParams.get('OUTPUTFORMAT')).toBe('application/json; subtype=geojson');
    expect(u.searchParams.get('BBOX')).toBe('28.21,118.6963,28.8135,119.5215,urn:ogc:def:crs:EPSG::4326');
  });
  it('a WFS without GeoJSON output is refused, naming what it offers', async () => {
    const { parseWfs } = await import('../../src/services/read');
    const xml = captured('wfs-200.xml').replace('<Format>application/json; subtype=geojson</Format>', '');
    expect(problem(() => parseWfs(xml, 'http://x/ms'))).toMatchObject({
      code: 'no-geojson',
      formats: expect.arrayContaining(['text/xml; subtype=gml/3.2.1']),
    });
  });
});

describe('a map service in a tour', () => {
  it('is kept by its address; one carrying a key, or not an http(s) address, is refused by the tour check', async () => {
    const { TourService } = await import('../../src/data/schema');
    const { tiandituServices } = await import('../../src/services/tianditu');
    const [vec] = tiandituServices('vec', 'w', true, '/services/tianditu');
    expect(TourService.safeParse({ role: 'basemap', service: vec }).success).toBe(true);
    const keyed = TourService.safeParse({ role: 'overlay', service: { ...vec, template: `${vec!.template}&tk=abc` } });
    expect(keyed.success).toBe(false);
    expect(keyed.error?.issues[0]).toMatchObject({ path: ['service', 'template'], message: 'holds a key: a tour never carries one' });
    expect(TourService.safeParse({ role: 'overlay', service: { ...vec, template: 'javascript:alert(1)' } }).success).toBe(false);
  });
});

describe('a service’s vintage', () => {
  it('is the default of its time dimension (WMTS and WMS), shown in its details', () => {
    const wmtsXml = captured('wmts-mapcache.xml').replace(
      '<ows:Identifier>parcels</ows:Identifier>',
      '<ows:Identifier>parcels</ows:Identifier><Dimension><ows:Identifier>time</ows:Identifier><Default>2024-06</Default><Value>2023-06</Value><Value>2024-06</Value></Dimension>',
    );
    const caps = parseWmts(wmtsXml, 'http://h/wmts');
    expect(wmtsService(caps, defaultWmtsChoice(caps, 'parcels')).vintage).toBe('2024-06');
    const wmsXml = captured('wms-130.xml').replace(
      '<Name>parcels</Name>',
      '<Name>parcels</Name><Dimension name="time" units="ISO8601" default="2022">2020,2021,2022</Dimension>',
    );
    expect(wmsService(parseWms(wmsXml, 'http://h/ms?map=TEST'), { layers: ['parcels'], style: '' }).vintage).toBe('2022');
  });
});

describe('what a service answers, named', () => {
  it('a tile: an image, no tile here (404), or an HTML page, an exception report, an empty or non-image answer refused', async () => {
    const { imageOf } = await import('../../src/services/fetchService');
    const png = new Response(new Uint8Array([137, 80, 78, 71]), { headers: { 'content-type': 'image/png' } });
    expect((await imageOf(png))?.size).toBe(4);
    expect(await imageOf(new Response(null, { status: 404 }))).toBeNull();
    const fail = async (r: Response) => {
      try {
        await imageOf(r);
      } catch (e) {
        return (e as ServiceError).problem;
      }
      return null;
    };
    expect(await fail(new Response('<html><title>登录</title></html>', { headers: { 'content-type': 'text/html' } }))).toEqual({
      code: 'html',
      title: '登录',
    });
    expect(
      await fail(
        new Response('<ServiceExceptionReport><ServiceException code="x">LAYERS nope</ServiceException></ServiceExceptionReport>', {
          headers: { 'content-type': 'application/vnd.ogc.se_xml' },
        }),
      ),
    ).toEqual({ code: 'exception', text: 'LAYERS nope' });
    expect(await fail(new Response(new Uint8Array(0), { headers: { 'content-type': 'image/png' } }))).toEqual({ code: 'empty-image' });
    expect(await fail(new Response('x', { headers: { 'content-type': 'text/plain' } }))).toEqual({ code: 'not-image', type: 'text/plain' });
  });
  it('a refusal with the server’s words (Tianditu’s JSON), an HTTP error, a timeout, mixed content', async () => {
    const { fetchService } = await import('../../src/services/fetchService');
    const { vi } = await import('vitest');
    const answer = (r: () => Promise<Response>) => vi.stubGlobal('fetch', r);
    const fail = async (url: string, timeout?: number) => {
      try {
        await fetchService(url, undefined, timeout);
      } catch (e) {
        return (e as ServiceError).problem;
      }
      return null;
    };
    answer(async () => new Response(JSON.stringify({ msg: '权限验证失败：非法 key', code: 403 }), { status: 403 }));
    expect(await fail('https://t0.example/img_w/wmts')).toEqual({ code: 'auth', status: 403, detail: '权限验证失败：非法 key' });
    answer(async () => new Response('oops', { status: 502 }));
    expect(await fail('https://t0.example/img_w/wmts')).toEqual({ code: 'http', status: 502 });
    answer(
      (...args: unknown[]) =>
        new Promise((_, reject) =>
          (args[1] as RequestInit).signal?.addEventListener('abort', () => reject(new DOMException('timeout', 'TimeoutError'))),
        ),
    );
    expect(await fail('https://slow.example/wms', 50)).toEqual({ code: 'timeout', seconds: 1 });
    vi.stubGlobal('location', { protocol: 'https:', href: 'https://app.example/' });
    expect(await fail('http://10.0.0.5/wms')).toEqual({ code: 'mixed', url: 'http://10.0.0.5/wms' });
    vi.unstubAllGlobals();
  });
  it('a TileJSON: its tiles (TMS rows flipped), zooms and attribution as text', async () => {
    const { readService } = await import('../../src/services/read');
    const { vi } = await import('vitest');
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(
          JSON.stringify({
            tilejson: '3.0.0',
            name: '影像',
            tiles: ['tiles/{z}/{x}/{y}.jpg'],
            scheme: 'tms',
            minzoom: 8,
            maxzoom: 16,
            attribution: '<a href="x">局</a>',
          }),
          {
            headers: { 'content-type': 'application/json' },
          },
        ),
    );
    const r = await readService('https://maps.example/imagery.json', 'auto', 'WGS-84');
    vi.unstubAllGlobals();
    expect(r.kind === 'def' && r.def).toMatchObject({
      title: '影像',
      template: 'https://maps.example/tiles/{z}/{x}/{-y}.jpg',
      minzoom: 8,
      maxzoom: 16,
      attribution: '局',
    });
  });
});
