/**
 * A PNG of the current map with title, legend, scale bar, north arrow and attribution,
 * for export and for the A4 print sheet. The WebGL canvas is read in a render frame, so
 * no preserved drawing buffer is needed.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { layers } from '../data/geodata';
import type { Lang } from '../i18n/strings';
import { PALETTE } from '../map/palette';

/** The map's canvas as drawn now (read in a render frame): for the PNG, the print and the share picture. */
export function mapFrame(map: MapLibreMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve) => {
    map.once('render', () => {
      const src = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = src.width;
      copy.height = src.height;
      copy.getContext('2d')?.drawImage(src, 0, 0);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}

/** A round scale length (1, 2 or 5 times a power of ten, in metres) that fits in `maxPx`. */
export function scaleBar(metresPerPixel: number, maxPx: number): { metres: number; px: number } {
  const max = metresPerPixel * maxPx;
  const pow = 10 ** Math.floor(Math.log10(max));
  const metres = [5, 2, 1].map((m) => m * pow).find((m) => m <= max) ?? pow;
  return { metres, px: metres / metresPerPixel };
}

/** Legend rows of one imported layer: a heading when it is styled by an attribute, then colour and label. */
export interface ExtraLegend {
  title: string | null;
  rows: { color: string; label: string }[];
}

export async function mapImage(
  map: MapLibreMap,
  title: string,
  lang: Lang,
  attribution: string,
  imported: readonly ExtraLegend[] = [],
): Promise<HTMLCanvasElement> {
  const shot = await mapFrame(map);
  const ratio = shot.width / map.getCanvas().clientWidth;
  const out = document.createElement('canvas');
  out.width = shot.width;
  out.height = shot.height;
  const ctx = out.getContext('2d') as CanvasRenderingContext2D;
  ctx.drawImage(shot, 0, 0);
  ctx.scale(ratio, ratio);
  const w = out.width / ratio;
  const h = out.height / ratio;
  const font = (px: number, weight = 400) => `${weight} ${px}px "Noto Sans SC", sans-serif`;

  // Title.
  ctx.fillStyle = 'rgba(22,50,79,0.92)';
  ctx.fillRect(0, 0, w, 44);
  ctx.fillStyle = PALETTE.white;
  ctx.font = font(20, 700);
  ctx.fillText(title, 16, 29);

  // Legend.
  const rowH = 20;
  const rows: { color?: string; label: string; heading?: boolean }[] = [
    ...layers.map((l) => ({ color: l.color, label: l.name[lang] })),
    ...imported.flatMap((g) => [...(g.title ? [{ label: g.title, heading: true }] : []), ...g.rows]),
  ];
  const boxH = 28 + rows.length * rowH;
  ctx.font = font(12);
  const boxW = Math.max(210, ...rows.map((r) => ctx.measureText(r.label).width + 60));
  ctx.fillStyle = 'rgba(255,255,255,0.94)';
  ctx.fillRect(12, 56, boxW, boxH);
  ctx.fillStyle = PALETTE.label;
  ctx.font = font(13, 700);
  ctx.fillText(lang === 'zh' ? '图例' : 'Legend', 22, 75);
  rows.forEach((r, i) => {
    const y = 86 + i * rowH;
    ctx.font = font(12, r.heading ? 700 : 400);
    if (r.color) {
      ctx.fillStyle = r.color;
      ctx.fillRect(22, y, 12, 12);
    }
    ctx.fillStyle = PALETTE.label;
    ctx.fillText(r.label, r.heading ? 22 : 42, y + 11);
  });

  // Scale bar, measured at the map's centre.
  const c = map.getCenter();
  const p = map.project(c);
  const mpp = c.distanceTo(map.unproject([p.x + 100, p.y])) / 100;
  const bar = scaleBar(mpp, 140);
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.fillRect(12, h - 52, bar.px + 70, 30);
  ctx.fillStyle = PALETTE.label;
  ctx.fillRect(20, h - 32, bar.px, 4);
  ctx.font = font(12);
  ctx.fillText(bar.metres >= 1000 ? `${bar.metres / 1000} km` : `${bar.metres} m`, bar.px + 26, h - 27);

  // North arrow, turned with the map.
  ctx.save();
  ctx.translate(w - 40, 80);
  ctx.rotate((-map.getBearing() * Math.PI) / 180);
  ctx.fillStyle = PALETTE.label;
  ctx.beginPath();
  ctx.moveTo(0, -22);
  ctx.lineTo(9, 10);
  ctx.lineTo(0, 4);
  ctx.lineTo(-9, 10);
  ctx.closePath();
  ctx.fill();
  ctx.font = font(13, 700);
  ctx.textAlign = 'center';
  ctx.fillText(lang === 'zh' ? '北' : 'N', 0, -26);
  ctx.restore();

  // Attribution.
  ctx.font = font(11);
  const tw = ctx.measureText(attribution).width;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(w - tw - 20, h - 22, tw + 16, 20);
  ctx.fillStyle = PALETTE.label;
  ctx.fillText(attribution, w - tw - 12, h - 8);
  return out;
}
