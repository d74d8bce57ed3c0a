/**
 * The one-file build's fallback slices: none (the whole font would add 2.5 MB to the file). Characters the
 * subset lacks are drawn with the viewer's own fonts there (src/fontFallback.ts has the slices).
 */
export const fallbackFaces: { url: string; unicodeRange: string[] }[] = [];
export function addFallbackFaces(): void {}
