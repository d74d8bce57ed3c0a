import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { create as openFont } from 'fontkit';
import { describe, expect, it } from 'vitest';
import {
  nameCodePoints as describeChars,
  inLatin,
  neededCodePoints,
  OUT_DIR,
  parseRange,
  unicodeRange,
} from '../../scripts/lib/font-subset';

describe('the CJK font subset', () => {
  const files = readdirSync(OUT_DIR).filter((f) => f.endsWith('.woff2'));
  const fonts = files.map((f) => openFont(readFileSync(join(OUT_DIR, f))));
  const latin = openFont(
    readFileSync(join(import.meta.dirname, '../../node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-latin-400-normal.woff2')),
  );

  it('covers every character in the data and the interface', () => {
    const needed = neededCodePoints();
    expect(needed.length).toBeGreaterThan(500);
    const missing = needed.filter((cp) => !fonts.some((f) => f.hasGlyphForCodePoint(cp)));
    expect(describeChars(missing)).toBe('');
  });

  it('leaves Latin text to the Latin file, which has it', () => {
    for (const ch of 'Suichang 172.75 km² · “quote” –') {
      const cp = ch.codePointAt(0) as number;
      if (inLatin(cp)) expect(latin.hasGlyphForCodePoint(cp)).toBe(true);
    }
  });

  it('is small: about 150 bytes a character', () => {
    const bytes = files.reduce((s, f) => s + readFileSync(join(OUT_DIR, f)).length, 0);
    expect(bytes).toBeLessThan(neededCodePoints().length * 200);
    expect(bytes).toBeLessThan(200 * 1024);
  });

  it('writes unicode ranges as merged runs', () => {
    expect(unicodeRange([0x41, 0x42, 0x43, 0x45])).toEqual(['U+0041-0043', 'U+0045']);
  });
});

describe('faces.css (the first paint, before any script)', () => {
  const css = readFileSync(join(OUT_DIR, 'faces.css'), 'utf8');
  const urls = [...css.matchAll(/url\(["']([^"']+)["']\)/g)].map((m) => m[1]);

  it('names every subset file, the main one first (later rules win), and the Latin file', () => {
    const files = readdirSync(OUT_DIR).filter((f) => f.endsWith('.woff2'));
    expect(urls[0]).toBe('./cjk-main.woff2');
    expect(urls.filter((u) => u?.startsWith('./')).sort()).toEqual(files.map((f) => `./${f}`).sort());
    expect(urls.some((u) => u?.endsWith('noto-sans-sc-latin-400-normal.woff2'))).toBe(true);
  });

  it('gives Latin the same ranges the map uses', async () => {
    const { LATIN_RANGES } = await import('../../src/fonts');
    const latinRule = css.split('@font-face').find((r) => r.includes('latin-400-normal'));
    expect(latinRule?.replace(/\s+/g, ' ')).toContain(`unicode-range: ${LATIN_RANGES.join(', ')};`);
  });
});

describe("the map's font-faces (MapLibre draws a character with the first file whose range covers it)", () => {
  const ROOT = join(import.meta.dirname, '../..');
  const needed = neededCodePoints();
  const fileFor = async (cp: number) => {
    const { fontFaces } = await import('../../src/fonts');
    const { fallbackFaces } = await import('../../src/fontFallback');
    const face = fontFaces('http://app.test/', fallbackFaces).find(
      (f) => !f.unicodeRange || parseRange(f.unicodeRange.join(',')).some(([a, b]) => cp >= a && cp <= b),
    );
    return face ? join(ROOT, new URL(face.url).pathname) : null;
  };
  const has = (file: string | null, cp: number) => file !== null && openFont(readFileSync(file)).hasGlyphForCodePoint(cp);

  it("draws the app's own text from the subset", async () => {
    for (const cp of needed.filter((_, i) => i % 40 === 0)) {
      const file = await fileFor(cp);
      expect(file?.startsWith(OUT_DIR), describeChars([cp])).toBe(true);
      expect(has(file, cp), describeChars([cp])).toBe(true);
    }
  });

  it("draws characters the subset lacks (a planner's attribute names) from a slice of the whole font that has them", async () => {
    const outside = [...'用途宅基地耕林镢犇'].map((c) => c.codePointAt(0) as number).filter((cp) => !needed.includes(cp));
    expect(outside.length).toBeGreaterThan(3);
    for (const cp of outside) {
      const file = await fileFor(cp);
      expect(file, describeChars([cp])).toMatch(/noto-sans-sc-\d+-400-normal\.woff2$/);
      expect(has(file, cp), describeChars([cp])).toBe(true);
    }
  });
});
