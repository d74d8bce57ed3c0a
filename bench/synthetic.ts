/** Seeded synthetic layers for the scale benchmark: points and small squares over Suichang and its neighbours. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function writeSynthetic(dir: string): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  const out: Record<string, string> = {};
  const box = { w: 118.7, s: 28.2, e: 119.55, n: 28.82 };
  const make = (name: string, n: number, polygons: boolean, seed: number) => {
    const r = rng(seed);
    const features = Array.from({ length: n }, (_, i) => {
      const x = box.w + r() * (box.e - box.w);
      const y = box.s + r() * (box.n - box.s);
      const d = 0.002;
      const geometry = polygons
        ? {
            type: 'Polygon',
            coordinates: [
              [
                [x, y],
                [x + d, y],
                [x + d, y + d],
                [x, y + d],
                [x, y],
              ],
            ],
          }
        : { type: 'Point', coordinates: [Number(x.toFixed(5)), Number(y.toFixed(5))] };
      return { type: 'Feature', properties: { name: `${name}-${i}`, value: Math.round(r() * 1000) }, geometry };
    });
    const file = join(dir, `${name}.geojson`);
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
    out[name] = file;
  };
  make('points-10k', 10_000, false, 1);
  make('points-100k', 100_000, false, 2);
  make('polygons-10k', 10_000, true, 3);
  return out;
}

const TILE_BOX = { w: 118.7, s: 28.2, e: 119.55, n: 28.82 };
const PARCEL_SIZE = 0.0015;
const USES = ['住宅', '商业', '工业', '绿地', '耕地'];

/** The tiler's 1M points, seeded: where each is and its value. */
function* tilePoints(): Generator<{ i: number; x: number; y: number; value: number }> {
  const r = rng(11);
  for (let i = 0; i < 1_000_000; i++) {
    const x = Number((TILE_BOX.w + r() * (TILE_BOX.e - TILE_BOX.w)).toFixed(5));
    const y = Number((TILE_BOX.s + r() * (TILE_BOX.n - TILE_BOX.s)).toFixed(5));
    yield { i, x, y, value: Math.round(r() * 1000) };
  }
}

/** The tiler's 200k parcels, seeded: each square's south-west corner, use and area. */
function* tileParcels(): Generator<{ i: number; x: number; y: number; use: string; area: number }> {
  const r = rng(12);
  for (let i = 0; i < 200_000; i++) {
    const x = TILE_BOX.w + r() * (TILE_BOX.e - TILE_BOX.w);
    const y = TILE_BOX.s + r() * (TILE_BOX.n - TILE_BOX.s);
    yield { i, x, y, use: USES[Math.floor(r() * USES.length)] as string, area: Math.round(r() * 20000) };
  }
}

/**
 * The tiler's inputs: 1M points as CSV (as a survey's point table comes) and 200k parcels as GeoJSON,
 * seeded; written once (the files are large) and reused while they exist.
 */
export function writeTileInputs(dir: string): { points: string; polygons: string } {
  mkdirSync(dir, { recursive: true });
  const points = join(dir, 'points-1m.csv');
  const polygons = join(dir, 'polygons-200k.geojson');
  if (!existsSync(points)) {
    const lines = ['lon,lat,name,value'];
    for (const p of tilePoints()) lines.push(`${p.x.toFixed(5)},${p.y.toFixed(5)},pt-${p.i},${p.value}`);
    writeFileSync(points, `${lines.join('\n')}\n`);
  }
  if (!existsSync(polygons)) {
    const parts: string[] = [];
    for (const p of tileParcels()) {
      const d = PARCEL_SIZE;
      const ring = [
        [p.x, p.y],
        [p.x + d, p.y],
        [p.x + d, p.y + d],
        [p.x, p.y + d],
        [p.x, p.y],
      ].map(([a, b]) => `[${(a as number).toFixed(6)},${(b as number).toFixed(6)}]`);
      parts.push(
        `{"type":"Feature","properties":{"编号":"D-${p.i}","用途":"${p.use}","面积":${p.area}},"geometry":{"type":"Polygon","coordinates":[[${ring.join(',')}]]}}`,
      );
    }
    writeFileSync(polygons, `{"type":"FeatureCollection","features":[${parts.join(',')}]}`);
  }
  return { points, polygons };
}

/** Where the first `n` features of a tiler input are (a point, or a parcel's middle): the bench clicks them. */
export function tileInputPlaces(kind: 'points' | 'polygons', n: number): [number, number][] {
  const out: [number, number][] = [];
  const half = PARCEL_SIZE / 2;
  for (const p of kind === 'points' ? tilePoints() : tileParcels()) {
    if (out.length === n) break;
    out.push(kind === 'points' ? [p.x, p.y] : [p.x + half, p.y + half]);
  }
  return out;
}
