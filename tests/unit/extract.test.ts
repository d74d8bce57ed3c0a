/**
 * The county basemap and terrain extracts (scripts/lib/archive-extract.ts) against source archives the
 * test makes (scripts/lib/basemap-fixture.ts), served on loopback by a small HTTP server that answers
 * byte ranges — and, at other paths, one that does not, one that drops the connection half-way, one that
 * never answers. Output archives are read back tile by tile and compared with the source.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PMTiles, tileIdToZxy } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Extract from '../../scripts/lib/archive-extract';
import { HILL, heightAt, makeDemSource, makeVectorSource } from '../../scripts/lib/basemap-fixture';
import { ArchiveWriter } from '../../scripts/lib/pmtiles-writer';
import { FileRangeSource } from '../../scripts/lib/range-source';
import { cutTiles } from '../../scripts/lib/tiler';

process.env.EXTRACT_TIMEOUT_MS = '1500';
let X: typeof Extract;
const SEAT: [number, number] = [119.2711, 28.5953];
const COUNTY: Extract.Box = [119.1, 28.45, 119.4, 28.7];
let dir = '';
let server: Server;
let base = '';
const requests: Record<string, number> = {};

function serve(path: string, req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, ranges = true) {
  const data = readFileSync(join(dir, path));
  const m = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? '');
  if (!ranges || !m) {
    res.writeHead(200, { 'content-length': data.length });
    res.end(data);
    return;
  }
  const from = Number(m[1]);
  const to = Math.min(Number(m[2]), data.length - 1);
  res.writeHead(206, { 'content-length': to - from + 1, 'content-range': `bytes ${from}-${to}/${data.length}` });
  res.end(data.subarray(from, to + 1));
}

beforeAll(async () => {
  X = await import('../../scripts/lib/archive-extract');
  dir = mkdtempSync(join(tmpdir(), 'suichang-extract-'));
  await makeVectorSource(join(dir, 'source.pmtiles'), SEAT, 12);
  await makeDemSource(join(dir, 'dem.pmtiles'), 9);
  // Another schema: a planner's parcels, tiled.
  const other = new ArchiveWriter(join(dir, 'parcels.pmtiles'));
  const summary = await cutTiles(
    [
      {
        name: 'parcels',
        fc: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: SEAT } }] },
      },
    ],
    other,
    { maxZoom: 8 },
  );
  await other.finish(
    { minZoom: 0, maxZoom: 8, bounds: [119, 28, 120, 29], center: [...SEAT, 8], tileType: 1 },
    { vector_layers: summary.layers.map((l) => ({ id: l.layer })) },
  );
  server = createServer((req, res) => {
    const [, mode, ...rest] = (req.url ?? '').split('/');
    const path = rest.join('/');
    requests[mode as string] = (requests[mode as string] ?? 0) + 1;
    if (mode === 'ok') serve(path, req, res);
    else if (mode === 'norange') serve(path, req, res, false);
    else if (mode === 'drop') {
      // Header, root and metadata, then a few tiles, then the connection drops on every request.
      if ((requests.drop ?? 0) > 40) req.socket.destroy();
      else serve(path, req, res);
    } else if (mode === 'silent') {
      // Never answers.
    } else if (mode === 'html') {
      res.writeHead(206, { 'content-type': 'text/html', 'content-range': 'bytes 0-99/100' });
      res.end('<!doctype html><html><body>Not found</body></html>'.padEnd(16384, ' '));
    } else if (mode === 'xyz') {
      // A terrain tile service: /xyz/z/x/y.png from the DEM archive.
      const [z, x, y] = path.replace('.png', '').split('/').map(Number) as [number, number, number];
      const dem = new PMTiles(new FileRangeSource(join(dir, 'dem.pmtiles')));
      void dem.getZxy(z, x, y).then((t) => {
        if (!t) {
          res.writeHead(404);
          res.end();
        } else {
          res.writeHead(200, { 'content-type': 'image/png' });
          res.end(Buffer.from(t.data));
        }
      });
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(() => {
  server?.closeAllConnections();
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every tile of `out` equals the source's at the same z/x/y; the tiles wanted are all there. */
async function sameTiles(out: string, source: string, wanted: number[]) {
  const a = new PMTiles(new FileRangeSource(out));
  const b = new PMTiles(new FileRangeSource(source));
  let n = 0;
  for (const id of wanted) {
    const [z, x, y] = tileIdToZxy(id);
    const [ta, tb] = await Promise.all([a.getZxy(z, x, y), b.getZxy(z, x, y)]);
    expect(ta === undefined, `tile ${z}/${x}/${y}`).toBe(tb === undefined);
    if (ta && tb) {
      expect(Buffer.from(ta.data).equals(Buffer.from(tb.data)), `tile ${z}/${x}/${y}`).toBe(true);
      n++;
    }
  }
  return n;
}

