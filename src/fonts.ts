/**
 * The one typeface of the app, Noto Sans SC, served by the app itself: the UI uses it
 * through FontFace, the map through the style's `font-faces`. Chinese never falls back
 * to the viewer's fonts (a machine without a CJK font would draw boxes). The CJK part
 * is a subset of the characters the app uses (scripts/lib/font-subset.ts).
 */
import latinUrl from '@fontsource/noto-sans-sc/files/noto-sans-sc-latin-400-normal.woff2?url';
import { cjkFaces } from './generated/fonts/manifest';

export const FONT_FAMILY = 'Noto Sans SC';
/** The whole font in slices, after the subset in the page's font stack (styles.css `--font`). */
export const FALLBACK_FAMILY = 'Noto Sans SC Fallback';
/** fontsource's unicode-range for its Latin file. */
export const LATIN_RANGES = [
  'U+0000-00FF',
  'U+0131',
  'U+0152-0153',
  'U+02BB-02BC',
  'U+02C6',
  'U+02DA',
  'U+02DC',
  'U+0304',
  'U+0308',
  'U+0329',
  'U+2000-206F',
  'U+20AC',
  'U+2122',
  'U+2191',
  'U+2193',
  'U+2212',
  'U+2215',
  'U+FEFF',
  'U+FFFD',
];

export interface FontFaceFile {
  url: string;
  unicodeRange?: string[];
}

/**
 * Absolute URLs (MapLibre loads font-faces in a worker, which cannot resolve '/assets/…'): Latin, the
 * subset files (each naming the characters it has), then `more` (the fallback slices, src/fontFallback.ts).
 */
export function fontFaces(base = location.href, more: readonly FontFaceFile[] = []): FontFaceFile[] {
  const abs = (u: string) => new URL(u, base).href;
  return [{ url: abs(latinUrl), unicodeRange: LATIN_RANGES }, ...[...cjkFaces, ...more].map((f) => ({ ...f, url: abs(f.url) }))];
}

/**
 * The UI's faces are CSS (src/generated/fonts/faces.css, preloaded by index.html), so the prerendered
 * first view paints in the right font before any script runs. This starts loading every one of them
 * and resolves when they are ready, or after `capMs`: the app's first render waits that long at most,
 * so its layout is done once, in the right font (a layout with fallback fonts is slow for CJK on a
 * machine that has none, and is done again when the font lands).
 */
/**
 * Whether the app's own font files loaded: a host that refuses them (an old MIME table without
 * font/woff2, a blocked path) leaves Chinese to the machine's fonts, boxes where it has none. Resolves
 * to the faces that failed, once every face of the app's family has settled. The whole font's slices
 * (fetched on use) are not counted.
 */
export async function failedUiFonts(): Promise<string[]> {
  if (typeof document === 'undefined' || !document.fonts) return [];
  const faces = [...document.fonts].filter((f) => f.family.replace(/["']/g, '') === FONT_FAMILY && f.status !== 'unloaded');
  await Promise.all(faces.map((f) => f.loaded.catch(() => undefined)));
  return faces.filter((f) => f.status === 'error').map((f) => f.unicodeRange);
}

export function loadUiFonts(capMs = 400): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return Promise.resolve();
  const loads = [...document.fonts]
    .filter((f) => f.family.replace(/["']/g, '') === FONT_FAMILY)
    .map((f) => f.load().catch(() => undefined));
  return Promise.race([Promise.all(loads).then(() => undefined), new Promise<void>((r) => setTimeout(r, capMs))]);
}
