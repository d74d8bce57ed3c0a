/**
 * The files planners really have, made by GDAL's ogr2ogr (scripts/make-import-fixtures.sh): each
 * encoding case, each coordinate-system family (a known point back within 1 m), the question for
 * projected coordinates without a system, and Excel sheets.
 */
import { readFileSync } from 'node:fs';
import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { crsByEpsg, crsFromWkt, guessCrs } from '../../src/tools/import/crs';
import { type ParseOptions, parseImport } from '../../src/tools/import/parse';
import { decodeText, namedEncoding } from '../../src/tools/import/text';
import { readEntry, zipDirectory } from '../../src/tools/import/zip';
import { zip } from '../fixtures/zip';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)));
/** The known points (WGS-84 / CGCS2000 degrees) the fixtures were made from. */
const KNOWN = readFileSync(new URL('../fixtures/import/points.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const c = line.split(',');
    return { name: c[1] as string, lon: Number(c[4]), lat: Number(c[5]) };
  });

async function read(name: string, options: ParseOptions = {}) {
  const r = await parseImport(name, fixture(name), options);
  if (!r.ok) throw new Error(JSON.stringify(r).slice(0, 300));
  return r;
}
const nameOf = (p: Record<string, unknown>) => String(p.名称 ?? p.name ?? '');
/** Metres between each feature and the known point of the same name. */
function offsets(fc: Awaited<ReturnType<typeof read>>['fc']) {
  return fc.features.map((f) => {
    const k = KNOWN.find((x) => x.name === nameOf(f.properties));
    if (!k || f.geometry.type !== 'Point') throw new Error(`no known point for ${JSON.stringify(f.properties)}`);
    return distance(f.geometry.coordinates, [k.lon, k.lat], { units: 'meters' });
  });
}

describe('text encodings', () => {
  it('one decoder: a BOM wins, then valid UTF-8, else GB18030; .cpg names read loosely', () => {
    const gbk = new Uint8Array([0xcb, 0xec, 0xb2, 0xfd]); // 遂昌
    expect(decodeText(gbk)).toEqual({ text: '遂昌', encoding: 'gb18030', basis: 'fallback' });
    expect(decodeText(new TextEncoder().encode('遂昌'))).toEqual({ text: '遂昌', encoding: 'utf-8', basis: 'detected' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('遂昌')]))).toMatchObject({
      text: '遂昌',
      basis: 'bom',
    });
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x42, 0x90, 0x0c, 0x66]))).toMatchObject({ text: '遂昌', encoding: 'utf-16le' });
    for (const n of ['GBK', 'gb2312', 'GB18030', '936', 'CP936', 'ANSI 936', ' ansi  936 ']) expect(namedEncoding(n)).toBe('gb18030');
    for (const n of ['UTF-8', 'utf8', '65001']) expect(namedEncoding(n)).toBe('utf-8');
    expect(namedEncoding('Latin-9')).toBeNull();
  });

  it('a Shapefile with a .cpg of 936, without a .cpg, and with only the language-driver byte', async () => {
    const withCpg = await read('cgcs2000-gk40-gbk.zip');
    expect(withCpg.readAs.encoding).toEqual({ name: 'gb18030', basis: 'declared' });
    expect(withCpg.fc.features.map((f) => f.properties.名称)).toEqual(KNOWN.map((k) => k.name));
    const detected = await read('cgcs2000-cm120-gbk-nocpg.zip');
    // The .prj's parameters are named as the EPSG system they are.
    expect(detected.readAs.crs).toMatchObject({ epsg: 4549, name: 'CGCS2000 / 3-degree Gauss-Kruger CM 120E' });
    expect(withCpg.readAs.crs).toMatchObject({ epsg: 4528 });
    expect(detected.readAs.encoding).toEqual({ name: 'gb18030', basis: 'fallback' });
    expect(detected.fc.features[0]?.properties.类型).toBe('县城');
    const ldid = await read('cgcs2000-cm120-gbk-ldid.zip');
    expect(ldid.readAs.encoding).toEqual({ name: 'gb18030', basis: 'declared' });
    expect(ldid.fc.features[1]?.properties.名称).toBe('城东区块');
    const utf8 = await read('cgcs2000-geographic-utf8.zip');
    expect(utf8.readAs.encoding?.name).toBe('utf-8');
    expect(utf8.fc.features[2]?.properties.名称).toBe('遂昌站');
    // The wrong guess can be corrected: read as UTF-8 it is mojibake, as chosen.
    const forced = await read('cgcs2000-cm120-gbk-nocpg.zip', { encoding: 'utf-8' });
    expect(forced.readAs.encoding).toEqual({ name: 'utf-8', basis: 'chosen' });
    expect(forced.fc.features[0]?.properties.名称).not.toBe('遂昌县城');
  });

  it('a GBK CSV from Excel: names and columns decoded', async () => {
    const r = await read('gbk.csv');
    expect(r.readAs.encoding).toEqual({ name: 'gb18030', basis: 'fallback' });
    expect(r.fc.features.map((f) => f.properties.名称)).toEqual(KNOWN.map((k) => k.name));
    expect(Math.max(...offsets(r.fc))).toBeLessThan(1);
  });

  it('a .cpg naming an unknown encoding is refused by name, unless one is chosen', async () => {
    const files = await entriesOf('cgcs2000-gk40-gbk.zip', ['shp', 'shx', 'dbf', 'prj']);
    const bytes = zip({ ...files, 'a.cpg': new TextEncoder().encode('KOI8-R') });
    const r = await parseImport('a.zip', bytes);
    expect(r).toEqual({ ok: false, problem: { code: 'unknown-encoding', where: 'a.cpg', name: 'KOI8-R' } });
    expect((await parseImport('a.zip', bytes, { encoding: 'gb18030' })).ok).toBe(true);
  });
});