describe('basemap:extract', { timeout: 30_000 }, () => {
  it('reads only the tiles inside the box over byte ranges and writes them unchanged', async () => {
    const out = join(dir, 'out/county.pmtiles');
    const before = requests.ok ?? 0;
    const r = await X.extractArchive({ kind: 'basemap', source: `${base}/ok/source.pmtiles`, out, boxes: [COUNTY], maxZoom: 12 });
    const wanted = X.planTiles([COUNTY], 0, 12);
    expect(r.planned).toBe(wanted.length);
    expect(r.written).toBe(await sameTiles(out, join(dir, 'source.pmtiles'), wanted));
    expect(r.written).toBeGreaterThan(30);
    // One request per tile (and a few for the header and directories): nothing else of the source was read.
    expect((requests.ok ?? 0) - before).toBeLessThan(wanted.length + 20);
    const archive = new PMTiles(new FileRangeSource(out));
    const h = await archive.getHeader();
    expect([h.minLon, h.minLat, h.maxLon, h.maxLat]).toEqual(COUNTY);
    expect(h.maxZoom).toBe(12);
    // A tile outside the box is not in the output, though the source has it.
    expect(await archive.getZxy(12, 3420, 1710)).toBeUndefined();
    const meta = (await archive.getMetadata()) as { attribution: string; extract: { boxes: unknown }; vector_layers: { id: string }[] };
    expect(meta.attribution).toBe('© OpenStreetMap contributors');
    expect(meta.extract.boxes).toEqual([COUNTY]);
    expect(meta.vector_layers.map((l) => l.id)).toEqual(expect.arrayContaining(['roads', 'water', 'places', 'earth']));
    expect(existsSync(`${out}.extract`)).toBe(false);
  });

  it('goes on where a dropped connection stopped it, and leaves no half-written archive', async () => {
    const out = join(dir, 'drop/county.pmtiles');
    requests.drop = 0;
    const first = X.extractArchive({
      kind: 'basemap',
      source: `${base}/drop/source.pmtiles`,
      out,
      boxes: [COUNTY],
      maxZoom: 12,
      concurrency: 2,
    });
    await expect(first).rejects.toThrow(/connection dropped|ECONNRESET|socket/i);
    await expect(first).rejects.toThrow(/Stopped at tile \d+\/\d+\/\d+ after \d+ of \d+ tiles.*run the same command again/s);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.extract/tiles.journal`)).toBe(true);
    // Started again once the network is back: only what was missing is read.
    requests.drop = -1e9; // the same address answers again
    const again = await X.extractArchive({ kind: 'basemap', source: `${base}/drop/source.pmtiles`, out, boxes: [COUNTY], maxZoom: 12 });
    expect(again.resumed).toBeGreaterThan(10);
    expect(again.fetched).toBe(again.planned - again.resumed);
    expect(again.written).toBe(await sameTiles(out, join(dir, 'source.pmtiles'), X.planTiles([COUNTY], 0, 12)));
  });

  it('refuses a server without byte ranges, a page that is not an archive, another schema and a silent server, naming each', async () => {
    const out = join(dir, 'bad/county.pmtiles');
    const go = (source: string) => X.extractArchive({ kind: 'basemap', source, out, boxes: [COUNTY], maxZoom: 10 });
    await expect(go(`${base}/norange/source.pmtiles`)).rejects.toThrow(
      /\/norange\/source\.pmtiles: the server sent the whole file \(HTTP 200.*does not serve ranges/,
    );
    await expect(go(`${base}/html/source.pmtiles`)).rejects.toThrow(/html\/source\.pmtiles: not a PMTiles archive/);
    await expect(go(`${base}/ok/parcels.pmtiles`)).rejects.toThrow(
      /not the Protomaps basemap schema — no "earth", "water", "roads", "places" layer \(it has parcels\)/,
    );
    await expect(go(`${base}/ok/dem.pmtiles`)).rejects.toThrow(/holds PNG tiles; a basemap is read from a vector archive/);
    await expect(go(`${base}/silent/source.pmtiles`)).rejects.toThrow(/silent\/source\.pmtiles: no answer within 1\.5 s/);
    await expect(go(join(dir, 'missing.pmtiles'))).rejects.toThrow(/missing\.pmtiles: ENOENT/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses boxes that are inverted, empty, outside the source or too large without --yes', async () => {
    const go = (boxes: Extract.Box[], maxZoom = 10, yes = false) =>
      X.extractArchive({
        kind: 'basemap',
        source: join(dir, 'source.pmtiles'),
        out: join(dir, 'box/c.pmtiles'),
        boxes,
        maxZoom,
        yes,
        askAbove: 100,
      });
    await expect(go([[119.4, 28.45, 119.1, 28.7]])).rejects.toThrow(/--bbox 1 \(119\.4,28\.45,119\.1,28\.7\): inverted/);
    await expect(go([COUNTY, [119.1, 28.5, 119.1, 28.6]])).rejects.toThrow(/--bbox 2 .*: empty/);
    await expect(go([[100, 20, 101, 21]])).rejects.toThrow(/outside the source .* \(it covers 118\.6,28\.1,119\.6,28\.9\)/);
    // The county and its margin to zoom 15 is about 7,000 tiles: under the limit; a province is not.
    expect(X.planTiles([[118.646, 28.16, 119.572, 28.864]], 0, 15).length).toBeLessThan(X.ASK_ABOVE_TILES);
    expect(X.planTiles([[118, 27, 123, 31.2]], 0, 15).length).toBeGreaterThan(X.ASK_ABOVE_TILES);
    await expect(go([[118.6, 28.1, 119.6, 28.9]], 12)).rejects.toThrow(
      /tiles \(about \d+ MB\) .* more than 100\. Lower --maxzoom, make the box smaller, or add --yes/,
    );
    expect((await go([[118.6, 28.1, 119.6, 28.9]], 12, true)).written).toBeGreaterThan(100);
    // Past the source's zoom the plan stops at the source's last zoom.
    const r = await go([COUNTY], 14);
    expect(r.maxZoom).toBe(12);
  });
});

describe('terrain:extract', { timeout: 30_000 }, () => {
  it('copies Terrarium tiles from an archive and from a {z}/{x}/{y} service, and says their encoding', async () => {
    const box: Extract.Box = [HILL.lon - 0.2, HILL.lat - 0.2, HILL.lon + 0.2, HILL.lat + 0.2];
    const wanted = X.planTiles([box], 0, 9);
    for (const source of [`${base}/ok/dem.pmtiles`, `${base}/xyz/{z}/{x}/{y}.png`]) {
      const out = join(dir, `terrain-${source.includes('xyz') ? 'xyz' : 'pm'}.pmtiles`);
      const r = await X.extractArchive({ kind: 'terrain', source, out, boxes: [box], maxZoom: 9 });
      expect(r.written).toBe(wanted.length);
      expect(await sameTiles(out, join(dir, 'dem.pmtiles'), wanted)).toBe(wanted.length);
      const a = new PMTiles(new FileRangeSource(out));
      expect((await a.getHeader()).tileType).toBe(2);
      expect((await a.getHeader()).tileCompression).toBe(1);
      expect(((await a.getMetadata()) as { encoding: string }).encoding).toBe('terrarium');
    }
    // The formula the tiles code: the hill's top and its flanks.
    expect(heightAt(HILL.lon, HILL.lat)).toBeCloseTo(HILL.top, 6);
    expect(heightAt(HILL.lon + 0.2, HILL.lat)).toBeLessThan(HILL.base + 10);
    await expect(
      X.extractArchive({ kind: 'terrain', source: `${base}/ok/source.pmtiles`, out: join(dir, 't.pmtiles'), boxes: [box], maxZoom: 9 }),
    ).rejects.toThrow(/holds vector \(MVT\) tiles; terrain is read from PNG or WebP height tiles/);
  });
});
