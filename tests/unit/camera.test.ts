import { describe, expect, it } from 'vitest';
import { coverOf, MIN_VIEW_SHARE, OPENING_PADDING, resolvePadding, SITE_PADDING, stopInDatum, withCovers } from '../../src/map/camera';
import { STOP_FRAME, tourCover } from '../../src/tour/padding';

describe('camera padding', () => {
  it('keeps a site clear of the phone’s bottom sheet, and even on a wide map', () => {
    expect(resolvePadding(SITE_PADDING, 390, 800)).toEqual({ top: 40, bottom: 416, left: 30, right: 30 });
    expect(resolvePadding(SITE_PADDING, 1540, 1000)).toEqual({ top: 60, bottom: 60, left: 60, right: 60 });
    expect(resolvePadding(OPENING_PADDING, 390, 800).bottom).toBe(320);
  });

  it('frames a tour stop beside the caption card, never wider than half the map', () => {
    // What a stop's move resolves to: its own frame plus what the card covers (camera.withCovers).
    const stop = (big: boolean, w: number, h: number) =>
      withCovers(resolvePadding(STOP_FRAME, w, h), [resolvePadding(tourCover(big), w, h)], w, h);
    expect(stop(false, 1540, 1000).left).toBe(600);
    expect(stop(true, 1540, 1000).left).toBe(770);
    expect(stop(false, 1000, 700).left).toBe(500);
    expect(stop(false, 390, 800)).toEqual({ top: 30, bottom: 440, left: 20, right: 20 });
  });
});

describe('a stop’s camera in another datum', () => {
  it('converts the centre and both corners of the bounds', () => {
    const shift = (p: [number, number]): [number, number] => [p[0] + 1, p[1] + 2];
    expect(stopInDatum({ center: [119, 28], zoom: 9, bearing: 10, pitch: 20, bounds: [118, 27, 120, 29] }, shift)).toEqual({
      center: [120, 30],
      zoom: 9,
      bearing: 10,
      pitch: 20,
      bounds: [119, 29, 121, 31],
    });
  });
});

describe('padding with what the panels cover', () => {
  const none = { top: 0, bottom: 0, left: 0, right: 0 };
  it('adds each panel’s cover to the move’s own padding, side by side', () => {
    const own = resolvePadding(SITE_PADDING, 1366, 768);
    const tools = { ...none, right: 434 };
    expect(withCovers(own, [tools], 1366, 768)).toEqual({ top: 60, bottom: 60, left: 60, right: 494 });
    expect(withCovers(own, [], 1366, 768)).toEqual(own);
  });

  it('keeps 40 % of the map in view: a later panel’s cover is cut, the move’s own padding (a phone’s sheet) stays', () => {
    const own = resolvePadding(SITE_PADDING, 390, 800); // bottom 416 for the sheet
    const panel = { ...none, top: 440 };
    const p = withCovers(own, [panel], 390, 800);
    expect(p.bottom).toBe(416);
    expect(800 - p.top - p.bottom).toBeGreaterThanOrEqual(800 * MIN_VIEW_SHARE);
    expect(p.left).toBe(30);
    // Two panels on a 966 px map (1366 less the side panel): the first in full, the second cut.
    const two = withCovers(
      { top: 60, bottom: 60, left: 60, right: 60 },
      [
        { ...none, right: 424 },
        { ...none, left: 340 },
      ],
      966,
      708,
    );
    expect(two.right).toBe(484);
    expect(966 - two.left - two.right).toBeGreaterThanOrEqual(Math.floor(966 * MIN_VIEW_SHARE));
    // With room (1520 px), both in full.
    expect(
      withCovers(
        { top: 60, bottom: 60, left: 60, right: 60 },
        [
          { ...none, right: 424 },
          { ...none, left: 340 },
        ],
        1520,
        1000,
      ).left,
    ).toBe(400);
  });
});

describe('a panel’s cover, measured', () => {
  const map = { left: 0, top: 60, right: 1366, bottom: 768 };
  it('takes the side a tall panel stands against, as far as it reaches, with a margin', () => {
    expect(coverOf({ left: 10, top: 70, right: 330, bottom: 600 }, map)).toEqual({ top: 0, bottom: 0, left: 340, right: 0 });
    expect(coverOf({ left: 952, top: 70, right: 1312, bottom: 700 }, map)).toEqual({ top: 0, bottom: 0, left: 0, right: 424 });
    expect(coverOf({ left: 8, top: 68, right: 1358, bottom: 400 }, map)).toEqual({ top: 350, bottom: 0, left: 0, right: 0 });
  });
  it('leaves out a small button in a corner, a panel in the middle and one off the map', () => {
    expect(coverOf({ left: 10, top: 70, right: 140, bottom: 104 }, map)).toBeNull();
    expect(coverOf({ left: 500, top: 200, right: 800, bottom: 600 }, map)).toBeNull();
    expect(coverOf({ left: 1400, top: 70, right: 1500, bottom: 700 }, map)).toBeNull();
  });
});
