import { describe, expect, it } from 'vitest';
import { OPENING_PADDING, resolvePadding, SITE_PADDING, stopInDatum } from '../../src/map/camera';
import { tourPadding } from '../../src/tour/padding';

describe('camera padding', () => {
  it('keeps a site clear of the phone’s bottom sheet, and even on a wide map', () => {
    expect(resolvePadding(SITE_PADDING, 390, 800)).toEqual({ top: 40, bottom: 416, left: 30, right: 30 });
    expect(resolvePadding(SITE_PADDING, 1540, 1000)).toEqual({ top: 60, bottom: 60, left: 60, right: 60 });
    expect(resolvePadding(OPENING_PADDING, 390, 800).bottom).toBe(320);
  });

  it('frames a tour stop beside the caption card, never wider than half the map', () => {
    expect(resolvePadding(tourPadding(false), 1540, 1000).left).toBe(600);
    expect(resolvePadding(tourPadding(true), 1540, 1000).left).toBe(770);
    expect(resolvePadding(tourPadding(false), 1000, 700).left).toBe(500);
    expect(resolvePadding(tourPadding(false), 390, 800)).toEqual({ top: 30, bottom: 440, left: 20, right: 20 });
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
