/**
 * Site markers drawn on a canvas when the style first asks for them
 * (`styleimagemissing`): one shape per layer (colour is never the only cue),
 * solid for placed sites, hollow for indicative ones.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LayerDef } from '../data/schema';
import { ICON_PATTERN } from './ids';
import { PALETTE } from './palette';

const SIZE = 40; // drawn at 2× for sharp edges
const RATIO = 2;

export function shapePath(ctx: CanvasRenderingContext2D, symbol: LayerDef['symbol'], r: number, c: number): void {
  ctx.beginPath();
  const poly = (n: number, rot: number, inner?: number) => {
    const pts = inner ? n * 2 : n;
    for (let i = 0; i < pts; i++) {
      const rr = inner && i % 2 === 1 ? inner : r;
      const a = rot + (i * 2 * Math.PI) / pts;
      const x = c + rr * Math.cos(a);
      const y = c + rr * Math.sin(a);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.closePath();
  };
  switch (symbol) {
    case 'circle':
      ctx.arc(c, c, r * 0.9, 0, Math.PI * 2);
      break;
    case 'square':
      ctx.rect(c - r * 0.8, c - r * 0.8, r * 1.6, r * 1.6);
      break;
    case 'triangle':
      poly(3, -Math.PI / 2);
      break;
    case 'diamond':
      poly(4, -Math.PI / 2);
      break;
    case 'hexagon':
      poly(6, 0);
      break;
    case 'star':
      poly(5, -Math.PI / 2, r * 0.45);
      break;
  }
}

function drawMarker(layer: LayerDef, hollow: boolean): ImageData | null {
  const canvas = document.createElement('canvas');
  canvas.width = SIZE;
  canvas.height = SIZE;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  const c = SIZE / 2;
  const r = SIZE / 2 - 5;
  shapePath(ctx, layer.symbol, r, c);
  ctx.lineJoin = 'round';
  ctx.lineWidth = 7;
  ctx.strokeStyle = 'rgba(255,255,255,0.95)';
  ctx.stroke();
  ctx.fillStyle = hollow ? PALETTE.white : layer.color;
  ctx.fill();
  ctx.lineWidth = hollow ? 4.5 : 2;
  ctx.strokeStyle = hollow ? layer.color : 'rgba(0,0,0,0.35)';
  if (hollow) ctx.setLineDash([5, 3]);
  ctx.stroke();
  return ctx.getImageData(0, 0, SIZE, SIZE);
}

function drawSeat(): ImageData | null {
  const canvas = document.createElement('canvas');
  canvas.width = 28;
  canvas.height = 28;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = PALETTE.white;
  ctx.strokeStyle = PALETTE.label;
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.arc(14, 14, 11, 0, Math.PI * 2);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = PALETTE.label;
  ctx.beginPath();
  ctx.arc(14, 14, 5, 0, Math.PI * 2);
  ctx.fill();
  return ctx.getImageData(0, 0, 28, 28);
}

/** Adds a missing site icon; returns false for ids it does not know. */
export function provideIcon(map: MapLibreMap, id: string, layers: readonly LayerDef[]): boolean {
  if (map.hasImage(id)) return true;
  if (id === 'county-seat') {
    const img = drawSeat();
    if (img) map.addImage(id, img, { pixelRatio: RATIO });
    return Boolean(img);
  }
  const m = ICON_PATTERN.exec(id);
  const layer = m && layers.find((l) => l.id === m[1]);
  if (!m || !layer) return false;
  const img = drawMarker(layer, m[2] === 'hollow');
  if (img) map.addImage(id, img, { pixelRatio: RATIO });
  return Boolean(img);
}
