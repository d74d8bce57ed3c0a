/**
 * "保存为图片 · Save as image": a tall, phone-sized PNG of a site for a WeChat group — the map around
 * the site, its name, how precise its place is, its figures with their source lines and whose they
 * are, the article, the credits, the map review number's slot, and the QR code of the live view.
 * Drawn on a canvas from text (posterContent.ts): nothing from the data is markup.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { siteById } from '../data/geodata';
import { anchorOf } from '../data/selectors';
import type { Lang } from '../i18n/strings';
import { SHARE } from '../map/palette';
import { mapFrame } from '../tools/mapImage';
import { type PosterContent, posterContent } from './posterContent';
import type { QrPath } from './qr';

/** Logical width (CSS px); drawn at twice that for phone screens. */
export const POSTER_WIDTH = 540;
const SCALE = 2;
const PAD = 24;
const MAP_H = 380;
const FONT = '"Noto Sans SC", sans-serif';

/** Lines of `text` no wider than `width`: by word in English, by character in Chinese. */
export function wrap(ctx: CanvasRenderingContext2D, text: string, width: number, maxLines = 99): string[] {
  const tokens = text.match(/[\u2E80-\u9FFF\uFF00-\uFFEF\u3000-\u303F]|[^\s\u2E80-\u9FFF\uFF00-\uFFEF\u3000-\u303F]+\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    if (line && ctx.measureText(line + tok).width > width) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else line += tok;
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? '';
  while (last && ctx.measureText(`${last}…`).width > width) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

interface Pen {
  ctx: CanvasRenderingContext2D;
  y: number;
}

function text(
  pen: Pen,
  s: string,
  size: number,
  color: string,
  opts: { weight?: number; maxLines?: number; x?: number; width?: number; gap?: number } = {},
) {
  const { ctx } = pen;
  ctx.font = `${opts.weight ?? 400} ${size}px ${FONT}`;
  ctx.fillStyle = color;
  const x = opts.x ?? PAD;
  const lh = Math.round(size * 1.4);
  for (const line of wrap(ctx, s, opts.width ?? POSTER_WIDTH - 2 * PAD, opts.maxLines)) {
    ctx.fillText(line, x, pen.y + size);
    pen.y += lh;
  }
  pen.y += opts.gap ?? 0;
}

/** Draws the poster; a first pass measures its height (`ctx` of a 1×1 canvas), the second draws. */
function draw(
  ctx: CanvasRenderingContext2D,
  c: PosterContent,
  shot: HTMLCanvasElement | null,
  crop: [number, number, number, number],
  qr: QrPath | null,
  scanText: string,
): number {
  const W = POSTER_WIDTH;
  const pen: Pen = { ctx, y: 0 };
  ctx.fillStyle = SHARE.paper;
  ctx.fillRect(0, 0, W, 100_000);
  // The brand band with the site's name.
  const band = { ctx, y: PAD } as Pen;
  ctx.font = `700 30px ${FONT}`;
  const titleLines = wrap(ctx, c.title, W - 2 * PAD).length;
  const bandH = PAD + 20 + 8 + titleLines * 42 + 26 + PAD;
  ctx.fillStyle = SHARE.band;
  ctx.fillRect(0, 0, W, bandH);
  text(band, c.tags.join(' · '), 15, SHARE.bandText, { gap: 8 });
  text(band, c.title, 30, SHARE.bandText, { weight: 700 });
  text(band, c.otherName, 16, SHARE.bandText);
  pen.y = bandH;
  // The map around the site.
  if (shot) ctx.drawImage(shot, crop[0], crop[1], crop[2], crop[3], 0, pen.y, W, MAP_H);
  else {
    ctx.fillStyle = SHARE.line;
    ctx.fillRect(0, pen.y, W, MAP_H);
  }
  pen.y += MAP_H + PAD;
  // How precise the place is: an honesty cue the picture keeps.
  text(pen, c.precision.label, 17, SHARE.ink, { weight: 700, gap: 2 });
  text(pen, c.precision.note, 14, SHARE.ink2, { maxLines: 4, gap: 14 });
  // The figures, each with whose it is and its source.
  for (const f of c.figures) {
    ctx.fillStyle = SHARE.line;
    ctx.fillRect(PAD, pen.y, W - 2 * PAD, 1);
    pen.y += 12;
    text(pen, `${f.scope} · ${f.period}`, 13, SHARE.ink2);
    text(pen, f.label, 17, SHARE.ink, { weight: 600, gap: 2 });
    text(pen, `${f.value} ${f.unit}`, 30, SHARE.ink, { weight: 700, gap: 4 });
    text(pen, f.source, 13, SHARE.ink2, { maxLines: 3, gap: 12 });
  }
  ctx.fillStyle = SHARE.line;
  ctx.fillRect(PAD, pen.y, W - 2 * PAD, 1);
  pen.y += 14;
  // The QR code of the live view, beside the article, credits and review number.
  const qrSize = 132;
  const top = pen.y;
  const side: Pen = { ctx, y: top };
  const sideW = W - 3 * PAD - qrSize;
  if (c.article) text(side, c.article, 13, SHARE.ink2, { width: sideW, gap: 6 });
  text(side, c.credits, 12, SHARE.ink2, { width: sideW, gap: 6 });
  text(side, c.review, 12, SHARE.ink2, { width: sideW });
  if (qr) {
    const x = W - PAD - qrSize;
    const m = qrSize / qr.size;
    ctx.fillStyle = SHARE.qrLight;
    ctx.fillRect(x, top, qrSize, qrSize);
    ctx.fillStyle = SHARE.qrDark;
    ctx.save();
    ctx.translate(x, top);
    ctx.scale(m, m);
    ctx.fill(new Path2D(qr.d));
    ctx.restore();
    const label: Pen = { ctx, y: top + qrSize + 4 };
    ctx.textAlign = 'center';
    text(label, scanText, 13, SHARE.ink, { x: x + qrSize / 2, width: qrSize + PAD });
    ctx.textAlign = 'start';
    pen.y = Math.max(side.y, label.y);
  } else pen.y = side.y;
  return Math.ceil(pen.y + PAD);
}

/** The map's pixels around the site, at the poster's map aspect. */
function cropAround(map: MapLibreMap, shot: HTMLCanvasElement, at: [number, number]): [number, number, number, number] {
  const ratio = shot.width / map.getCanvas().clientWidth;
  const p = map.project(at);
  const aspect = POSTER_WIDTH / MAP_H;
  let w = shot.width;
  let h = w / aspect;
  if (h > shot.height) {
    h = shot.height;
    w = h * aspect;
  }
  const x = Math.max(0, Math.min(shot.width - w, p.x * ratio - w / 2));
  const y = Math.max(0, Math.min(shot.height - h, p.y * ratio - h / 2));
  return [x, y, w, h];
}

export interface PosterInput {
  siteId: string;
  lang: Lang;
  credits: string;
  review: string | null;
  link: string;
  scanText: string;
}

/** The poster as a canvas; the map is read as it is on screen (the caller frames the site first). */
export async function renderPoster(map: MapLibreMap | null, input: PosterInput, qr: QrPath | null): Promise<HTMLCanvasElement> {
  const content = posterContent(input.siteId, input.lang, input.credits, input.review);
  const site = siteById(input.siteId);
  if (!content || !site) throw new Error(`no site "${input.siteId}"`);
  await document.fonts.ready;
  const shot = map ? await mapFrame(map) : null;
  const crop: [number, number, number, number] = map && shot ? cropAround(map, shot, anchorOf(site)) : [0, 0, 1, 1];
  const measure = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
  const height = draw(measure, content, null, crop, qr, input.scanText);
  const out = document.createElement('canvas');
  out.width = POSTER_WIDTH * SCALE;
  out.height = height * SCALE;
  const ctx = out.getContext('2d') as CanvasRenderingContext2D;
  ctx.scale(SCALE, SCALE);
  draw(ctx, content, shot, crop, qr, input.scanText);
  return out;
}
