/**
 * What the panels render, checked for every site and the overview (react-dom/server, no browser): a
 * figure not from the article carries its origin tag on the card wherever it is shown, and a distance
 * with a schematic end is never given to the metre.
 */
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { figures, sites } from '../../src/data/geodata';
import { formatRoughDistance, formatSiteDistance } from '../../src/i18n/format';
import { STRINGS } from '../../src/i18n/strings';
import { Overview } from '../../src/panel/Overview';
import { SitePanel } from '../../src/panel/SitePanel';

/** The figure cards of some markup: id, and whether the card shows an origin tag. */
function cards(html: string): { id: string; tag: string | null }[] {
  return [...html.matchAll(/<article class="figure-card[^"]*" data-figure="([^"]+)">([\s\S]*?)<\/article>/g)].map((m) => ({
    id: m[1] as string,
    tag: /class="figure-origin origin-(external|dashboard)"/.exec(m[2] as string)?.[1] ?? null,
  }));
}

describe('the panels as rendered', () => {
  // Rendered on the server, the store gives its initial state (Chinese): the tag's logic does not depend on the language.
  for (const lang of ['zh'] as const) {
    it(`every card of a figure not from the article says so (${lang})`, () => {
      const html = [
        renderToString(<Overview headingId="h" />),
        ...sites.map((s) => renderToString(<SitePanel site={s} headingId="h" />)),
      ].join('');
      const shown = cards(html);
      expect(shown.length).toBeGreaterThan(40);
      for (const c of shown) {
        const f = figures.find((x) => x.id === c.id);
        expect(c.tag, `figure "${c.id}"`).toBe(f?.origin === 'article' ? null : f?.origin);
      }
      expect(html).toContain(STRINGS[lang].originTag_external);
      expect(STRINGS.en.originTag_external).toMatch(/^External/);
    });
  }

  it('distances with a schematic end are rounded and marked, in both languages', () => {
    for (const s of sites) {
      const html = renderToString(<SitePanel site={s} headingId="h" />);
      const distances = [...html.matchAll(/<span class="nearby-km">([^<]+)<\/span>/g)].map((m) => m[1] as string);
      expect(distances.length).toBeGreaterThan(0);
      // Every site is indicative today: every distance is "约 …公里", none in metres.
      if (s.properties.precision === 'indicative') for (const d of distances) expect(d, s.properties.id).toMatch(/^约 \d+(\.5)? 公里$/);
    }
    expect(formatRoughDistance(0.699, 'zh')).toBe('约 0.5 公里');
    expect(formatRoughDistance(0.43, 'zh')).toBe('约 0.5 公里');
    expect(formatRoughDistance(0.8, 'en')).toBe('about 1 km');
    expect(formatRoughDistance(3.24, 'en')).toBe('about 3 km');
    expect(formatRoughDistance(256.2, 'en')).toBe('about 256 km');
    expect(formatSiteDistance(0.699, false, 'zh')).toBe('699 米');
  });
});
