import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BYTES, parseImport } from '../../src/tools/import/parse';
import { sanitizeProperties } from '../../src/tools/import/sanitize';
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

  it('a file over the size limit', async () => {
    const big = new Uint8Array(MAX_BYTES + 1);
    expect(await problem('a.geojson', big)).toEqual({ code: 'too-large', bytes: MAX_BYTES + 1, limit: MAX_BYTES });
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
