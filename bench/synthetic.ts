/** Seeded synthetic layers for the scale benchmark: points and small squares over Suichang and its neighbours. */
import { mkdirSync, writeFileSync } from 'node:fs';
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
