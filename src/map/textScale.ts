/**
 * Larger map labels for the large-text mode (适老化): every symbol layer's `text-size` times a factor.
 * Pure (tests/unit/share.test.ts). A zoom curve must stay the top-level expression in MapLibre, so its
 * outputs are scaled rather than the whole wrapped in a product; a `match` or `case` has its outputs scaled.
 */
import type { LayerSpecification } from 'maplibre-gl';

export function scaleSize(value: unknown, k: number): unknown {
  if (typeof value === 'number') return Math.round(value * k * 10) / 10;
  if (!Array.isArray(value)) return value;
  const [op, ...rest] = value as [unknown, ...unknown[]];
  if (op === 'interpolate' || op === 'interpolate-hcl' || op === 'interpolate-lab') {
    // ['interpolate', type, input, z0, v0, z1, v1, …]
    const [type, input, ...stops] = rest;
    return [op, type, input, ...stops.map((s, i) => (i % 2 === 1 ? scaleSize(s, k) : s))];
  }
  if (op === 'step') {
    // ['step', input, v0, z1, v1, …]
    const [input, ...stops] = rest;
    return [op, input, ...stops.map((s, i) => (i % 2 === 0 ? scaleSize(s, k) : s))];
  }
  if (op === 'match') {
    // ['match', input, label, out, …, fallback]
    const [input, ...arms] = rest;
    return [op, input, ...arms.map((s, i) => (i % 2 === 1 || i === arms.length - 1 ? scaleSize(s, k) : s))];
  }
  if (op === 'case') {
    // ['case', cond, out, …, fallback]
    return [op, ...rest.map((s, i) => (i % 2 === 1 || i === rest.length - 1 ? scaleSize(s, k) : s))];
  }
  return ['*', value, k];
}

export function scaleLayerText(layers: readonly LayerSpecification[], k: number): LayerSpecification[] {
  if (k === 1) return layers as LayerSpecification[];
  return layers.map((l) => {
    if (l.type !== 'symbol' || l.layout?.['text-size'] === undefined) return l;
    return { ...l, layout: { ...l.layout, 'text-size': scaleSize(l.layout['text-size'], k) as never } };
  });
}

/** The large-text mode's factor, for the interface (CSS zoom) and the map's labels alike. */
export const LARGE_TEXT = 1.25;
