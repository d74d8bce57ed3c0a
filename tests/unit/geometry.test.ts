import { area, circle, distance } from '@turf/turf';
import type { LineString, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { COMMUNITY_CENTRES, communityCoverage } from '../../src/tools/coverage';
import { nudged, vertices } from '../../src/tools/editGeometry';
import {
  circlesUnion,
  coverageShare,
  itemsWithinRings,
  M2_PER_MU,
  outlineAreaM2,
  pathLengthKm,
  proximityRings,
} from '../../src/tools/geometry';

// Fixtures with known answers.
const SEAT: [number, number] = [119.276103, 28.592148];
const ONE_KM_NORTH: [number, number] = [119.276103, 28.592148 + 1 / 111.195]; // 1 km along a meridian (spherical Earth)
// A square of about 1 km × 1 km at Suichang's latitude.
const dLat = 1 / 111.195;
const dLon = 1 / (111.195 * Math.cos((28.5966 * Math.PI) / 180));
const SQUARE: [number, number][] = [
  [119.27, 28.5921],
  [119.27 + dLon, 28.5921],
  [119.27 + dLon, 28.5921 + dLat],
  [119.27, 28.5921 + dLat],
];

describe('measure', () => {
  it('a 1 km path, and a path of one point', () => {
    expect(pathLengthKm([SEAT, ONE_KM_NORTH])).toBeCloseTo(1, 3);
    expect(pathLengthKm([SEAT])).toBe(0);
  });

  it('a square kilometre, in m² and in 亩 (1 亩 = 666.67 m²)', () => {
    const m2 = outlineAreaM2(SQUARE);
    expect(m2 / 1e6).toBeCloseTo(1, 2);
    expect(m2 / M2_PER_MU).toBeCloseTo(1500, -1);
    expect(M2_PER_MU).toBeCloseTo(666.67, 2);
  });
});

describe('proximity', () => {
  it('a 1 km ring around a point has the area of a 1 km circle', () => {
    const [ring] = proximityRings(SEAT, [1]);
    expect(ring?.km).toBe(1);
    expect(area(ring!.feature) / 1e6).toBeCloseTo(Math.PI, 1);
  });

  it('lists each item in the smallest ring that holds it', () => {
    const items = [
      { id: 'a', at: [119.276103, 28.592148 + 0.5 / 111.195] as [number, number] },
      { id: 'b', at: [119.276103, 28.592148 + 2 / 111.195] as [number, number] },
      { id: 'c', at: [119.276103, 28.592148 + 9 / 111.195] as [number, number] },
    ];
    const within = itemsWithinRings(SEAT, [5, 1, 3], items, (i) => i.at);
    expect(within.map((w) => [w.km, w.items.map((x) => x.item.id)])).toEqual([
      [1, ['a']],
      [3, ['b']],
      [5, []],
    ]);
    expect(within[0]?.items[0]?.km).toBeCloseTo(0.5, 2);
  });
});

describe('15-minute circles', () => {
  it('the union of two overlapping circles is smaller than their sum', () => {
    const u = circlesUnion([SEAT, ONE_KM_NORTH], 1);
    const one = area(circle(SEAT, 1, { steps: 64, units: 'kilometers' }));
    expect(area(u!)).toBeGreaterThan(one);
    expect(area(u!)).toBeLessThan(2 * one);
    expect(circlesUnion([], 1)).toBeNull();
  });

  it('the community centres’ coverage is computed once per radius and shared', () => {
    expect(COMMUNITY_CENTRES.length).toBeGreaterThan(1);
    const a = communityCoverage(1);
    expect(a.features).toHaveLength(1);
    expect(area(a)).toBeCloseTo(area(circlesUnion(COMMUNITY_CENTRES, 1)!), 0);
    expect(communityCoverage(1)).toBe(a);
    const b = communityCoverage(1.5);
    expect(b).not.toBe(a);
    expect(area(b)).toBeGreaterThan(area(a));
  });

  it('coverage of a polygon: fully inside, half inside, outside', () => {
    const cover = circlesUnion([[119.2745, 28.5966]], 5);
    expect(coverageShare({ type: 'Polygon', coordinates: [[...SQUARE, SQUARE[0]!]] }, cover)).toBeCloseTo(1, 5);
    // A square whose western half lies inside a large circle edge: use a circle centred on the square's eastern edge.
    const halfCover = {
      type: 'Feature' as const,
      properties: {},
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [119.27 + dLon / 2, 28.5],
            [119.4, 28.5],
            [119.4, 28.7],
            [119.27 + dLon / 2, 28.7],
            [119.27 + dLon / 2, 28.5],
          ],
        ],
      },
    };
    expect(coverageShare({ type: 'Polygon', coordinates: [[...SQUARE, SQUARE[0]!]] }, halfCover)).toBeCloseTo(0.5, 2);
    expect(coverageShare({ type: 'Polygon', coordinates: [[...SQUARE, SQUARE[0]!]] }, circlesUnion([[120.5, 30.5]], 1))).toBe(0);
  });
});

describe('moving a drawing by metres', () => {
  const square: Polygon = { type: 'Polygon', coordinates: [[SEAT, [SEAT[0] + 0.01, SEAT[1]], [SEAT[0] + 0.01, SEAT[1] + 0.01], SEAT]] };

  it('moves the whole shape east and north by the metres asked', () => {
    const moved = nudged(square, null, 100, 0) as Polygon;
    const before = square.coordinates[0]!;
    const after = moved.coordinates[0]!;
    for (let i = 0; i < before.length; i++) expect(distance(before[i]!, after[i]!, { units: 'meters' })).toBeCloseTo(100, 0);
    const north = nudged(square, null, 0, -250) as Polygon;
    expect(north.coordinates[0]![0]![1]).toBeLessThan(SEAT[1]);
    expect(distance(SEAT, north.coordinates[0]![0]!, { units: 'meters' })).toBeCloseTo(250, 0);
  });

  it('moves one vertex; a polygon’s first vertex takes its closing point along', () => {
    const first = nudged(square, 0, 10, 10) as Polygon;
    const ring = first.coordinates[0]!;
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(ring[1]).toEqual(square.coordinates[0]![1]);
    expect(distance(SEAT, ring[0]!, { units: 'meters' })).toBeCloseTo(Math.SQRT2 * 10, 0);
    const line: LineString = { type: 'LineString', coordinates: [SEAT, ONE_KM_NORTH] };
    const bent = nudged(line, 1, 0, 1000) as LineString;
    expect(bent.coordinates[0]).toEqual(SEAT);
    expect(distance(SEAT, bent.coordinates[1]!, { units: 'kilometers' })).toBeCloseTo(2, 2);
    expect(vertices(square)).toHaveLength(3);
  });
});
