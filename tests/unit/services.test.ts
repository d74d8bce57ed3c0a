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
