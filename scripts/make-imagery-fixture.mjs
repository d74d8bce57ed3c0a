/**
 * A synthetic, imagery-like raster over Suichang for the map-service tests and screenshots (not real
 * imagery: fractal noise coloured as forest, fields and bare ground, which is what the county mostly
 * looks like from above). Writes a PPM; scripts/make-service-fixtures.sh turns it into a GeoTIFF with GDAL.
 * Usage: node scripts/make-imagery-fixture.mjs out.ppm
 */
import { writeFileSync } from 'node:fs';

const W = 1600;
const H = 1200;
let seed = 20261207;
const rand = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const GRID = 257;
const lattice = (n) => Float32Array.from({ length: n * n }, rand);
const octaves = [8, 16, 32, 64, 128].map((cells) => ({ cells, g: lattice(GRID) }));
const smooth = (t) => t * t * (3 - 2 * t);
function noise(x, y) {
  let v = 0;
  let amp = 1;
  let total = 0;
  for (const { cells, g } of octaves) {
    const fx = x * cells;
    const fy = y * cells;
    const ix = Math.floor(fx);
    const iy = Math.floor(fy);
    const tx = smooth(fx - ix);
    const ty = smooth(fy - iy);
    const at = (a, b) => g[(b % GRID) * GRID + (a % GRID)];
    const top = at(ix, iy) * (1 - tx) + at(ix + 1, iy) * tx;
    const bottom = at(ix, iy + 1) * (1 - tx) + at(ix + 1, iy + 1) * tx;
    v += (top * (1 - ty) + bottom * ty) * amp;
    total += amp;
    amp *= 0.6;
  }
  return v / total;
}
const mix = (a, b, t) => a.map((c, i) => c + (b[i] - c) * t);
const FOREST = [38, 72, 40];
const DARK = [22, 48, 30];
const FIELD = [128, 142, 84];
const BARE = [150, 128, 100];
const WATER = [84, 98, 96];
const out = Buffer.alloc(W * H * 3);
for (let y = 0; y < H; y++)
  for (let x = 0; x < W; x++) {
    const h = noise(x / W, y / H);
    const d = noise(x / W + 0.37, y / H + 0.71);
    let c;
    if (h < 0.3) c = mix(WATER, FIELD, Math.max(0, Math.min(1, (h - 0.27) / 0.03)));
    else if (h < 0.44) c = mix(mix(FIELD, BARE, d > 0.56 ? 0.7 : 0.15), FOREST, Math.max(0, (h - 0.4) / 0.04));
    else c = mix(FOREST, DARK, Math.min(1, (h - 0.44) * 2.5 + (d - 0.5)));
    const grain = (rand() - 0.5) * 14;
    const k = (y * W + x) * 3;
    for (let i = 0; i < 3; i++) out[k + i] = Math.max(0, Math.min(255, c[i] + grain));
  }
writeFileSync(process.argv[2] ?? 'imagery.ppm', Buffer.concat([Buffer.from(`P6\n${W} ${H}\n255\n`), out]));
