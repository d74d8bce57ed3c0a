/**
 * The CJK font, cut down to the characters the app can show: the data (geodata/) and
 * the interface (src/). Noto Sans SC's simplified-Chinese file is 1.1 MB; the subset is
 * about a tenth of that. Characters the main file lacks come from fontsource's numbered
 * slices; a character no file has fails the build, named.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Font, create as openFont } from 'fontkit';
import subsetFont from 'subset-font';

const ROOT = join(import.meta.dirname, '../..');
const FONTSOURCE = join(ROOT, 'node_modules/@fontsource/noto-sans-sc');
const MAIN_FILE = 'files/noto-sans-sc-chinese-simplified-400-normal.woff2';
export const OUT_DIR = join(ROOT, 'src/generated/fonts');

/** What the Latin file (served whole, 13 kB) covers; everything else goes to the subset. */
const LATIN = [
  [0x0000, 0x00ff],
  [0x0131, 0x0131],
  [0x0152, 0x0153],
  [0x02bb, 0x02bc],
  [0x02c6, 0x02c6],
  [0x02da, 0x02da],
  [0x02dc, 0x02dc],
  [0x0304, 0x0304],
  [0x0308, 0x0308],
  [0x0329, 0x0329],
  [0x2000, 0x206f],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2191, 0x2191],
  [0x2193, 0x2193],
  [0x2212, 0x2212],
  [0x2215, 0x2215],
  [0xfeff, 0xfeff],
  [0xfffd, 0xfffd],
] as const;
export const inLatin = (cp: number) => LATIN.some(([a, b]) => cp >= a && cp <= b);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'generated' || e.name === 'node_modules') return [];
    return e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)];
  });
}

/** Every character outside the Latin file that the data or the interface can put on screen. */
export function neededCodePoints(root = ROOT): number[] {
  const files = [
    ...walk(join(root, 'geodata')).filter((f) => /\.(json|geojson)$/.test(f)),
    ...walk(join(root, 'src')).filter((f) => /\.(ts|tsx)$/.test(f)),
  ];
  const set = new Set<number>();
  for (const f of files) for (const ch of readFileSync(f, 'utf8')) set.add(ch.codePointAt(0) as number);
  // Digits and punctuation in CJK width, which number formatting may produce.
  for (const ch of '０１２３４５６７８９：，。；、（）《》“”‘’—…·▲▼■±−≈²³') set.add(ch.codePointAt(0) as number);
  return [...set].filter((cp) => cp > 0x20 && !inLatin(cp) && !(cp >= 0xd800 && cp <= 0xdfff)).sort((a, b) => a - b);
}

/** A unicode-range string (fontsource's `U+4e00-4e10,U+4e20`) as [first, last] code point pairs. */
export const parseRange = (s: string): [number, number][] =>
  s.split(',').map((r) => {
    const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
    return [Number.parseInt(a as string, 16), Number.parseInt((b ?? a) as string, 16)];
  });

export interface SubsetPlan {
  main: number[];
  extra: { slice: string; file: string; codePoints: number[] }[];
  missing: number[];
}

/** Which file supplies each character. */
export function planSubset(needed: number[]): SubsetPlan {
  const main = openFont(readFileSync(join(FONTSOURCE, MAIN_FILE))) as Font;
  const slices = JSON.parse(readFileSync(join(FONTSOURCE, 'unicode.json'), 'utf8')) as Record<string, string>;
  const plan: SubsetPlan = { main: [], extra: [], missing: [] };
  for (const cp of needed) {
    if (main.hasGlyphForCodePoint(cp)) {
      plan.main.push(cp);
      continue;
    }
    const slice = Object.entries(slices).find(
      ([name, range]) => /^\[\d+\]$/.test(name) && parseRange(range).some(([a, b]) => cp >= a && cp <= b),
    );
    const file = slice && `files/noto-sans-sc-${slice[0].slice(1, -1)}-400-normal.woff2`;
    if (
      slice &&
      file &&
      existsSync(join(FONTSOURCE, file)) &&
      (openFont(readFileSync(join(FONTSOURCE, file))) as Font).hasGlyphForCodePoint(cp)
    ) {
      const entry = plan.extra.find((e) => e.slice === slice[0]);
      if (entry) entry.codePoints.push(cp);
      else plan.extra.push({ slice: slice[0], file, codePoints: [cp] });
    } else plan.missing.push(cp);
  }
  return plan;
}

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
export const nameCodePoints = (cps: number[]) => cps.map((cp) => `${String.fromCodePoint(cp)} (${hex(cp)})`).join(', ');

/** unicode-range for a set of code points, merged into runs. */
export function unicodeRange(cps: number[]): string[] {
  const out: string[] = [];
  let start = cps[0];
  let prev = cps[0];
  for (const cp of [...cps.slice(1), Number.NaN]) {
    if (cp === (prev as number) + 1) prev = cp;
    else {
      out.push(start === prev ? hex(start as number) : `${hex(start as number)}-${hex(prev as number).slice(2)}`);
      start = cp;
      prev = cp;
    }
  }
  return out;
}

