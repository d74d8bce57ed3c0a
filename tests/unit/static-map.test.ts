/** The map before the map (scripts/lib/static-map.ts): its size in the first view, where it places things, text as text. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { frameOf, renderStaticMap, type StaticMapInput } from '../../scripts/lib/static-map';
import { staticMapMarkup } from '../../scripts/lib/static-map-build';
import { HOME_BOUNDS } from '../../src/map/camera';
import { FILL_OPACITY, PALETTE } from '../../src/map/palette';

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
