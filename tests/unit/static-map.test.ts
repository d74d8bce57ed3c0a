/** The map before the map (scripts/lib/static-map.ts): its size in the first view, where it places things, text as text. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDemSource, makeVectorSource } from '../../scripts/lib/basemap-fixture';
import { frameOf, renderStaticMap, type StaticMapInput } from '../../scripts/lib/static-map';
import { firstViewMarkup, STATIC_MAP_BUDGET_GZ, staticMapMarkup } from '../../scripts/lib/static-map-build';
import { convertPoint } from '../../src/basemap/datum';
import { COUNTY_SEAT } from '../../src/data/geodata';
import { HOME_BOUNDS } from '../../src/map/camera';
import { COUNTY_BASEMAP, FILL_OPACITY, PALETTE } from '../../src/map/palette';

const square = (x: number, y: number, d: number) => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];

function input(name: string): StaticMapInput {
  return {
    bounds: [119, 28, 120, 29],
    counties: {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { role: 'focus' }, geometry: { type: 'Polygon', coordinates: square(119.2, 28.2, 0.5) } }],
    },
    labels: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { kind: 'county', name_zh: name, role: 'focus' },
          geometry: { type: 'Point', coordinates: [119.5, 28.5] },
        },
      ],
    },
    sites: [{ layer: 'devzone', precision: 'official', geometry: { type: 'Point', coordinates: [119.25, 28.75] }, name: 'x' }],
    layers: [{ id: 'devzone', color: '#0072B2', symbol: 'square' }],
    links: [],
    palette: PALETTE,
    fillOpacity: FILL_OPACITY,
  };
}

describe('the static first map', () => {
  it('stays within its budget in the first view: 30 kB gzipped', () => {
    const markup = staticMapMarkup();
    const kb = gzipSync(markup).length / 1024;
    expect(kb).toBeGreaterThan(5); // the county and its neighbours are in it
    expect(kb).toBeLessThan(30);
  });

  it('projects in Web Mercator: the bounds fill the frame, north up, and latitude stretches towards the pole', () => {
    const { project, width, height } = frameOf(HOME_BOUNDS);
    const [w, s, e, n] = HOME_BOUNDS;
    expect(project([w, n])).toEqual([0, 0]);
    const [x1, y1] = project([e, s]);
    expect(x1).toBeCloseTo(width, 6);
    expect(y1).toBeCloseTo(height, 6);
    // Mercator: a degree of latitude is longer on screen further north (unlike a plate carrée).
    const mid = (s + n) / 2;
    const north = project([w, mid])[1] - project([w, n])[1];
    const south = project([w, s])[1] - project([w, mid])[1];
    expect(north).toBeGreaterThan(south);
  });

  it('places a point in per cent of the frame where the projection puts it', () => {
    const html = renderStaticMap(input('遂昌县'));
    const { project, width, height } = frameOf([119, 28, 120, 29]);
    const [x, y] = project([119.25, 28.75]);
    const pct = (v: number) => Number((v * 100).toFixed(2));
    expect(html).toContain(`left:${pct(x / width)}%;top:${pct(y / height)}%`);
    // Numbers in the markup are short decimals, not float noise like 0.8787999999999999.
    expect(html).not.toMatch(/\d\.\d{6,}/);
  });

  it('writes names as text, never as markup', () => {
    const html = renderStaticMap(input('<img src=x onerror="alert(1)">'));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });
});

describe('the static first map over a county basemap found at build time', () => {
  let dir = '';
  /** The county seat as OpenStreetMap has it (WGS-84). */
  const seatWgs84 = () => convertPoint(COUNTY_SEAT, 'GCJ-02', 'WGS-84');
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'static-county-'));
    // An archive of the Protomaps schema around the county (the e2e's source), and an image archive.
    await makeVectorSource(join(dir, 'county.pmtiles'), seatWgs84(), 10);
    await makeDemSource(join(dir, 'image.pmtiles'), 6);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('draws its water, rivers, main roads and towns under the counties, marked for the live page, within budget', async () => {
    const said: string[] = [];
    const html = await firstViewMarkup(join(dir, 'county.pmtiles'), (w) => said.push(w));
    expect(said).toEqual([]);
    expect(html).toContain('data-county=""');
    expect(gzipSync(html).length).toBeLessThan(STATIC_MAP_BUDGET_GZ);
    // The county style's colours: earth under everything, water, the highway's casing and fill.
    for (const c of [
      COUNTY_BASEMAP.earth,
      COUNTY_BASEMAP.water,
      COUNTY_BASEMAP.highway,
      COUNTY_BASEMAP.highway_casing_early,
      COUNTY_BASEMAP.major,
    ])
      expect(html).toContain(`"${c}"`);
    // The basemap is under the counties (drawn first), and Suichang is only tinted over it, as the live map does.
    expect(html.indexOf(COUNTY_BASEMAP.water)).toBeLessThan(html.indexOf(PALETTE.countyLine as string));
    expect(html).toContain(`fill="${PALETTE.focus}" fill-opacity="0.18"`);
    // The fixture's town, in the county style's label colour; the seat's own name is the app's label, not twice.
    expect(html).toMatch(/class="static-label place"[^>]*>测试镇</);
    expect(html).not.toMatch(/class="static-label place"[^>]*>遂昌县</);
  });

  it('puts the app’s data in the county map’s datum: the seat where its WGS-84 coordinate lands', async () => {
    const html = await firstViewMarkup(join(dir, 'county.pmtiles'), () => {});
    const seatAt = (markup: string) => /class="static-seat" style="left:([\d.]+)%;top:([\d.]+)%/.exec(markup)?.slice(1).map(Number);
    const { project, width, height } = frameOf(HOME_BOUNDS);
    const [x, y] = project(seatWgs84());
    const [left, top] = seatAt(html) ?? [0, 0];
    // Within 0.02 % of the frame (the markup's rounding), and not where the GCJ-02 outlines-only map has it.
    expect(Math.abs((left as number) - (x / width) * 100)).toBeLessThan(0.02);
    expect(Math.abs((top as number) - (y / height) * 100)).toBeLessThan(0.02);
    expect(seatAt(staticMapMarkup())).not.toEqual(seatAt(html));
  });

  it('keeps the outlines alone, and says why, for an archive that is not a county map or no archive', async () => {
    const said: string[] = [];
    const html = await firstViewMarkup(join(dir, 'image.pmtiles'), (w) => said.push(w));
    expect(html).toBe(staticMapMarkup());
    expect(said).toEqual([expect.stringMatching(/image\.pmtiles is not a vector archive of the Protomaps schema: the outlines alone/)]);
    expect(await firstViewMarkup(join(dir, 'absent.pmtiles'), (w) => said.push(w))).toBe(staticMapMarkup());
    expect(said).toHaveLength(1);
  });
});
