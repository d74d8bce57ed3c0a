import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importProblemText } from '../../src/i18n/toolStrings';
import { MAX_BYTES, parseImport } from '../../src/tools/import/parse';
import { MAX_GEOMETRY_DEPTH, sanitizeProperties } from '../../src/tools/import/sanitize';
import { pointShapefile } from '../fixtures/shapefile';
import { zip } from '../fixtures/zip';

const enc = (s: string) => new TextEncoder().encode(s);
const ok = async (name: string, text: string | Uint8Array, options = {}) => {
  const r = await parseImport(name, typeof text === 'string' ? enc(text) : text, options);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r;
};
const problem = async (name: string, text: string | Uint8Array) => {
  const r = await parseImport(name, typeof text === 'string' ? enc(text) : text);
  if (r.ok || !('problem' in r)) throw new Error(`expected a problem, got ${JSON.stringify(r).slice(0, 200)}`);
  return r.problem;
};

const POINT = { type: 'Feature', properties: { name: '测试点' }, geometry: { type: 'Point', coordinates: [119.28, 28.6] } };

describe('import parsers, good files', () => {
  it('GeoJSON: a collection, a feature, a bare geometry', async () => {
    expect((await ok('a.geojson', JSON.stringify({ type: 'FeatureCollection', features: [POINT, POINT] }))).fc.features).toHaveLength(2);
    expect((await ok('a.json', JSON.stringify(POINT))).fc.features[0]?.properties).toEqual({ name: '测试点' });
    expect((await ok('a.geojson', JSON.stringify(POINT.geometry))).fc.features).toHaveLength(1);
  });

  it('KML and GPX', async () => {
    const kml = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>北站</name><Point><coordinates>119.3,28.6,0</coordinates></Point></Placemark></Document></kml>`;
    const k = await ok('a.kml', kml);
    expect(k.fc.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [119.3, 28.6, 0] });
    expect(k.fc.features[0]?.properties.name).toBe('北站');
    const gpxText = `<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>走线</name><trkseg><trkpt lat="28.6" lon="119.27"/><trkpt lat="28.61" lon="119.28"/></trkseg></trk></gpx>`;
    const g = await ok('walk.gpx', gpxText);
    expect(g.fc.features[0]?.geometry.type).toBe('LineString');
  });

  it('a zipped Shapefile', async () => {
    const files = pointShapefile([
      { x: 119.27, y: 28.59, name: 'A' },
      { x: 119.3, y: 28.61, name: 'B' },
    ]);
    const r = await ok('sites.zip', zip(files));
    expect(r.fc.features.map((f) => f.geometry)).toEqual([
      { type: 'Point', coordinates: [119.27, 28.59] },
      { type: 'Point', coordinates: [119.3, 28.61] },
    ]);
    expect(r.fc.features[1]?.properties.NAME).toBe('B');
  });

  it('CSV with detected columns, Chinese headers, and asked columns', async () => {
    const r = await ok('pts.csv', 'name,lon,lat\n甲,119.27,28.59\n乙,119.3,28.61\n');
    expect(r.fc.features.map((f) => f.geometry)).toEqual([
      { type: 'Point', coordinates: [119.27, 28.59] },
      { type: 'Point', coordinates: [119.3, 28.61] },
    ]);
    expect((await ok('pts.csv', '名称,经度,纬度\n甲,119.27,28.59\n')).fc.features).toHaveLength(1);
    const ask = await parseImport('pts.csv', enc('name,e,n\nA,119.27,28.59\n'));
    expect(ask).toEqual({ ok: false, needsColumns: ['name', 'e', 'n'], candidates: { lon: [], lat: [] } });
    expect((await ok('pts.csv', 'name,e,n\nA,119.27,28.59\n', { columns: { lon: 'e', lat: 'n' } })).fc.features).toHaveLength(1);
  });
});

describe('import parsers, bad files: a problem that says what and where, never a throw', () => {
  it('a file that is not what it claims', async () => {
    expect(await problem('photo.geojson', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]))).toEqual({
      code: 'not-what-it-claims',
      claimed: 'GEOJSON',
    });
    expect(await problem('a.zip', '{"type":"FeatureCollection"}')).toEqual({ code: 'not-what-it-claims', claimed: 'ZIP' });
    expect(await problem('a.kml', '<gpx></gpx>')).toEqual({ code: 'not-what-it-claims', claimed: 'KML' });
    expect(await problem('a.docx', 'x')).toEqual({ code: 'unknown-format' });
  });

  it('broken JSON, with its line and column', async () => {
    expect(await problem('a.geojson', '{\n  "type": "FeatureCollection",\n  "features": [,]\n}')).toEqual({
      code: 'bad-json',
      line: 3,
      column: 16,
    });
    expect(await problem('a.geojson', '{"hello": 1}')).toEqual({ code: 'not-geojson' });
  });

  it('invalid geometry, and coordinates off the Earth or swapped', async () => {
    const ring = [
      [119, 28],
      [119.1, 28],
      [119.1, 28.1],
    ];
    const bad = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
    expect(await problem('a.geojson', JSON.stringify({ type: 'FeatureCollection', features: [POINT, bad] }))).toEqual({
      code: 'invalid-geometry',
      feature: 1,
      detail: 'a polygon ring needs at least 4 positions',
    });
    const swapped = { ...POINT, geometry: { type: 'Point', coordinates: [28.6, 119.28] } };
    expect(await problem('a.geojson', JSON.stringify({ type: 'FeatureCollection', features: [swapped] }))).toEqual({
      code: 'outside-earth',
      feature: 0,
      lon: 28.6,
      lat: 119.28,
      swapped: true,
    });
    const far = { ...POINT, geometry: { type: 'Point', coordinates: [500, 28] } };
    expect(await problem('a.geojson', JSON.stringify({ type: 'FeatureCollection', features: [far] }))).toMatchObject({
      code: 'outside-earth',
      swapped: false,
    });
  });

  it('a CSV without coordinates, or with a bad number on a line', async () => {
    expect(await problem('a.csv', 'name\nA\n')).toEqual({ code: 'csv-no-coordinates', columns: ['name'] });
    expect(await problem('a.csv', 'lon,lat\n119,28\n119,abc\n')).toEqual({ code: 'csv-bad-number', line: 3, column: 'lat', value: 'abc' });
  });

  it('a zip without a Shapefile', async () => {
    expect(await problem('a.zip', zip({ 'readme.txt': enc('hello') }))).toEqual({ code: 'zip-no-shapefile' });
  });

  it('a file over the size limit, said in bytes where rounding would hide it; an empty file called empty', async () => {
    const big = new Uint8Array(MAX_BYTES + 1);
    const p = await problem('a.geojson', big);
    expect(p).toEqual({ code: 'too-large', bytes: MAX_BYTES + 1, limit: MAX_BYTES });
    expect(importProblemText(p, 'en')).toBe('the file is 50.0 MB (52,428,801 bytes), over the limit of 50.0 MB (52,428,800 bytes).');
    expect(importProblemText(p, 'zh')).toBe('文件 50.0 MB（52,428,801 字节），超过上限 50.0 MB（52,428,800 字节）。');
    for (const name of ['a.geojson', 'a.csv', 'a.zip', 'a.kml'])
      expect(await problem(name, new Uint8Array(0))).toEqual({ code: 'empty-file' });
  });

  it('a zip bomb is refused from its directory, before anything is inflated', async () => {
    const files = pointShapefile([{ x: 119.27, y: 28.59, name: 'A' }]);
    const declared = { 'sites.shp': 1_340_000_000 };
    const bomb = zip(
      { 'sites.shp': files['sites.shp'] as Uint8Array, 'sites.dbf': files['sites.dbf'] as Uint8Array },
      { deflate: true, declare: declared },
    );
    const p = await problem('bomb.zip', bomb);
    expect(p).toEqual({ code: 'zip-too-large', file: 'bomb.zip', entry: 'sites.shp', bytes: 1_340_000_000, limit: MAX_BYTES });
    expect(importProblemText(p, 'en')).toContain('"sites.shp" in the zip "bomb.zip" unpacks to 1.2 GB');
    // Entries each under the limit but over it together.
    const half = Math.floor(MAX_BYTES / 2) + 1;
    const pair = zip({ 'a.shp': enc('x'), 'a.dbf': enc('y') }, { deflate: true, declare: { 'a.shp': half, 'a.dbf': half } });
    expect(await problem('pair.zip', pair)).toMatchObject({ code: 'zip-too-large', entry: null, bytes: half * 2 });
  });

  it('a zip whose directory understates a size is stopped while inflating', async () => {
    // 60 MB of zeros deflate to about 60 kB; the directory claims 100 bytes.
    const zeros = new Uint8Array(60 * 1024 * 1024);
    const liar = zip({ 'big.shp': zeros }, { deflate: true, declare: { 'big.shp': 100 } });
    expect(liar.byteLength).toBeLessThan(200_000);
    const p = await problem('liar.zip', liar);
    expect(p).toMatchObject({ code: 'zip-too-large', file: 'liar.zip', entry: 'big.shp', inflated: true, limit: MAX_BYTES });
  });

  it('an encrypted entry, a broken zip, and a GBK-named Shapefile inside a zip', async () => {
    const files = pointShapefile([{ x: 119.27, y: 28.59, name: 'A' }]);
    const locked = zip({ 'a.shp': files['sites.shp'] as Uint8Array }, { encrypted: ['a.shp'] });
    expect(await problem('locked.zip', locked)).toEqual({ code: 'zip-encrypted', file: 'locked.zip', entry: 'a.shp' });
    const cut = zip({ 'a.shp': files['sites.shp'] as Uint8Array }).slice(0, 40);
    expect(await problem('cut.zip', cut)).toMatchObject({ code: 'bad-zip', file: 'cut.zip' });
    // 遂昌站点 in GBK, without the UTF-8 flag.
    const gbk = (name: string) => Buffer.from(name.replace('遂昌站点', '\xcb\xec\xb2\xfd\xd5\xbe\xb5\xe3'), 'latin1');
    const named = zip(
      { '遂昌站点.shp': files['sites.shp'] as Uint8Array, '遂昌站点.dbf': files['sites.dbf'] as Uint8Array },
      { nameBytes: gbk },
    );
    const r = await ok('named.zip', named);
    expect(r.fc.features[0]?.properties.NAME).toBe('A');
  });

  it('geometry collections nested too deep; prototype keys reported once', async () => {
    let g: object = { type: 'Point', coordinates: [119.27, 28.59] };
    for (let i = 0; i < 200; i++) g = { type: 'GeometryCollection', geometries: [g] };
    expect(await problem('deep.geojson', JSON.stringify(g))).toEqual({ code: 'too-deep', feature: 0, limit: MAX_GEOMETRY_DEPTH });
    const two = `{"type":"FeatureCollection","features":[${[1, 2].map(() => `{"type":"Feature","properties":{"__proto__":{"x":1},"prototype":1,"a":1},"geometry":{"type":"Point","coordinates":[119,28]}}`).join(',')}]}`;
    expect((await ok('two.geojson', two)).dropped.sort()).toEqual(['__proto__', 'prototype']);
    expect((await ok('a.geojson', JSON.stringify(POINT))).dropped).toEqual([]);
  });

  it('HTML and prototype keys in properties stay inert data', async () => {
    const text = `{"type":"Feature","properties":{"__proto__":{"polluted":1},"constructor":"x","name":"<img src=x onerror=alert(1)>","n":{"a":1}},"geometry":{"type":"Point","coordinates":[119,28]}}`;
    const r = await ok('a.geojson', text);
    const p = r.fc.features[0]?.properties as Record<string, unknown>;
    expect(Object.keys(p)).toEqual(['name', 'n']);
    expect(p.name).toBe('<img src=x onerror=alert(1)>');
    expect(p.n).toBe('{"a":1}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
  });
});

describe('property tests: parsers never throw past the message boundary', () => {
  const names = fc.constantFrom('a.geojson', 'a.json', 'a.kml', 'a.gpx', 'a.csv', 'a.zip', 'a.txt');
  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(names, fc.uint8Array({ maxLength: 400 }), async (name, bytes) => {
        const r = await parseImport(name, bytes);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('random JSON and hostile property bags', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const r = await parseImport('a.geojson', enc(JSON.stringify(value)));
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype')), fc.anything()), (bag) => {
        const clean = sanitizeProperties(bag);
        for (const v of Object.values(clean)) expect(['string', 'number', 'boolean'].includes(typeof v) || v === null).toBe(true);
        expect(Object.getPrototypeOf(clean)).toBe(Object.prototype);
      }),
    );
  });

  it('random features with coordinates anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.double(), fc.double()), { minLength: 1, maxLength: 8 }), async (coords) => {
        const features = coords.map((c) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: c } }));
        const r = await parseImport('a.geojson', enc(JSON.stringify({ type: 'FeatureCollection', features })));
        if (r.ok)
          for (const f of r.fc.features)
            expect(Math.abs((f.geometry as { coordinates: number[] }).coordinates[1] as number)).toBeLessThanOrEqual(90);
      }),
      { numRuns: 200 },
    );
  });
});