/** The entries of a committed fixture zip, renamed a.shp, a.dbf, … (read with the importer's own zip reader). */
async function entriesOf(zipName: string, exts: string[]): Promise<Record<string, Uint8Array>> {
  const bytes = fixture(zipName);
  const out: Record<string, Uint8Array> = {};
  for (const e of zipDirectory(bytes, zipName)) {
    const ext = e.name.split('.').pop() as string;
    if (exts.includes(ext)) out[`a.${ext}`] = await readEntry(bytes, e, zipName, 1e7);
  }
  return out;
}

describe('coordinate systems', () => {
  it.each([
    ['cgcs2000-gk40-gbk.zip', 'CGCS2000 3-degree GK zone 40 (zone number in the easting)'],
    ['cgcs2000-cm120-gbk-nocpg.zip', 'CGCS2000 3-degree GK CM 120E'],
    ['cgcs2000-geographic-utf8.zip', 'CGCS2000 geographic'],
    ['wgs84-utm50.zip', 'WGS 84 / UTM 50N'],
    ['cgcs2000-4549.geojson', 'a GeoJSON in EPSG:4549 metres with a crs member'],
  ])('%s (%s): every known point back within 1 m', async (name) => {
    const r = await read(name);
    expect(r.readAs.crs?.basis).toBe('file');
    expect(Math.max(...offsets(r.fc))).toBeLessThan(1);
  });

  it.each([['xian1980-cm120.zip'], ['beijing1954-cm120.zip']])(
    '%s: read without a datum shift, as GDAL writes it (within 1 m of GDAL), and marked approximate',
    async (name) => {
      const r = await read(name);
      expect(r.readAs.crs?.approximate).toBe(true);
      expect(Math.max(...offsets(r.fc))).toBeLessThan(1);
    },
  );

  it('every EPSG code of the Chinese families has a definition', () => {
    for (const [from, to] of [
      [4491, 4554],
      [2327, 2390],
      [2401, 2442],
      [21413, 21423],
      [21473, 21483],
    ] as const)
      for (let c = from; c <= to; c++) expect(crsByEpsg(c), `EPSG:${c}`).not.toBeNull();
    expect(crsByEpsg(4528)?.proj4).toContain('+lon_0=120 +k=1 +x_0=40500000');
    expect(crsByEpsg(4549)?.proj4).toContain('+lon_0=120 +k=1 +x_0=500000');
    expect(crsByEpsg(4498)?.proj4).toContain('+lon_0=117 +k=1 +x_0=20500000');
    expect(crsByEpsg(2385)?.name).toBe('Xian 1980 / 3-degree Gauss-Kruger CM 120E');
    expect(crsByEpsg(2437)?.name).toBe('Beijing 1954 / 3-degree Gauss-Kruger CM 120E');
  });

  it('projected coordinates with no system: a question, with the zone read from the easting', async () => {
    const r = await parseImport('projected-no-crs.csv', fixture('projected-no-crs.csv'));
    expect(r).toMatchObject({ ok: false, needsCrs: { candidates: expect.arrayContaining([4528]) } });
    if (!('needsCrs' in r)) throw new Error('no question');
    expect(r.needsCrs.candidates[0]).toBe(4528);
    const answered = await read('projected-no-crs.csv', { crs: 4528 });
    expect(answered.readAs.crs).toMatchObject({ epsg: 4528, basis: 'chosen' });
    expect(Math.max(...offsets(answered.fc))).toBeLessThan(1);
    // Without the zone number, the meridians that put the points in Zhejiang come first.
    expect(guessCrs([[429188, 3164280]]).slice(0, 3)).toContain(4549);
  });

  it('a .prj no one can read is refused by name, not drawn off the Earth', async () => {
    const files = await entriesOf('cgcs2000-gk40-gbk.zip', ['shp', 'shx', 'dbf']);
    const bytes = zip({
      ...files,
      'a.prj': new TextEncoder().encode('PROJCS["Mystery_Grid",GEOGCS["GCS_Moon",DATUM["D_Moon",SPHEROID["Moon",1737400,0]]]]'),
    });
    const r = await parseImport('a.zip', bytes);
    expect(r).toMatchObject({ ok: false, problem: { code: 'unknown-crs', where: 'a.prj' } });
    expect(crsFromWkt('garbage').ok).toBe(false);
  });

  it('BD-09 coordinates (picked on Baidu’s map) become GCJ-02', async () => {
    const csv = new TextEncoder().encode('name,lng,lat\nA,119.2826,28.5980\n');
    const r = await parseImport('bd.csv', csv, { datum: 'BD-09' });
    if (!r.ok) throw new Error('refused');
    expect(r.readAs.fromBd09).toBe(true);
    const [lon, lat] = (r.fc.features[0]!.geometry as { coordinates: number[] }).coordinates as [number, number];
    // BD-09 is offset about 0.0065° east and 0.006° north of GCJ-02.
    expect(lon).toBeCloseTo(119.2761, 3);
    expect(lat).toBeCloseTo(28.5921, 3);
  });
});

