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

/**
 * The tiler's inputs: 1M points as CSV (as a survey's point table comes) and 200k parcels as GeoJSON,
 * seeded; written once per content (the files are large) and reused while they exist.
 */
export function writeTileInputs(dir: string): { points: string; polygons: string } {
  mkdirSync(dir, { recursive: true });
  const box = { w: 118.7, s: 28.2, e: 119.55, n: 28.82 };
  const points = join(dir, 'points-1m.csv');
  const polygons = join(dir, 'polygons-200k.geojson');
  if (!existsSync(points)) {
    const r = rng(11);
    const lines = ['lon,lat,name,value'];
    for (let i = 0; i < 1_000_000; i++)
      lines.push(
        `${(box.w + r() * (box.e - box.w)).toFixed(5)},${(box.s + r() * (box.n - box.s)).toFixed(5)},pt-${i},${Math.round(r() * 1000)}`,
      );
    writeFileSync(points, `${lines.join('\n')}\n`);
  }
  if (!existsSync(polygons)) {
    const r = rng(12);
    const uses = ['住宅', '商业', '工业', '绿地', '耕地'];
    const parts: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      const x = box.w + r() * (box.e - box.w);
      const y = box.s + r() * (box.n - box.s);
      const d = 0.0015;
      const ring = [
        [x, y],
        [x + d, y],
        [x + d, y + d],
        [x, y + d],
        [x, y],
      ].map(([a, b]) => `[${(a as number).toFixed(6)},${(b as number).toFixed(6)}]`);
      const use = uses[Math.floor(r() * uses.length)];
      parts.push(
        `{"type":"Feature","properties":{"编号":"D-${i}","用途":"${use}","面积":${Math.round(r() * 20000)}},"geometry":{"type":"Polygon","coordinates":[[${ring.join(',')}]]}}`,
      );
    }
    writeFileSync(polygons, `{"type":"FeatureCollection","features":[${parts.join(',')}]}`);
  }
  return { points, polygons };
}

/** Where the tiler's synthetic inputs have their n-th feature (the bench clicks them): same seeds as above. */
export function tileInputFeature(kind: 'points' | 'polygons', n: number): { at: [number, number]; id: string } {
  const box = { w: 118.7, s: 28.2, e: 119.55, n: 28.82 };
  const r = rng(kind === 'points' ? 11 : 12);
  for (let i = 0; ; i++) {
    const x = box.w + r() * (box.e - box.w);
    const y = box.s + r() * (box.n - box.s);
    if (kind === 'points') {
      r();
      if (i === n) return { at: [Number(x.toFixed(5)), Number(y.toFixed(5))], id: `pt-${i}` };
    } else {
      r();
      r();
      if (i === n) return { at: [x + 0.00075, y + 0.00075], id: `D-${i}` };
    }
  }
}
