/**
 * The one typeface of the app, Noto Sans SC, served by the app itself: the UI uses it
 * through FontFace, the map through the style's `font-faces`. Chinese never falls back
 * to the viewer's fonts (a machine without a CJK font would draw boxes).
 */
import cjkUrl from '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff2?url';
import latinUrl from '@fontsource/noto-sans-sc/files/noto-sans-sc-latin-400-normal.woff2?url';

export const FONT_FAMILY = 'Noto Sans SC';
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

export interface FontFiles {
  latin: string;
  cjk: string;
}

/** Absolute URLs: MapLibre loads font-faces and data in a worker, which cannot resolve '/assets/…'. */
export function fontFiles(base = location.href): FontFiles {
  return { latin: new URL(latinUrl, base).href, cjk: new URL(cjkUrl, base).href };
}

export function registerUiFonts(files = fontFiles()): void {
  if (typeof FontFace === 'undefined') return;
  document.fonts.add(new FontFace(FONT_FAMILY, `url(${files.latin}) format('woff2')`, { unicodeRange: LATIN_RANGES.join(',') }));
  document.fonts.add(new FontFace(FONT_FAMILY, `url(${files.cjk}) format('woff2')`));
}