describe('Excel', () => {
  it('an .xlsx: the sheet with coordinate columns is found among several', async () => {
    const r = await read('projects.xlsx');
    expect(r.kind).toBe('excel');
    expect(r.readAs.sheet).toBe('项目清单');
    expect(r.fc.features.map((f) => f.properties.名称)).toEqual(KNOWN.map((k) => k.name));
    expect(Math.max(...offsets(r.fc))).toBeLessThan(1);
  });
});

describe('Excel, bad input: named by file, sheet and cell', () => {
  const book = async (sheets: Record<string, unknown[][]>, edit?: (wb: import('@e965/xlsx').WorkBook) => void) => {
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.utils.book_new();
    for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
    edit?.(wb);
    return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  };

  it('a sheet without coordinate columns, several sheets to choose from', async () => {
    const none = await book({ 表1: [['名称'], ['甲']] });
    expect(await parseImport('a.xlsx', none)).toEqual({
      ok: false,
      problem: { code: 'csv-no-coordinates', columns: ['名称'], sheet: '表1' },
    });
    const two = await book({
      甲: [
        ['名称', '经度', '纬度'],
        ['A', 119.27, 28.59],
      ],
      乙: [
        ['名称', 'lon', 'lat'],
        ['B', 119.3, 28.6],
      ],
    });
    expect(await parseImport('b.xlsx', two)).toEqual({ ok: false, needsSheet: ['甲', '乙'] });
    const chosen = await parseImport('b.xlsx', two, { sheet: '乙' });
    expect(chosen.ok && chosen.fc.features[0]?.properties.名称).toBe('B');
  });

  it('merged header cells, a formula with no computed value, a bad number by sheet and row', async () => {
    const merged = await book(
      {
        项目: [
          ['位置', null, '名称'],
          [119.27, 28.59, 'A'],
        ],
      },
      (wb) => {
        (wb.Sheets.项目 as import('@e965/xlsx').WorkSheet)['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }];
      },
    );
    expect(await parseImport('m.xlsx', merged)).toEqual({
      ok: false,
      problem: { code: 'excel-merged-header', file: 'm.xlsx', sheet: '项目', range: 'A1:B1' },
    });
    const formula = await book(
      {
        项目: [
          ['名称', '经度', '纬度'],
          ['A', 119.27, 28.59],
        ],
      },
      (wb) => {
        (wb.Sheets.项目 as import('@e965/xlsx').WorkSheet).B2 = { t: 'n', f: 'A1+1' };
      },
    );
    expect(await parseImport('f.xlsx', formula)).toEqual({
      ok: false,
      problem: { code: 'excel-formula', file: 'f.xlsx', sheet: '项目', cell: 'B2' },
    });
    const badNumber = await book({
      项目: [
        ['名称', '经度', '纬度'],
        ['A', 119.27, 28.59],
        ['B', '东经119', 28.6],
      ],
    });
    expect(await parseImport('n.xlsx', badNumber)).toEqual({
      ok: false,
      problem: { code: 'csv-bad-number', line: 3, column: '经度', value: '东经119', sheet: '项目' },
    });
  });

  it('an encrypted or a corrupt workbook', async () => {
    const name = [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]);
    const encrypted = new Uint8Array([
      0xd0,
      0xcf,
      0x11,
      0xe0,
      0xa1,
      0xb1,
      0x1a,
      0xe1,
      ...new Array(500).fill(0),
      ...name,
      ...new Array(100).fill(0),
    ]);
    expect(await parseImport('secret.xlsx', encrypted)).toEqual({ ok: false, problem: { code: 'excel-encrypted', file: 'secret.xlsx' } });
    const corrupt = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(64).fill(7)]);
    expect(await parseImport('broken.xlsx', corrupt)).toMatchObject({
      ok: false,
      problem: { code: 'excel-unreadable', file: 'broken.xlsx' },
    });
  });
});
