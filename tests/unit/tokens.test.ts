/**
 * One place for colours and shared sizes: src/styles/tokens.css for the stylesheets, src/map/palette.ts
 * for the map's colours in TypeScript, src/ui/sizes.ts for sizes both need. Raw hex colours anywhere
 * else fail here, with the file and line; the tokens the two share must be equal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PALETTE } from '../../src/map/palette';
import { SIZES } from '../../src/ui/sizes';

const HEX = /#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?\b/;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : files(p, ext);
    return ext.test(e.name) ? [p] : [];
  });
}

/** Lines with a hex colour, as `file:line: text`. */
function hexLines(paths: string[], skip: (line: string) => boolean = () => false): string[] {
  return paths.flatMap((p) =>
    readFileSync(p, 'utf8')
      .split('\n')
      .flatMap((line, i) => (HEX.test(line) && !skip(line) ? [`${p}:${i + 1}: ${line.trim()}`] : [])),
  );
}

const tokens = readFileSync('src/styles/tokens.css', 'utf8');
const token = (name: string) => tokens.match(new RegExp(`--${name}:\\s*([^;]+);`))?.[1]?.trim();

describe('design tokens', () => {
  it('no stylesheet but tokens.css writes a hex colour', () => {
    const css = files('src', /\.css$/).filter((p) => !p.endsWith(join('styles', 'tokens.css')));
    expect(css.length).toBeGreaterThan(8);
    expect(hexLines(css)).toEqual([]);
  });

  it('no TypeScript but palette.ts writes a hex colour (a message or an example naming the format aside)', () => {
    const ts = files('src', /\.tsx?$/).filter((p) => !p.endsWith(join('map', 'palette.ts')));
    // Comments may show a configuration example; code may not hold a colour.
    expect(hexLines(ts, (line) => /colour like/.test(line) || /^\s*(\*|\/\/)/.test(line))).toEqual([]);
  });

  it('the map colours the stylesheets use are the palette’s', () => {
    const mapTokens = [...tokens.matchAll(/--map-([a-z-]+):\s*([^;]+);/g)];
    expect(mapTokens.length).toBeGreaterThan(2);
    for (const [, name, value] of mapTokens) {
      const key = (name as string).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) as keyof typeof PALETTE;
      expect(PALETTE[key], `--map-${name}`).toBeDefined();
      expect(String(value).toLowerCase(), `--map-${name}`).toBe(String(PALETTE[key]).toLowerCase());
    }
  });

  it('the sizes the stylesheets use are those of sizes.ts', () => {
    expect(token('tools-panel-width')).toBe(`${SIZES.toolsPanelWidth}px`);
    expect(token('tools-panel-right')).toBe(`${SIZES.toolsPanelRight}px`);
    expect(token('tour-card-width')).toBe(`${SIZES.tourCardWidth}px`);
    expect(token('tour-card-width-big')).toBe(`${SIZES.tourCardWidthBig}px`);
    // The phone layout's breakpoint: every stylesheet's media queries switch where the camera does.
    const breakpoints = new Set(
      files('src', /\.css$/).flatMap((p) => [...readFileSync(p, 'utf8').matchAll(/max-width:\s*(\d+)px\)/g)].map((m) => m[1])),
    );
    expect([...breakpoints]).toEqual([String(SIZES.narrowMapWidth - 1)]);
  });
});