export interface SubsetResult {
  files: { name: string; bytes: number; codePoints: number }[];
  sourceBytes: number;
  changed: boolean;
}

/**
 * The same faces as CSS, for the page's first paint (the prerendered first view shows before any
 * script runs). Later rules win for a character both cover: the main subset first, Latin over it,
 * the one-glyph files last. Vite turns the relative URLs into the same hashed files as the manifest.
 */
export function facesCss(jobs: { name: string; codePoints: number[] }[]): string {
  const face = (url: string, range?: string[]) =>
    [
      '@font-face {',
      "  font-family: 'Noto Sans SC';",
      '  font-weight: 400;',
      '  font-display: block;',
      `  src: url('${url}') format('woff2');`,
      ...(range ? [`  unicode-range: ${range.join(', ')};`] : []),
      '}',
    ].join('\n');
  const latin = LATIN.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b).slice(2)}`));
  return [
    '/* Generated by scripts/subset-fonts.ts: do not edit. */',
    face(`./${jobs[0]?.name}`),
    face('../../../node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-latin-400-normal.woff2', latin),
    ...jobs.slice(1).map((j) => face(`./${j.name}`, unicodeRange(j.codePoints))),
    '',
  ].join('\n');
}

/** Writes src/generated/fonts/ (the subset files, a manifest and faces.css) if the character set changed. */
export async function buildSubset(): Promise<SubsetResult> {
  const needed = neededCodePoints();
  const plan = planSubset(needed);
  if (plan.missing.length > 0) {
    throw new Error(`No font file has a glyph for: ${nameCodePoints(plan.missing)}. Change the text, or add a font that has them.`);
  }
  // The layout of the generated files is part of the hash: a change to it regenerates them.
  const hash = createHash('sha256')
    .update(JSON.stringify({ plan, layout: 2 }))
    .digest('hex')
    .slice(0, 12);
  const manifestPath = join(OUT_DIR, 'manifest.ts');
  const sourceBytes = readFileSync(join(FONTSOURCE, MAIN_FILE)).length;
  if (
    existsSync(manifestPath) &&
    readFileSync(manifestPath, 'utf8').includes(`hash: '${hash}'`) &&
    existsSync(join(OUT_DIR, 'faces.css'))
  ) {
    const files = readdirSync(OUT_DIR)
      .filter((f) => f.endsWith('.woff2'))
      .map((name) => ({ name, bytes: readFileSync(join(OUT_DIR, name)).length, codePoints: 0 }));
    return { files, sourceBytes, changed: false };
  }
  mkdirSync(OUT_DIR, { recursive: true });
  const jobs = [
    { name: 'cjk-main.woff2', file: MAIN_FILE, codePoints: plan.main },
    ...plan.extra.map((e) => ({ name: `cjk-extra-${e.slice.slice(1, -1)}.woff2`, file: e.file, codePoints: e.codePoints })),
  ];
  const files: SubsetResult['files'] = [];
  for (const job of jobs) {
    const text = job.codePoints.map((cp) => String.fromCodePoint(cp)).join('');
    const out = await subsetFont(readFileSync(join(FONTSOURCE, job.file)), text, { targetFormat: 'woff2' });
    writeFileSync(join(OUT_DIR, job.name), out);
    files.push({ name: job.name, bytes: out.length, codePoints: job.codePoints.length });
  }
  for (const f of readdirSync(OUT_DIR)) if (f.endsWith('.woff2') && !jobs.some((j) => j.name === f)) rmSync(join(OUT_DIR, f));
  const lines = [
    '// Generated by scripts/subset-fonts.ts from the text in geodata/ and src/: do not edit.',
    `// ${needed.length} characters; ${jobs.map((j) => `${j.name} ${j.codePoints.length}`).join(', ')}`,
    ...jobs.map((j, i) => `import f${i} from './${j.name}?url';`),
    '',
    `export const fontManifest = { hash: '${hash}' as const };`,
    '/**',
    ' * Subset files, each with the characters it has as its unicode-range: MapLibre draws a character with the',
    ' * first file whose range covers it, so a character none of them has goes on to the fallback slices.',
    ' */',
    'export const cjkFaces: { url: string; unicodeRange: string[] }[] = [',
    ...jobs
      .map((j, i) => ({ j, i }))
      .reverse()
      .map(({ j, i }) => `  { url: f${i}, unicodeRange: ${JSON.stringify(unicodeRange(j.codePoints))} },`),
    '];',
    '',
  ];
  writeFileSync(manifestPath, lines.join('\n'));
  writeFileSync(join(OUT_DIR, 'faces.css'), facesCss(jobs));
  return { files, sourceBytes, changed: true };
}
