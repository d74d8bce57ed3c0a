/**
 * The whole of Noto Sans SC, in fontsource's unicode-range slices, for characters the app's own subset
 * lacks: the names and attributes in a planner's files. Nothing is fetched until a character of a slice
 * is drawn (about 26 kB a slice); the service worker keeps the slices once fetched (vite.config.ts).
 * The one-file build has none (src/fontFallback.single.ts): it would carry 2.5 MB of fonts.
 */
import slices from '@fontsource/noto-sans-sc/unicode.json';
import { FALLBACK_FAMILY } from './fonts';

const DIR = '/node_modules/@fontsource/noto-sans-sc/files';
// import.meta.glob takes only a literal pattern: the folder above, written out.
const files = import.meta.glob<string>('/node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-*-400-normal.woff2', {
  query: '?url',
  import: 'default',
  eager: true,
});

export const fallbackFaces: { url: string; unicodeRange: string[] }[] = Object.entries(slices as Record<string, string>).flatMap(
  ([name, range]) => {
    const n = /^\[(\d+)\]$/.exec(name)?.[1];
    const url = n && files[`${DIR}/noto-sans-sc-${n}-400-normal.woff2`];
    return url ? [{ url, unicodeRange: range.split(',').map((r) => r.trim()) }] : [];
  },
);

/**
 * The slices as faces of the page's font stack (styles.css `--font`), which the browser fetches only
 * when it lays out a character of theirs.
 */
export function addFallbackFaces(): void {
  if (typeof document === 'undefined' || !document.fonts || typeof FontFace === 'undefined') return;
  for (const f of fallbackFaces)
    document.fonts.add(
      new FontFace(FALLBACK_FAMILY, `url(${f.url}) format('woff2')`, { unicodeRange: f.unicodeRange.join(','), display: 'swap' }),
    );
}
